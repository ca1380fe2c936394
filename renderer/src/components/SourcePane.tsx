import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { createSourceEditor, type SourceEditor } from '../editor/source-editor.js';
import { lineMarks } from '../model/line-marks.js';
import { useAppStore } from '../store/index.js';
import { useRoleLabels } from './useRoleLabels.js';
import './SourcePane.css';

export function SourcePane() {
  const { t } = useTranslation();
  const pageId = useAppStore((s) => s.pageId);
  const detail = useAppStore((s) => s.page);
  const reveal = useAppStore((s) => s.reveal);
  const focusedArticle = useAppStore((s) => s.focusedArticle);
  const labels = useRoleLabels();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<SourceEditor | null>(null);
  const labelsRef = useRef(labels);
  labelsRef.current = labels;

  const page = useMemo(
    () => (detail ? { lines: detail.annotation.lines.map((l) => l.text), marks: lineMarks(detail.annotation) } : null),
    [detail],
  );

  useEffect(() => {
    if (!host.current) return;
    const created = createSourceEditor(host.current, labelsRef.current);
    editor.current = created;
    return () => {
      created.destroy();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    editor.current?.show(page ?? { lines: [], marks: [] });
  }, [page]);

  useEffect(() => {
    editor.current?.setRoleLabels(labels);
  }, [labels]);

  useEffect(() => {
    if (reveal) editor.current?.reveal(reveal.line, focusedArticle);
  }, [reveal, focusedArticle]);

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
