import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';

/** Whether the panel's last changes are in the library, next to the edits' own save state. */
export function MetaSaveState() {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.metaSaveState);
  if (state === 'idle') return null;
  return (
    <span className="save-state" data-state={state} data-testid="meta-save-state" role="status" aria-live="polite">
      {t(`meta.${state}`)}
    </span>
  );
}
