import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';
import { locatePage } from '../store/selectors.js';

/** "6/8 done · QA: 1 item" in the status bar; a click opens the issue view. */
export function IssueStatus() {
  const { t } = useTranslation();
  const issueId = useAppStore((s) => locatePage(s.tree, s.pageId)?.issue.id);
  const revision = useAppStore((s) => s.page?.history.revision);
  const report = useAppStore((s) => s.issueQa);
  const loadIssueQa = useAppStore((s) => s.loadIssueQa);
  const openOverlay = useAppStore((s) => s.openOverlay);

  // Edits change what QA finds; metadata changes reload it themselves.
  useEffect(() => {
    if (issueId !== undefined) void loadIssueQa();
  }, [issueId, revision, loadIssueQa]);

  if (!report || report.issueId !== issueId) return null;
  const { progress, items } = report.qa;
  return (
    <button type="button" className="status-item status-issue" data-testid="issue-status" onClick={() => openOverlay({ kind: 'issue' })}>
      {t('issue.status', progress)} · {items.length === 0 ? t('issue.qaClean') : t('issue.qa', { count: items.length })}
    </button>
  );
}
