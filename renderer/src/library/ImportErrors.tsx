import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';
import '../ui/messages.css';
import { DismissButton } from '../ui/DismissButton.js';

/**
 * Which files the last import refused and why, and which it took with something to check (a file
 * mixing two encodings, a last character cut off), until the editor dismisses the list.
 */
export function ImportErrors() {
  const { t } = useTranslation();
  const errors = useAppStore((s) => s.importErrors);
  const warnings = useAppStore((s) => s.importWarnings);
  const dismiss = useAppStore((s) => s.dismissImportErrors);
  if (errors.length === 0 && warnings.length === 0) return null;
  const heading = [
    errors.length > 0 ? t('errors.importFailed', { count: errors.length }) : null,
    warnings.length > 0 ? t('errors.importWarned', { count: warnings.length }) : null,
  ].filter((h) => h !== null).join(' · ');
  return (
    <section className="message-list import-errors" role="alert">
      <header className="message">
        <strong className="message-text">{heading}</strong>
        <DismissButton onDismiss={dismiss} />
      </header>
      <ul>
        {errors.map((e) => (
          <li key={e.file} className="import-error">
            <span className="import-error-file">{e.file}</span>
            <span className="import-error-why">{e.error}</span>
          </li>
        ))}
        {warnings.map((w) => (
          <li key={`w:${w.file}`} className="import-error import-warning">
            <span className="import-error-file">{w.file}</span>
            <span className="import-error-why">{w.warning}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
