import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FURNITURE_ROLES, LINE_ROLES } from '../../../app/model/page.js';
import type { RoleLabels } from '../editor/line-marks.js';

export function useRoleLabels(): RoleLabels {
  const { t } = useTranslation();
  return useMemo(() => {
    const labels = {} as RoleLabels;
    for (const role of [...LINE_ROLES, ...FURNITURE_ROLES]) {
      labels[role] = { letter: t(`roleLetter.${role}`), name: t(`role.${role}`) };
    }
    return labels;
    // `t` changes identity on a language switch, so the labels follow it.
  }, [t]);
}
