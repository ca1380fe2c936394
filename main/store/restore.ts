import type Database from 'better-sqlite3';
import type { JournalDocument } from '../../app/export/document.js';
import { prepared } from './statements.js';

// What an import of an issue export writes beyond a normal import: the original timestamps and
// journal rows exactly as exported, so a second export of the restored issue is the same file.

export function setIssueCreatedAt(db: Database.Database, issueId: number, createdAt: string): void {
  prepared(db, 'UPDATE issues SET created_at = ? WHERE id = ?').run(createdAt, issueId);
}

export function setPageImportedAt(db: Database.Database, pageId: number, importedAt: string): void {
  prepared(db, 'UPDATE pages SET imported_at = ? WHERE id = ?').run(importedAt, pageId);
}

/** A journal row as the export carries it, with the page named by its id in this library. */
export type RestoredJournalRow = Omit<JournalDocument, 'page'> & { pageId: number | null };

export function insertJournalRow(db: Database.Database, row: RestoredJournalRow): void {
  prepared(db, 'INSERT INTO edit_journal (page_id, op, payload, inverse, params, at, undone, discarded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(row.pageId, row.op, JSON.stringify(row.payload ?? null), JSON.stringify(row.inverse ?? null),
      row.params === undefined ? null : JSON.stringify(row.params), row.at, Number(row.undone), Number(row.discarded));
}
