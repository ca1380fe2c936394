import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';

export function ImportProgress() {
  const { t } = useTranslation();
  const progress = useAppStore((s) => s.importProgress);
  const last = useAppStore((s) => s.lastImport);
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
      </span>
    );
  }
  return null;
}
