import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { splitLines } from '../../../app/engine/index.js';
import { EDITOR_BINDINGS, GLOBAL_KEYS, runCommand } from '../commands/commands.js';
import { editLineOp, toggleBreakOp } from '../commands/op-builders.js';
import { createSourceEditor, type SourceEditor } from './codemirror/source-editor.js';
import { lineMarks } from './line-marks.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { useEditorTexts } from './useEditorTexts.js';
import './SourcePane.css';

export function SourcePane() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const pageId = useAppStore((s) => s.pageId);
  const detail = useAppStore((s) => s.page);
  const reveal = useAppStore((s) => s.reveal);
  const focusedArticle = useAppStore((s) => s.focusedArticle);
  const paragraphLines = useAppStore((s) => s.paragraphLines);
  const lineEditRequest = useAppStore((s) => s.lineEditRequest);
  const overlayOpen = useAppStore((s) => s.overlay !== null);
  const texts = useEditorTexts();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<SourceEditor | null>(null);
  const textsRef = useRef(texts);
  textsRef.current = texts;

  const rawText = detail?.rawText;
  const rawLines = useMemo(() => (rawText === undefined ? [] : splitLines(rawText)), [rawText]);
  const annotation = detail?.annotation;
  const key = detail?.page.id;
  const page = useMemo(
    () => (annotation && key !== undefined ? { key, lines: annotation.lines.map((l) => l.text), marks: lineMarks(annotation, rawLines) } : null),
    [annotation, key, rawLines],
  );

  useEffect(() => {
    if (!host.current) return;
    const created = createSourceEditor(host.current, {
      texts: textsRef.current,
      bindings: EDITOR_BINDINGS.map(({ key, command }) => ({ key, run: () => runCommand(command, store.getState()) })),
      windowKeys: new Set(GLOBAL_KEYS.keys()),
      onSelection: (selection) => store.getState().setSelection(selection),
      onToggleBreak(index) {
        const s = store.getState();
        const op = s.page && toggleBreakOp(s.page.annotation, index);
        if (op) void s.edit(op);
      },
      onEditLine(index, text) {
        const s = store.getState();
        const op = s.page && editLineOp(s.page.annotation, index, text);
        if (op) void s.edit(op);
      },
      onContextMenu: (x, y) => store.getState().openOverlay({ kind: 'context-menu', x, y }),
    });
    editor.current = created;
    return () => {
      created.destroy();
      editor.current = null;
    };
  }, [store]);

  // A layout effect, so the source pane shows an edit in the same frame as the article pane.
  useLayoutEffect(() => {
    editor.current?.show(page ?? { key: -1, lines: [], marks: [] });
  }, [page]);

  useEffect(() => {
    editor.current?.setTexts(texts);
  }, [texts]);

  useEffect(() => {
    if (reveal) editor.current?.reveal(reveal.line);
  }, [reveal]);

  useEffect(() => {
    const lines = paragraphLines ? new Set(paragraphLines.lines) : null;
    const scrollTo = paragraphLines?.scroll ? (paragraphLines.lines[0] ?? null) : null;
    editor.current?.highlight({ article: focusedArticle, lines }, scrollTo);
  }, [paragraphLines, focusedArticle]);

  useEffect(() => {
    if (lineEditRequest) editor.current?.editLine(lineEditRequest.index);
  }, [lineEditRequest]);

  // Closing a dialog or menu hands the keyboard back to the page, where the editor works.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !overlayOpen && !(document.activeElement instanceof HTMLInputElement)) editor.current?.focus();
    wasOpen.current = overlayOpen;
  }, [overlayOpen]);

  const loading = pageId !== null && detail?.page.id !== pageId;
  return (
    <section className="pane source" aria-label={t('source.heading')}>
      <header className="pane-header">
        <h2 className="pane-title">{t('source.heading')}</h2>
        {detail && <span className="pane-subtitle" title={detail.page.file}>{detail.page.file}</span>}
        {detail && <span className="pane-meta">{detail.page.encoding}</span>}
      </header>
      <div className="pane-body source-body">
        <div ref={host} className="source-host" data-testid="source-editor" hidden={!detail} />
        {!detail && <p className="pane-empty">{loading ? t('source.loading') : t('source.none')}</p>}
      </div>
    </section>
  );
}
