import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';

export function ImportProgress() {
  const { t } = useTranslation();
  const progress = useAppStore((s) => s.importProgress);
  const last = useAppStore((s) => s.lastImport);
  const openOverlay = useAppStore((s) => s.openOverlay);
  if (progress) {
    return (
      <span className="status-item status-import" role="status">
        <progress value={progress.done} max={Math.max(progress.total, 1)} />
        {t('status.importing', progress)}
      </span>
    );
  }
  if (last && last.imported > 0) {
    return (
      <span className="status-item status-import" role="status">
        {t('status.imported', { count: last.imported })}
        {last.askIssue !== null && (
          <button type="button" className="button import-ask" onClick={() => openOverlay({ kind: 'issue-details', issueId: last.askIssue! })}>
            {t('issueDetails.ask')}
          </button>
        )}
      </span>
    );
  }
  return null;
}
