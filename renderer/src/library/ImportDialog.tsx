import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOptions } from '../../../app/contract.js';
import { ISO_DATE } from '../../../app/metadata/dates.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import type { PendingImport } from '../store/state.js';
import { useDismiss } from '../ui/useDismiss.js';

/**
 * Asked before an import: which paper, which day, which page. Prefilled with what the file names
 * and the first page's header say (import:guess), so a right guess costs one Enter.
 */
export function ImportDialog() {
  const pending = useAppStore((s) => s.pendingImport);
  // A new pick (the menu's, while the dialog is open) starts from its own guess.
  return pending && <DetailsForm key={'ticket' in pending ? pending.ticket : pending.names.join('\n')} pending={pending} />;
}

function DetailsForm({ pending }: { pending: PendingImport }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const box = useRef<HTMLFormElement>(null);
  const close = () => {
    store.getState().cancelImport();
    store.getState().closeOverlay();
  };
  useDismiss(box, close);
  const [publication, setPublication] = useState(pending.guess.publication ?? '');
  const [date, setDate] = useState(pending.guess.date ?? '');
  const [firstPage, setFirstPage] = useState(pending.guess.firstPage === null ? '' : String(pending.guess.firstPage));
  const dateOk = date.trim() === '' || ISO_DATE.test(date.trim());
  const pageOk = firstPage.trim() === '' || /^[1-9]\d{0,3}$/.test(firstPage.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!dateOk || !pageOk) return;
    // blank: the import's own guesses (names, header) decide, as they would without the dialog
    const options: ImportOptions = {
      ...(publication.trim() && { publication: publication.trim() }),
      ...(date.trim() && { date: date.trim() }),
      ...(firstPage.trim() && { firstPage: Number(firstPage.trim()) }),
    };
    store.getState().closeOverlay();
    void store.getState().confirmImport(options);
  };
  const { names } = pending;

  return (
    <div className="dialog-backdrop">
      <form ref={box} className="dialog issue-details" role="dialog" aria-modal="true" aria-label={t('importDialog.title')} data-testid="import-dialog" onSubmit={submit}>
        <h2 className="dialog-title">{t('importDialog.title')}</h2>
        <p className="dialog-hint" title={names.join('\n')}>
          {t('importDialog.files', { count: names.length, first: names[0] })}
        </p>
        <label className="meta-label">
          {t('issueDetails.publication')}
          <input className="text-box meta-input" name="publication" autoFocus value={publication} placeholder={t('importDialog.unknown')} onChange={(e) => setPublication(e.target.value)} />
        </label>
        <label className="meta-label">
          {t('issueDetails.date')}
          <input className="text-box meta-input" name="date" placeholder="YYYY-MM-DD" value={date} aria-invalid={!dateOk || undefined} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="meta-label">
          {t('importDialog.firstPage')}
          <input className="text-box meta-input" name="firstPage" inputMode="numeric" value={firstPage} placeholder={t('importDialog.pageFromFiles')} aria-invalid={!pageOk || undefined} onChange={(e) => setFirstPage(e.target.value)} />
        </label>
        <p className="dialog-hint">{t('importDialog.hint')}</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            {t('issueDetails.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!dateOk || !pageOk}>
            {t('importDialog.import')}
          </button>
        </div>
      </form>
    </div>
  );
}
