import type Database from 'better-sqlite3';
import { GalleyError } from '../../app/errors.js';
import { getIssue } from '../store/issues.js';
import { ensurePublication } from '../store/publications.js';
import { prepared } from '../store/statements.js';

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
    if (patch.publication !== undefined) prepared(db, 'UPDATE issues SET publication_id = ? WHERE id = ?').run(ensurePublication(db, patch.publication), issueId);
    if (patch.date !== undefined) prepared(db, 'UPDATE issues SET date = ? WHERE id = ?').run(patch.date, issueId);
    if (patch.label !== undefined) prepared(db, 'UPDATE issues SET label = ? WHERE id = ?').run(patch.label, issueId);
    // A publication left without issues goes, so the library does not list an empty "Untitled".
    prepared(db, 'DELETE FROM publications WHERE id NOT IN (SELECT publication_id FROM issues)').run();
  }).immediate();
}

/**
 * Puts a page at `position` (1-based) in an issue, its own or another: both issues' pages are
 * numbered 1…n again in their new order.
 */
export function movePage(db: Database.Database, pageId: number, issueId: number, position: number): void {
  db.transaction(() => {
    const from = prepared(db, 'SELECT issue_id FROM pages WHERE id = ?').pluck().get(pageId) as number | undefined;
    if (from === undefined) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
    if (!getIssue(db, issueId)) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    const twin = prepared(db, 'SELECT 1 FROM pages WHERE issue_id = ? AND id <> ? AND sha256 = (SELECT sha256 FROM pages WHERE id = ?)').get(issueId, pageId, pageId);
    if (twin) throw new GalleyError('CONFLICT', 'that issue already holds the same page (identical content)');
    const order = (issue: number) => prepared(db, 'SELECT id FROM pages WHERE issue_id = ? AND id <> ? ORDER BY number, id').pluck().all(issue, pageId) as number[];
    const target = order(issueId);
    target.splice(Math.max(0, Math.min(position - 1, target.length)), 0, pageId);
    const renumber = prepared(db, 'UPDATE pages SET issue_id = ?, number = ? WHERE id = ?');
    target.forEach((id, i) => renumber.run(issueId, i + 1, id));
    if (from !== issueId) order(from).forEach((id, i) => renumber.run(from, i + 1, id));
  }).immediate();
}
