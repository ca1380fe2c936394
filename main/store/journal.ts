import type Database from 'better-sqlite3';
import { prepared } from './statements.js';
import { now } from './time.js';

/** An editor action as the journal keeps it: applying `inverse` undoes `payload`. */
export interface JournalEntry {
  pageId: number | null;
  op: string;
  payload: unknown;
  inverse: unknown;
}

export interface JournalRow extends JournalEntry {
  id: number;
  at: string;
  undone: boolean;
}

/**
 * Runs one editor action: its changes and its journal row commit together or not at all, so the
 * journal never claims an edit that did not happen (and undo never misses one that did).
 */
export function recordEdit<T>(db: Database.Database, entry: JournalEntry, apply: () => T): { result: T; journalId: number } {
  return db.transaction(() => {
    const result = apply();
    const journalId = Number(prepared(db, 'INSERT INTO edit_journal (page_id, op, payload, inverse, at) VALUES (?, ?, ?, ?, ?)')
      .run(entry.pageId, entry.op, JSON.stringify(entry.payload), JSON.stringify(entry.inverse), now()).lastInsertRowid);
    return { result, journalId };
  }).immediate();
}

export function setUndone(db: Database.Database, journalId: number, undone: boolean): void {
  prepared(db, 'UPDATE edit_journal SET undone = ? WHERE id = ?').run(undone ? 1 : 0, journalId);
}

/** The journal in the order things happened, for one set of pages or all. */
export function listJournal(db: Database.Database, pageIds?: readonly number[]): JournalRow[] {
  const rows = (pageIds === undefined
    ? prepared(db, 'SELECT id, page_id AS pageId, op, payload, inverse, at, undone FROM edit_journal ORDER BY id').all()
    : prepared(db, `SELECT id, page_id AS pageId, op, payload, inverse, at, undone FROM edit_journal
        WHERE page_id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(pageIds))
  ) as { id: number; pageId: number | null; op: string; payload: string; inverse: string; at: string; undone: number }[];
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload), inverse: JSON.parse(r.inverse), undone: r.undone === 1 }));
}
