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

/** Removes an entry with the rows it keeps; its pages' ids stay taken (trash_pages, with no entry). */
export function removeFromTrash(db: Database.Database, id: number): void {
  prepared(db, 'DELETE FROM trash WHERE id = ?').run(id);
}

/**
 * The tables whose rows hang on a page (by `page_id`), in the order a restore writes them: what
 * the trash keeps of a page beside its `pages` row and its links (`article_links`, either end).
 */
export const PAGE_TABLES = ['lines', 'articles', 'spans', 'article_metadata', 'page_geometry', 'page_images', 'profile_pages', 'edit_journal'] as const;
/** What hangs on an issue besides its pages. */
export const ISSUE_TABLES = ['page_sources', 'import_runs'] as const;
/** The search index, made again from the rows above: not kept, rebuilt after a restore. */
export const DERIVED_TABLES = ['search_lines', 'article_terms', 'search_dirty'] as const;
export type KeptTable = 'pages' | 'article_links' | (typeof PAGE_TABLES)[number] | (typeof ISSUE_TABLES)[number];

/** A row as the trash keeps it: column → value (a BLOB as a Buffer). */
export type KeptRow = Record<string, unknown>;

// Columns as they are now (generated columns are not listed: they are made, not written).
const columnsOf = (db: Database.Database, table: KeptTable): string[] =>
  (prepared(db, `SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]);

/**
 * Copies into the trash entry the rows of `table` that `where` picks (with `params`), each as
 * JSON with its BLOB column, if any, beside it, leaving out the columns `without` names; returns how many.
 */
export function keepRows(db: Database.Database, trashId: number, table: KeptTable, where: string, params: readonly unknown[], without: readonly string[] = []): number {
  const columns = columnsOf(db, table).filter((c) => !without.includes(c));
  const rows = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} WHERE ${where}`).all(...params) as KeptRow[];
  const insert = prepared(db, 'INSERT INTO trash_rows (trash_id, tbl, row, blob_column, bytes) VALUES (?, ?, ?, ?, ?)');
  for (const row of rows) {
    const blobs = Object.keys(row).filter((k) => Buffer.isBuffer(row[k]));
    if (blobs.length > 1) throw new Error(`${table} has ${blobs.length} BLOB columns; the trash keeps one a row`);
    const blob = blobs[0];
    const rest = blob === undefined ? row : Object.fromEntries(Object.entries(row).filter(([k]) => k !== blob));
    insert.run(trashId, table, JSON.stringify(rest), blob ?? null, blob === undefined ? null : row[blob]);
  }
  return rows.length;
}

/** A row the trash keeps, with where it is kept (to move it to another entry). */
export interface TrashedRow {
  keptAs: number;
  row: KeptRow;
}

/** The rows of `table` an entry keeps, in the order they were kept. */
export function keptRows(db: Database.Database, trashId: number, table: KeptTable): TrashedRow[] {
  const rows = prepared(db, 'SELECT id, row, blob_column AS blobColumn, bytes FROM trash_rows WHERE trash_id = ? AND tbl = ? ORDER BY id')
    .all(trashId, table) as { id: number; row: string; blobColumn: string | null; bytes: Buffer | null }[];
  return rows.map((r) => ({ keptAs: r.id, row: { ...(JSON.parse(r.row) as KeptRow), ...(r.blobColumn !== null && { [r.blobColumn]: r.bytes }) } }));
}

/** Writes a kept row back into its table (columns the table no longer has are refused by SQLite, never dropped silently). */
export function insertKeptRow(db: Database.Database, table: KeptTable, row: KeptRow): number {
  const columns = Object.keys(row);
  return Number(prepared(db, `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((c) => row[c])).lastInsertRowid);
}

/** Hands a kept row to another entry (a link that comes back when that entry is restored). */
export function moveKeptRow(db: Database.Database, keptAs: number, trashId: number): void {
  prepared(db, 'UPDATE trash_rows SET trash_id = ? WHERE id = ?').run(trashId, keptAs);
}

/** Bytes of a PDF with this sha256, from the library or from the trash; null when none is left. */
export function pdfBytes(db: Database.Database, sha256: string): Buffer | null {
  return (prepared(db, "SELECT bytes FROM page_sources WHERE sha256 = ? AND kind = 'pdf' LIMIT 1").pluck().get(sha256) as Buffer | undefined)
    ?? (prepared(db, "SELECT bytes FROM trash_rows WHERE tbl = 'page_sources' AND bytes IS NOT NULL AND json_extract(row, '$.sha256') = ? LIMIT 1").pluck().get(sha256) as Buffer | undefined)
    ?? null;
}

/** Marks pages as in the trash entry: their ids are given to no other page. */
export function reservePages(db: Database.Database, trashId: number, pageIds: readonly number[]): void {
  const stmt = prepared(db, 'INSERT OR REPLACE INTO trash_pages (page_id, trash_id) VALUES (?, ?)');
  for (const id of pageIds) stmt.run(id, trashId);
}

/** Pages back in the library: no longer in the trash. */
export function releasePages(db: Database.Database, pageIds: readonly number[]): void {
  prepared(db, 'DELETE FROM trash_pages WHERE page_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(pageIds));
}

/** Where a page is: in the library, in a trash entry, or deleted for good (or never known). */
export function whereIsPage(db: Database.Database, pageId: number): { live: true } | { live: false; trashId: number | null } {
  if (prepared(db, 'SELECT 1 FROM pages WHERE id = ?').get(pageId) !== undefined) return { live: true };
  const trashId = prepared(db, 'SELECT trash_id FROM trash_pages WHERE page_id = ?').pluck().get(pageId) as number | null | undefined;
  return { live: false, trashId: trashId ?? null };
}

/** Every entry's id, oldest first. */
export function trashIds(db: Database.Database): number[] {
  return prepared(db, 'SELECT id FROM trash ORDER BY id').pluck().all() as number[];
}

/**
 * Deletes pages and what hangs on them. Their journal rows go too (the trash keeps them): left
 * behind, they would be edits of no page.
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
