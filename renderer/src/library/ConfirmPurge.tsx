import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../store/index.js';
import { useDismiss } from '../ui/useDismiss.js';

/**
 * Asks before deleting for good, naming each entry that will be destroyed: unlike a delete, this
 * cannot be undone. Cancel has the focus, so Enter on an accidental open destroys nothing.
 */
export function ConfirmPurge({ trashId }: { trashId: number | null }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const trash = useAppStore((s) => s.trash);
  const box = useRef<HTMLDivElement>(null);
  const close = () => store.getState().closeOverlay();
  useDismiss(box, close);
  const doomed = trashId === null ? trash : trash.filter((item) => item.id === trashId);
  const pages = doomed.reduce((n, item) => n + item.pages, 0);
  const confirm = () => {
    close();
    void store.getState().purge(trashId);
  };
  const title = trashId === null ? t('purge.titleAll') : t('purge.titleOne');
  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog confirm confirm-purge" role="alertdialog" aria-modal="true" aria-label={title}>
        <h2 className="dialog-title">{title}</h2>
        <ul className="purge-list">
          {doomed.map((item) => (
            <li key={item.id}>
              {item.label} ({t('library.trashPages', { count: item.pages })})
            </li>
          ))}
        </ul>
        <p className="dialog-hint">{t('purge.body', { count: pages })}</p>
        <div className="dialog-actions">
          <button type="button" className="button" autoFocus onClick={close}>
            {t('purge.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={doomed.length === 0} onClick={confirm}>
            {t('purge.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
