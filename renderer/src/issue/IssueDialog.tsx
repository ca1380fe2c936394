import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaItem } from '../../../app/metadata/qa.js';
import { IssueDialogFrame } from './IssueDialogFrame.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { locatePage } from '../store/selectors.js';
import { ProgressBar } from './ProgressBar.js';
import { groupQa } from './qa-items.js';
import './IssueDialog.css';

/** The issue at a glance: articles done of all, and every item that blocks a clean export, each a jump into the editor. */
export function IssueDialog() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const close = useCallback(() => store.getState().closeOverlay(), [store]);
  const tree = useAppStore((s) => s.tree);
  const pageId = useAppStore((s) => s.pageId);
  const report = useAppStore((s) => s.issueQa);
  const loadIssueQa = useAppStore((s) => s.loadIssueQa);
  const location = locatePage(tree, pageId);
  const qa = report && report.issueId === location?.issue.id ? report.qa : null;
  const groups = qa ? groupQa(qa.items) : [];

  useEffect(() => {
    void loadIssueQa();
  }, [loadIssueQa]);

  // The item says its article's title as QA read it: the article list may not have reloaded since the title was set.
  const titleOf = (item: QaItem) => item.title ?? `${t('articles.untitled')} · ${item.article ?? ''}`;
  const [waiving, setWaiving] = useState<QaItem | null>(null);
  const [reason, setReason] = useState('');
  // A waiver is the article's metadata (journaled like every metadata change); QA reads it back.
  const waive = async (item: QaItem, patch: { waive: { kind: string; reason: string } } | { unwaive: string }) => {
    if (item.article === null) return;
    setWaiving(null);
    setReason('');
    await store.getState().setMeta(patch, { pageId: item.pageId, articleId: item.article });
    await loadIssueQa();
  };
  const open = (item: QaItem) => {
    close();
    void store.getState().goToLine(item.pageId, item.line, item.article);
  };

  return (
    <IssueDialogFrame i18nKey="issue" className="issue-dialog" testId="issue-view">
      {!qa ? (
        <p className="dialog-hint">{t('issue.loading')}</p>
      ) : (
        <>
          <ProgressBar done={qa.progress.done} total={qa.progress.total} label={t('issue.progress', qa.progress)} testId="issue-progress" />
          <p className="dialog-hint">{qa.items.length === 0 ? t('issue.clean') : t('issue.blocking', { count: qa.items.length })}</p>
          <div className="qa-groups">
            {groups.map((group, g) => (
              <section key={group.kind} className="qa-group" data-kind={group.kind}>
                <h3>
                  {t(`issue.kind.${group.kind}`)} <span className="qa-count">{group.items.length}</span>
                </h3>
                <ul>
                  {group.items.map((item, i) => {
                    const detail = item.detail;
                    return (
                      <li key={i}>
                        <button type="button" className="qa-item" autoFocus={g === 0 && i === 0} onClick={() => open(item)}>
                          <span className="qa-where">
                            {item.line === null ? t('issue.wherePage', { page: item.pageNumber }) : t('issue.where', { page: item.pageNumber, line: item.line })}
                          </span>
                          <span className="qa-detail">
                            {detail === null ? titleOf(item) : 'quote' in detail ? detail.quote : t('issue.lines', detail)}
                          </span>
                          {detail !== null && 'quote' in detail && item.article && <span className="qa-article">{titleOf(item)}</span>}
                        </button>
                        {item.article !== null && waiving !== item && (
                          <button type="button" className="button qa-waive" onClick={() => setWaiving(item)}>
                            {t('issue.waive')}
                          </button>
                        )}
                        {waiving === item && (
                          <form
                            className="qa-waive-form"
                            onSubmit={(e) => {
                              e.preventDefault();
                              if (reason.trim() !== '') void waive(item, { waive: { kind: item.kind, reason } });
                            }}
                          >
                            <input className="text-box" autoFocus aria-label={t('issue.waiveReason')} placeholder={t('issue.waiveReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
                            <button type="submit" className="button button-primary" disabled={reason.trim() === ''}>
                              {t('issue.waiveSave')}
                            </button>
                          </form>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
            {qa.waived.length > 0 && (
              <section className="qa-group qa-waived" data-kind="waived">
                <h3>
                  {t('issue.waived')} <span className="qa-count">{qa.waived.length}</span>
                </h3>
                <ul>
                  {qa.waived.map((item, i) => (
                    <li key={i}>
                      <span className="qa-detail">
                        {t(`issue.kind.${item.kind}`)} · {titleOf(item)} — {item.reason}
                      </span>
                      <button type="button" className="button qa-waive" onClick={() => void waive(item, { unwaive: item.kind })}>
                        {t('issue.unwaive')}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        </>
      )}
    </IssueDialogFrame>
  );
}
