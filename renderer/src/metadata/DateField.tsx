import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveDateText } from '../../../app/metadata/dates.js';
import { useDraft } from './useDraft.js';

interface Props {
  /** The editor's date (YYYY-MM-DD), or null for the issue's. */
  value: string | null;
  issueDate: string | null;
  onSave(value: string | null): void;
}

/** What the field's text means: the ISO date it resolves to, `invalid`, `needs-issue-date`, or null when empty. */
function resolveDateInput(text: string, issueDate: string | null): string | 'invalid' | 'needs-issue-date' | null {
  if (text.trim() === '') return null;
  return resolveDateText(text, issueDate) ?? 'invalid';
}

/** The date as printed (`1 月 4 日`, `昨天`) or as YYYY-MM-DD; saved on Enter or blur, once it reads as a date. */
export function DateField({ value, issueDate, onSave }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hint = `${id}-hint`;
  // A half-typed date (`1 月`) reads as no date and is not saved; the pause, Enter or leaving the field saves the rest.
  const { draft, change, flush } = useDraft(value ?? '', (text) => {
    const resolved = resolveDateInput(text, issueDate);
    if (resolved !== 'invalid' && resolved !== 'needs-issue-date' && resolved !== value) onSave(resolved === null ? null : text.trim());
  }, 800);
  const resolved = resolveDateInput(draft, issueDate);
  return (
    <div className="meta-field">
      <label className="meta-label" htmlFor={id}>
        {t('meta.date')}
      </label>
      <input
        id={id}
        className="text-box meta-input"
        value={draft}
        placeholder={issueDate ?? 'YYYY-MM-DD'}
        title={issueDate ? t('meta.dateHint') : t('meta.dateHintNoIssue')}
        aria-describedby={hint}
        aria-invalid={resolved === 'invalid' || resolved === 'needs-issue-date' || undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={flush}
        onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && flush()}
      />
      <p id={hint} className="meta-note" data-testid="date-resolved" data-invalid={resolved === 'invalid' || resolved === 'needs-issue-date' || undefined}>
        {resolved === 'invalid' ? (issueDate ? t('meta.dateInvalid') : t('meta.dateInvalidNoIssue'))
          : resolved === 'needs-issue-date' ? t('meta.dateNeedsIssue')
            : resolved === null || resolved === draft.trim() ? (issueDate ? t('meta.dateIssue', { date: issueDate }) : t('meta.dateHintNoIssue'))
              : t('meta.dateResolved', { date: resolved })}
      </p>
    </div>
  );
}
