import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreApi } from '../store/index.js';
import { useDismiss } from '../ui/useDismiss.js';

/** Ctrl+R asks first: a re-run changes much of the page at once (though it keeps every editor decision). */
export function ConfirmRerun() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const box = useRef<HTMLDivElement>(null);
  const close = () => store.getState().closeOverlay();
  useDismiss(box, close);
  const confirm = () => {
    close();
    void store.getState().rerun();
  };
  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog confirm" role="alertdialog" aria-modal="true" aria-label={t('rerun.title')}>
        <h2 className="dialog-title">{t('rerun.title')}</h2>
        <p className="dialog-hint">{t('rerun.body')}</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            {t('rerun.cancel')}
          </button>
          <button type="button" className="button button-primary" autoFocus onClick={confirm}>
            {t('rerun.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
