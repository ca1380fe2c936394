import type Database from 'better-sqlite3';
import { prepared } from './statements.js';
import { now } from './time.js';

/** A deleted issue or page as the trash keeps it (migration 015). */
export interface TrashRow {
  id: number;
  kind: 'issue' | 'page';
  label: string;
  /** A page: the issue it was in (it goes back there while that issue exists). */
  issueId: number | null;
  /** A page: its number in that issue. */
  position: number | null;
  pages: number;
  deletedAt: string;
}

const COLUMNS = 'id, kind, label, issue_id AS issueId, position, pages, deleted_at AS deletedAt';

export function putInTrash(db: Database.Database, row: Omit<TrashRow, 'id' | 'deletedAt'>, document: string): number {
  return Number(prepared(db, 'INSERT INTO trash (kind, label, issue_id, position, pages, document, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(row.kind, row.label, row.issueId, row.position, row.pages, document, now()).lastInsertRowid);
}

/** What the trash holds, most recently deleted first. */
export function listTrash(db: Database.Database): TrashRow[] {
  return prepared(db, `SELECT ${COLUMNS} FROM trash ORDER BY id DESC`).all() as TrashRow[];
}

export function getTrash(db: Database.Database, id: number): (TrashRow & { document: string }) | undefined {
  return prepared(db, `SELECT ${COLUMNS}, document FROM trash WHERE id = ?`).get(id) as (TrashRow & { document: string }) | undefined;
}

export function removeFromTrash(db: Database.Database, id: number): void {
  prepared(db, 'DELETE FROM trash WHERE id = ?').run(id);
}

/**
 * Deletes pages and what hangs on them. Their journal rows go too (the trash keeps them in the
 * page's document): left behind, they would be edits of no page.
 */
export function deletePageRows(db: Database.Database, pageIds: readonly number[]): void {
  const ids = JSON.stringify(pageIds);
  prepared(db, 'DELETE FROM edit_journal WHERE page_id IN (SELECT value FROM json_each(?))').run(ids);
  prepared(db, 'DELETE FROM pages WHERE id IN (SELECT value FROM json_each(?))').run(ids);
}

export function deleteIssueRow(db: Database.Database, issueId: number): void {
  prepared(db, 'DELETE FROM issues WHERE id = ?').run(issueId);
}

/** Pages deleted from this issue no longer go back into it (the issue is gone; its id may be reused). */
export function forgetHome(db: Database.Database, issueId: number): void {
  prepared(db, "UPDATE trash SET issue_id = NULL WHERE kind = 'page' AND issue_id = ?").run(issueId);
}
