import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';
import '../ui/messages.css';

export function ErrorBanner() {
  const { t } = useTranslation();
  const errors = useAppStore((s) => s.errors);
  const dismiss = useAppStore((s) => s.dismissError);
  if (errors.length === 0) return null;
  return (
    <ul className="message-list error-banner" role="alert">
      {errors.map((message, i) => (
        <li key={message} className="message">
          <span className="message-text">{message}</span>
          <button type="button" className="message-dismiss" aria-label={t('errors.dismiss')} title={t('errors.dismiss')} onClick={() => dismiss(i)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
