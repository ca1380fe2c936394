import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISO_DATE } from '../../../app/metadata/dates.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { useDismiss } from '../ui/useDismiss.js';

/** An issue's details after the import: publication, date, label, and its pages' order and issue. */
export function IssueDetails({ issueId }: { issueId: number }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const tree = useAppStore((s) => s.tree);
  const box = useRef<HTMLDivElement>(null);
  const close = () => store.getState().closeOverlay();
  useDismiss(box, close);
  const publication = tree?.publications.find((p) => p.issues.some((i) => i.id === issueId));
  const issue = publication?.issues.find((i) => i.id === issueId);
  const [name, setName] = useState(publication?.name ?? '');
  const [date, setDate] = useState(issue?.date ?? '');
  const [label, setLabel] = useState(issue?.label ?? '');
  if (!publication || !issue) return null;
  const others = tree!.publications.flatMap((p) => p.issues.filter((i) => i.id !== issueId).map((i) => ({ id: i.id, name: `${p.name} ${i.date ?? t('library.undated')} ${i.label !== i.date ? i.label : ''}`.trim() })));
  const dateOk = date.trim() === '' || ISO_DATE.test(date.trim());
  const save = async () => {
    if (!dateOk || name.trim() === '') return;
    const patch: { publication?: string; date?: string | null; label?: string } = {};
    if (name.trim() !== publication.name) patch.publication = name.trim();
    if ((date.trim() || null) !== issue.date) patch.date = date.trim() || null;
    if (label.trim() !== '' && label.trim() !== issue.label) patch.label = label.trim();
    close();
    if (Object.keys(patch).length) await store.getState().updateIssue(issueId, patch);
  };
  const move = (pageId: number, to: number, position: number) => void store.getState().movePage(pageId, to, position);

  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog issue-details" role="dialog" aria-modal="true" aria-label={t('issueDetails.title')} data-testid="issue-details">
        <h2 className="dialog-title">{t('issueDetails.title')}</h2>
        <label className="meta-label">
          {t('issueDetails.publication')}
          <input className="text-box meta-input" name="publication" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="meta-label">
          {t('issueDetails.date')}
          <input className="text-box meta-input" name="date" placeholder="YYYY-MM-DD" value={date} aria-invalid={!dateOk || undefined} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="meta-label">
          {t('issueDetails.label')}
          <input className="text-box meta-input" name="label" value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <h3 className="meta-label">{t('issueDetails.pages')}</h3>
        <ol className="issue-details-pages">
          {issue.pages.map((p, i) => (
            <li key={p.id} data-page={p.file}>
              <span className="page-number">{t('library.pageNumber', { n: p.number })}</span> <span className="page-name">{p.file}</span>{' '}
              <button type="button" className="icon-button" disabled={i === 0} aria-label={t('issueDetails.up', { file: p.file })} onClick={() => move(p.id, issueId, i)}>
                ↑
              </button>
              <button type="button" className="icon-button" disabled={i === issue.pages.length - 1} aria-label={t('issueDetails.down', { file: p.file })} onClick={() => move(p.id, issueId, i + 2)}>
                ↓
              </button>
              {others.length > 0 && (
                <select aria-label={t('issueDetails.moveTo', { file: p.file })} value="" onChange={(e) => e.target.value && move(p.id, Number(e.target.value), 100_000)}>
                  <option value="">{t('issueDetails.moveTo', { file: p.file })}</option>
                  {others.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </li>
          ))}
        </ol>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            {t('issueDetails.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={!dateOk || name.trim() === ''} onClick={() => void save()}>
            {t('issueDetails.save')}
          </button>
        </div>
      </div>
    </div>
  );
}
