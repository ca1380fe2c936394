import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueSummary } from '../../../app/contract.js';
import { useAppStore } from '../store/index.js';

export function IssueGroup({ issue }: { issue: IssueSummary }) {
  const { t } = useTranslation();
  const pageId = useAppStore((s) => s.pageId);
  const openPage = useAppStore((s) => s.openPage);
  // Pages marked done, known for the open page's publication (its profile is loaded).
  const done = useAppStore((s) => (s.profile?.publicationId === issue.publicationId ? s.profile.donePageIds : null));
  const openOverlay = useAppStore((s) => s.openOverlay);
  const deleteIssue = useAppStore((s) => s.deleteIssue);
  const deletePage = useAppStore((s) => s.deletePage);
  // Delete on a focused page deletes the page; on the issue's own buttons, the issue.
  const onDelete = (remove: () => Promise<void>) => (e: KeyboardEvent) => {
    if (e.key !== 'Delete') return;
    e.preventDefault();
    void remove();
  };
  return (
    <div className="issue">
      <div className="issue-heading">
        <span className="issue-date">{issue.date ?? t('library.undated')}</span>
        {issue.label && issue.label !== issue.date && <span className="issue-label">{issue.label}</span>}
        {issue.incomplete && <span className="issue-incomplete" title={t('library.incompleteHint')}>{t('library.incomplete')}</span>}
        <button
          type="button"
          className="icon-button issue-edit"
          title={t('issueDetails.open')}
          aria-label={t('issueDetails.open')}
          onClick={() => openOverlay({ kind: 'issue-details', issueId: issue.id })}
          onKeyDown={onDelete(() => deleteIssue(issue.id))}
        >
          ✎
        </button>
        <button
          type="button"
          className="icon-button issue-delete"
          title={t('library.deleteIssue')}
          aria-label={t('library.deleteIssue')}
          onClick={() => void deleteIssue(issue.id)}
          onKeyDown={onDelete(() => deleteIssue(issue.id))}
        >
          ✕
        </button>
      </div>
      <ul className="issue-pages">
        {issue.pages.map((page) => (
          <li key={page.id} className="page-row">
            <button
              type="button"
              className="page-item"
              aria-current={page.id === pageId ? 'page' : undefined}
              title={page.file}
              onClick={() => void openPage(page.id)}
              onKeyDown={onDelete(() => deletePage(page.id))}
            >
              <span className="page-number">
                {t('library.pageNumber', { n: page.number })}
                {done?.includes(page.id) && <span className="page-done" title={t('profile.pageDone')} data-testid="page-done"> ✓</span>}
              </span>
              <span className="page-name">{page.section ?? page.file}</span>
              <span className="page-lines">{t('library.lines', { count: page.lineCount })}</span>
            </button>
            <button
              type="button"
              className="icon-button page-delete"
              title={t('library.deletePage')}
              aria-label={t('library.deletePage')}
              onClick={() => void deletePage(page.id)}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
