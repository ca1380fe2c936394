import type Database from 'better-sqlite3';
import { GalleyError } from '../../app/errors.js';
import { getIssue, setIssueFields } from '../store/issues.js';
import { getPageRow, issueHoldsTwin, pageIdsInOrder, placePage } from '../store/pages.js';
import { dropPublicationsWithoutIssues, ensurePublication } from '../store/publications.js';

export interface IssuePatch {
  publication?: string;
  date?: string | null;
  label?: string;
}

/**
 * Names an issue after the import: its publication (created on first use), date and label. The
 * articles' dates follow the issue date wherever the editor set none.
 */
export function updateIssue(db: Database.Database, issueId: number, patch: IssuePatch): void {
  db.transaction(() => {
    if (!getIssue(db, issueId)) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    const { publication, ...rest } = patch;
    setIssueFields(db, issueId, { ...rest, ...(publication !== undefined && { publicationId: ensurePublication(db, publication) }) });
    // A publication left without issues goes, so the library does not list an empty "Untitled".
    dropPublicationsWithoutIssues(db);
  }).immediate();
}

/**
 * Puts a page at `position` (1-based) in an issue, its own or another: both issues' pages are
 * numbered 1…n again in their new order.
 */
export function movePage(db: Database.Database, pageId: number, issueId: number, position: number): void {
  db.transaction(() => {
    const from = getPageRow(db, pageId)?.issueId;
    if (from === undefined) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
    if (!getIssue(db, issueId)) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    if (issueHoldsTwin(db, issueId, pageId)) throw new GalleyError('CONFLICT', 'that issue already holds the same page (identical content)');
    const target = pageIdsInOrder(db, issueId, pageId);
    target.splice(Math.max(0, Math.min(position - 1, target.length)), 0, pageId);
    target.forEach((id, i) => placePage(db, id, issueId, i + 1));
    if (from !== issueId) pageIdsInOrder(db, from, pageId).forEach((id, i) => placePage(db, id, from, i + 1));
  }).immediate();
}
