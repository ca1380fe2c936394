import type Database from 'better-sqlite3';
import type { TrashItem } from '../../app/contract.js';
import { GalleyError } from '../../app/errors.js';
import { buildIssueExport } from '../export/export.js';
import { importIssueJson } from '../import/import-json.js';
import { getIssue } from '../store/issues.js';
import { appendJournal } from '../store/journal.js';
import { getPageRow, issueHoldsTwin, pageIdsInOrder, placePage } from '../store/pages.js';
import { deleteIssueRow, deletePageRows, forgetHome, getTrash, listTrash, putInTrash, removeFromTrash } from '../store/trash.js';

// A delete keeps what it takes as the issue export it would write (everything `import` restores),
// so a restore is that import: checked as strictly as a file, and the page is back with its
// decisions, metadata and undo history. The journal records each delete and restore.

const DELETE_OP = 'delete';
const RESTORE_OP = 'restore';

/** Deletes an issue with its pages into the trash; returns the trash entry. */
export function deleteIssue(db: Database.Database, issueId: number): number {
  return db.transaction(() => {
    const issue = getIssue(db, issueId);
    if (!issue) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    const doc = buildIssueExport(db, issueId);
    const label = [doc.publication.name, issue.date ?? '', issue.label].filter(Boolean).join(' · ');
    const trashId = putInTrash(db, { kind: 'issue', label, issueId, position: null, pages: doc.pages.length }, JSON.stringify(doc));
    deletePageRows(db, pageIdsInOrder(db, issueId, 0));
    deleteIssueRow(db, issueId);
    // its id may be given to a new issue: the pages deleted from it come back as issues of their own
    forgetHome(db, issueId);
    appendJournal(db, { pageId: null, op: DELETE_OP, payload: { trash: trashId, issue: issueId }, inverse: { trash: trashId } });
    return trashId;
  }).immediate();
}

/** Deletes one page into the trash; the issue's other pages are numbered 1…n again. Returns the trash entry. */
export function deletePage(db: Database.Database, pageId: number): number {
  return db.transaction(() => {
    const row = getPageRow(db, pageId);
    if (!row) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
    const whole = buildIssueExport(db, row.issueId);
    const doc = { ...whole, pages: whole.pages.filter((p) => p.number === row.number), journal: whole.journal.filter((j) => j.page === row.number) };
    const label = [whole.publication.name, getIssue(db, row.issueId)?.date ?? '', `p${row.number}`, row.file].filter(Boolean).join(' · ');
    const trashId = putInTrash(db, { kind: 'page', label, issueId: row.issueId, position: row.number, pages: 1 }, JSON.stringify(doc));
    deletePageRows(db, [pageId]);
    pageIdsInOrder(db, row.issueId, pageId).forEach((id, i) => placePage(db, id, row.issueId, i + 1));
    appendJournal(db, { pageId: null, op: DELETE_OP, payload: { trash: trashId, page: pageId }, inverse: { trash: trashId } });
    return trashId;
  }).immediate();
}

/** The trash, most recently deleted first. */
export function trashList(db: Database.Database): TrashItem[] {
  return listTrash(db).map(({ id, kind, label, pages, deletedAt }) => ({ id, kind, label, pages, deletedAt }));
}

/**
 * Brings a deleted issue or page back. An issue comes back as an issue; a page into the issue it
 * was in, at its place, while that issue exists (else as an issue of its own).
 */
export function restoreFromTrash(db: Database.Database, trashId: number): { issueId: number; pageId: number | null } {
  return db.transaction(() => {
    const entry = getTrash(db, trashId);
    if (!entry) throw new GalleyError('NOT_FOUND', `nothing in the trash with id ${trashId}`);
    const home = entry.kind === 'page' && entry.issueId !== null && getIssue(db, entry.issueId) ? entry.issueId : null;
    const { issueId } = importIssueJson(db, entry.document, `trash entry ${trashId}`);
    let restored = { issueId, pageId: null as number | null };
    if (home !== null) {
      const pageId = pageIdsInOrder(db, issueId, 0)[0]!;
      if (issueHoldsTwin(db, home, pageId)) throw new GalleyError('CONFLICT', 'the issue it was in holds the same page again (identical content): delete that one first');
      const target = pageIdsInOrder(db, home, pageId);
      target.splice(Math.max(0, Math.min(entry.position! - 1, target.length)), 0, pageId);
      target.forEach((id, i) => placePage(db, id, home, i + 1));
      deleteIssueRow(db, issueId);
      restored = { issueId: home, pageId };
    } else if (entry.kind === 'page') {
      restored.pageId = pageIdsInOrder(db, issueId, 0)[0]!;
    }
    removeFromTrash(db, trashId);
    appendJournal(db, { pageId: null, op: RESTORE_OP, payload: { trash: trashId, ...restored }, inverse: {} });
    return restored;
  }).immediate();
}

