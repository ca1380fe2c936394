import { useAppStore } from '../store/index.js';
import '../ui/messages.css';
import { DismissButton } from '../ui/DismissButton.js';

export function ErrorBanner() {
  const errors = useAppStore((s) => s.errors);
  const dismiss = useAppStore((s) => s.dismissError);
  if (errors.length === 0) return null;
  return (
    <ul className="message-list error-banner" role="alert">
      {errors.map((message, i) => (
        <li key={message} className="message">
          <span className="message-text">{message}</span>
          <DismissButton onDismiss={() => dismiss(i)} />
        </li>
      ))}
    </ul>
  );
}
