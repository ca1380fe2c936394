import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';

/** Saving… / Saved ✓ / error: every correction is saved as it is made, and this says so. */
export function SaveState() {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.saveState);
  const undoOp = useAppStore((s) => s.page?.history.undoOp ?? null);
  const revision = useAppStore((s) => s.page?.history.revision ?? 0);
  return (
    <span className="save-state" data-state={state} data-testid="save-state" data-revision={revision} aria-live="polite" title={undoOp ? t('save.undo', { op: undoOp }) : undefined}>
      {t(`save.${state}`)}
    </span>
  );
}
