import type Database from 'better-sqlite3';
import { prepared } from './statements.js';
import { now } from './time.js';

/** An editor action as the journal keeps it: applying `inverse` undoes `payload`. */
export interface JournalEntry {
  pageId: number | null;
  op: string;
  payload: unknown;
  inverse: unknown;
  /** The operation as asked for, when payload holds only its effect (an editor's page edit). */
  params?: unknown;
  /** Who made a page edit (the app's editor id), when the caller said; local to this library, not exported. */
  editor?: string;
}

export interface JournalRow extends JournalEntry {
  id: number;
  at: string;
  undone: boolean;
  /** Undone, then replaced by a later edit: history only, never redone. */
  discarded: boolean;
}

/**
 * Runs one editor action: its changes and its journal row commit together or not at all, so the
 * journal never claims an edit that did not happen (and undo never misses one that did).
 */
export function recordEdit<T>(db: Database.Database, entry: JournalEntry, apply: () => T): { result: T; journalId: number } {
  return db.transaction(() => {
    const result = apply();
    return { result, journalId: appendJournal(db, entry) };
  }).immediate();
}

/** Adds a journal row inside the caller's transaction; returns its id. */
export function appendJournal(db: Database.Database, entry: JournalEntry): number {
  return Number(prepared(db, 'INSERT INTO edit_journal (page_id, op, payload, inverse, at, params, editor) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(entry.pageId, entry.op, JSON.stringify(entry.payload), JSON.stringify(entry.inverse), now(),
      entry.params === undefined ? null : JSON.stringify(entry.params), entry.editor ?? null).lastInsertRowid);
}

export function setUndone(db: Database.Database, journalId: number, undone: boolean): void {
  prepared(db, 'UPDATE edit_journal SET undone = ? WHERE id = ?').run(undone ? 1 : 0, journalId);
}

const REDO_STACK = 'page_id = ? AND undone = 1 AND discarded = 0';
// Only page edits (rows with params) are undoable: other journal rows record actions with their own shape.
const UNDO_TARGET = 'page_id = ? AND undone = 0 AND params IS NOT NULL ORDER BY id DESC LIMIT 1';
const REDO_TARGET = `${REDO_STACK} AND params IS NOT NULL ORDER BY id LIMIT 1`;

/** A new edit after undos: the undone edits of the page leave the redo stack for good (their rows stay). */
export function discardRedoStack(db: Database.Database, pageId: number): void {
  prepared(db, `UPDATE edit_journal SET discarded = 1 WHERE ${REDO_STACK}`).run(pageId);
}

/** A page edit undo or redo can apply: `payload` redoes it, `inverse` undoes it. */
export interface UndoableEdit<P> {
  id: number;
  op: string;
  payload: P;
  inverse: P;
  /** Who made it; null for edits made without saying (the CLI, libraries from before). */
  editor: string | null;
  /** The op as applied (a re-run: its name only), to say what an undo or redo acts on. */
  params: unknown;
}

/** The page's latest edit that is not undone: what undo reverts. */
export function undoTarget<P>(db: Database.Database, pageId: number): UndoableEdit<P> | undefined {
  return parseEdit(prepared(db, `SELECT id, op, payload, inverse, editor, params FROM edit_journal WHERE ${UNDO_TARGET}`).get(pageId));
}

/** The earliest edit of the page's redo stack: what redo re-applies. */
export function redoTarget<P>(db: Database.Database, pageId: number): UndoableEdit<P> | undefined {
  return parseEdit(prepared(db, `SELECT id, op, payload, inverse, editor, params FROM edit_journal WHERE ${REDO_TARGET}`).get(pageId));
}

/** The op names undo and redo would act on now, without reading their patches. */
export function undoRedoOps(db: Database.Database, pageId: number): { undoOp: string | null; redoOp: string | null } {
  const opOf = (where: string) => (prepared(db, `SELECT op FROM edit_journal WHERE ${where}`).pluck().get(pageId) as string | undefined) ?? null;
  return { undoOp: opOf(UNDO_TARGET), redoOp: opOf(REDO_TARGET) };
}

function parseEdit<P>(row: unknown): UndoableEdit<P> | undefined {
  if (row === undefined) return undefined;
  const r = row as { id: number; op: string; payload: string; inverse: string; editor: string | null; params: string | null };
  return { id: r.id, op: r.op, payload: JSON.parse(r.payload) as P, inverse: JSON.parse(r.inverse) as P, editor: r.editor, params: r.params === null ? null : (JSON.parse(r.params) as unknown) };
}

/** The journal in the order things happened, for one set of pages or all. */
export function listJournal(db: Database.Database, pageIds?: readonly number[]): JournalRow[] {
  const columns = 'id, page_id AS pageId, op, payload, inverse, params, at, undone, discarded';
  const rows = (pageIds === undefined
    ? prepared(db, `SELECT ${columns} FROM edit_journal ORDER BY id`).all()
    : prepared(db, `SELECT ${columns} FROM edit_journal WHERE page_id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(pageIds))
  ) as { id: number; pageId: number | null; op: string; payload: string; inverse: string; params: string | null; at: string; undone: number; discarded: number }[];
  return rows.map(({ params, ...r }) => ({
    ...r,
    payload: JSON.parse(r.payload),
    inverse: JSON.parse(r.inverse),
    ...(params !== null && { params: JSON.parse(params) as unknown }),
    undone: r.undone === 1,
    discarded: r.discarded === 1,
  }));
}

