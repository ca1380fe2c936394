import { useTranslation } from 'react-i18next';
import { FURNITURE_ROLES, type FurnitureRole } from '../../../app/model/page.js';
import { furnitureOp } from '../commands/op-builders.js';
import { useStoreApi } from '../store/index.js';
import { Picker } from '../ui/Picker.js';

/** F: which kind of page furniture the selected lines are (page header first: the common case). */
export function FurniturePicker() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const items = FURNITURE_ROLES.map((role) => ({ id: role, label: t(`role.${role}`) }));
  const pick = (id: string) => {
    const s = store.getState();
    const op = s.page && s.selection && furnitureOp(s.page.annotation, s.selection, id as FurnitureRole);
    if (op) void s.edit(op);
  };
  return <Picker title={t('picker.furnitureTitle')} items={items} onPick={pick} onClose={() => store.getState().closeOverlay()} />;
}
