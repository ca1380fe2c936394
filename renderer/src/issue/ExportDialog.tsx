import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../app/export/index.js';
import { IssueDialogFrame } from './IssueDialogFrame.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { locatePage } from '../store/selectors.js';
import { ProgressBar } from './ProgressBar.js';
import { downloadLinks, formatSize, revokeLinks } from './export-files.js';
import './ExportDialog.css';

/**
 * Export the open issue: pick a format, watch the progress, get the files as browser downloads.
 * Every export downloads at once as one file: md and txt (a file per article) as one zip of their folder.
 */
export function ExportDialog() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const list = useRef<HTMLUListElement>(null);
  const format = useAppStore((s) => s.exportFormat);
  const run = useAppStore((s) => s.exportRun);
  const tree = useAppStore((s) => s.tree);
  const pageId = useAppStore((s) => s.pageId);
  const location = locatePage(tree, pageId);
  const setFormat = useAppStore((s) => s.setExportFormat);
  const runExport = useAppStore((s) => s.runExport);
  const report = useAppStore((s) => s.issueQa);
  const loadIssueQa = useAppStore((s) => s.loadIssueQa);
  useEffect(() => {
    void loadIssueQa();
  }, [loadIssueQa]);
  const open = report && report.issueId === location?.issue.id ? report.qa.items : [];
  const openKinds = [...new Set(open.map((i) => i.kind))];

  const finished = run?.phase === 'done' && run.issueId === location?.issue.id && run.format === format ? run : null;
  const archive = finished?.archive ?? null;
  const saved = finished?.saved ?? null;
  const links = useMemo(() => (archive ? downloadLinks(archive) : []), [archive]);
  useEffect(() => () => revokeLinks(links), [links]);
  // The export is what the editor asked for: it downloads without a second click.
  useEffect(() => {
    list.current?.querySelector('a')?.click();
  }, [links]);
  useEffect(() => () => store.getState().clearExport(), [store]);

  const running = run?.phase === 'running';
  const progress = run?.progress;

  return (
    <IssueDialogFrame i18nKey="export" className="export-dialog" testId="export-dialog">
      <fieldset className="export-formats" disabled={running}>
        <legend className="export-legend">{t('export.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f} className="export-format" data-format={f}>
            <input type="radio" name="export-format" value={f} checked={f === format} onChange={() => setFormat(f)} autoFocus={f === format} />
            <span className="export-format-name">{f}</span>
            <span className="export-format-hint">{t(`export.formats.${f}`)}</span>
          </label>
        ))}
      </fieldset>
      {/* What QA still finds is named before anything is written, so the editor exports knowing it. */}
      {open.length > 0 && !finished && (
        <p className="dialog-hint export-qa" data-testid="export-qa">
          {t('export.openQa', { count: open.length })} {openKinds.map((k) => t(`issue.kind.${k}`)).join(' · ')}
        </p>
      )}
      {running && (
        <ProgressBar
          done={progress?.done ?? 0}
          total={progress?.total ?? 1}
          label={progress ? t('export.running', progress) : t('export.preparing')}
          testId="export-progress"
        />
      )}
      {run?.phase === 'error' && <p className="dialog-hint export-failed">{t('export.failed')}</p>}
      {saved && (
        <div className="export-result" data-testid="export-result">
          <ProgressBar done={1} total={1} label={t('export.saved', { count: saved.files.length, folder: saved.folder })} />
          <ul className="export-files">
            {saved.files.map((file) => (
              <li key={file} className="export-file">
                <span className="export-file-name">{file}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {archive && (
        <div className="export-result" data-testid="export-result">
          <ProgressBar done={1} total={1} label={t('export.done', { count: archive.files.length })} />
          {archive.files.length > 1 && <p className="dialog-hint" data-testid="export-zip-hint">{t('export.zipHint', { count: archive.files.length, folder: archive.folder ?? '' })}</p>}
          <ul ref={list} className="export-files">
            {links.map((l) => (
              <li key={l.name}>
                <a href={l.url} download={l.name} className="export-file">
                  <span className="export-file-name">{l.name}</span>
                  <span className="export-file-size">{formatSize(l.size)}</span>
                  <span className="export-file-action">{t('export.download')}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" disabled={running || !location} onClick={() => void runExport()}>
          {t('export.run')}
        </button>
      </div>
    </IssueDialogFrame>
  );
}
