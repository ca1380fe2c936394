import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';
import '../ui/messages.css';

/** Which files the last import refused and why, until the editor dismisses the list. */
export function ImportErrors() {
  const { t } = useTranslation();
  const errors = useAppStore((s) => s.importErrors);
  const dismiss = useAppStore((s) => s.dismissImportErrors);
  if (errors.length === 0) return null;
  return (
    <section className="message-list import-errors" role="alert">
      <header className="message">
        <strong className="message-text">{t('errors.importFailed', { count: errors.length })}</strong>
        <button type="button" className="message-dismiss" aria-label={t('errors.dismiss')} title={t('errors.dismiss')} onClick={dismiss}>
          ×
        </button>
      </header>
      <ul>
        {errors.map((e) => (
          <li key={e.file} className="import-error">
            <span className="import-error-file">{e.file}</span>
            <span className="import-error-why">{e.error}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
