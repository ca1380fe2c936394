import { useTranslation } from 'react-i18next';
import './messages.css';

/** The × that closes a message (an error, a notice, the Undo bar). */
export function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="message-dismiss" aria-label={t('errors.dismiss')} title={t('errors.dismiss')} onClick={onDismiss}>
      ×
    </button>
  );
}
