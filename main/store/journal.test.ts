import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { listJournal, recordEdit, setUndone } from './journal.js';
import { ensurePublication } from './publications.js';
import { tempDir } from '../../tests/support/temp-dir.js';

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(join(tmp.dir, 'library.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('edit journal', () => {
  it('records an edit and its inverse together with the change', () => {
    const { result, journalId } = recordEdit(db, { pageId: null, op: 'publication.add', payload: { name: 'A' }, inverse: { remove: 'A' } },
      () => ensurePublication(db, 'A'));
    expect(result).toBeGreaterThan(0);
    setUndone(db, journalId, true);
    expect(listJournal(db)).toMatchObject([{ id: journalId, op: 'publication.add', payload: { name: 'A' }, inverse: { remove: 'A' }, undone: true }]);
  });

  it('keeps neither the change nor the row when the edit fails', () => {
    expect(() => recordEdit(db, { pageId: null, op: 'x', payload: {}, inverse: {} }, () => {
      ensurePublication(db, 'B');
      throw new Error('boom');
    })).toThrow('boom');
    expect(db.prepare('SELECT count(*) FROM publications').pluck().get()).toBe(0);
    expect(listJournal(db)).toEqual([]);
  });
});
