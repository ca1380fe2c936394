import { useTranslation } from 'react-i18next';
import { FURNITURE_ROLES, type FurnitureRole, LINE_ROLES, type LineRole } from '../../../app/model/page.js';
import { useAppStore } from '../store/index.js';

const ROLES: readonly string[] = [...LINE_ROLES, ...FURNITURE_ROLES];

/**
 * "Undid: corrected line 12 text": undo takes back the page's last edit, which may be older than
 * the metadata changes made since, so the status bar says which one it was.
 */
export function HistoryStepNote() {
  const { t } = useTranslation();
  const step = useAppStore((s) => s.historyStep);
  if (!step) return null;
  const value = step.value !== null && ROLES.includes(step.value) ? t(`role.${step.value as LineRole | FurnitureRole}`) : (step.value ?? '');
  const said = t(`history.step.${step.op}`, { lines: step.lines ?? '', article: step.article ?? '', value });
  return (
    <span className="status-item" data-testid="history-step" aria-live="polite">
      {t(`history.${step.direction}`, { step: said })}
    </span>
  );
}
