import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS, openDatabase } from './connection.js';
import { LATEST_SCHEMA_VERSION } from './migrations/index.js';
import { galleyErrorOf, tempDir } from '../../tests/support/temp-dir.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir(); });
afterEach(() => tmp.cleanup());


describe('openDatabase', () => {
  it('creates the parent folder and a library with the agreed pragmas', () => {
    const file = join(tmp.dir, 'deep', 'er', 'library.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS); // a held write lock answers busy at once
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    expect(existsSync(file)).toBe(true);
  });

  it('opens its own library again without migrating twice', () => {
    const file = join(tmp.dir, 'library.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a library from a newer schema and leaves the file byte-identical', () => {
    const file = join(tmp.dir, 'future.db');
    const db = openDatabase(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE'); // everything in the main file, so bytes say it all
    db.close();
    const before = readFileSync(file);
    const err = galleyErrorOf(() => openDatabase(file));
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.message).toMatch(/newer Galley/);
    expect(err.message).not.toContain('\n');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a newer schema that is still only in the WAL', () => {
    const file = join(tmp.dir, 'future-wal.db');
    const db = openDatabase(file);
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    // A second connection keeps the WAL from being checkpointed into the main file on close.
    const holder = new Database(file);
    holder.prepare('SELECT 1').get();
    db.close();
    expect(galleyErrorOf(() => openDatabase(file)).message).toMatch(/newer Galley/);
    holder.close();
  });

  it('refuses a file that is not SQLite, and does not touch it', () => {
    const file = join(tmp.dir, 'notes.db');
    writeFileSync(file, '本报讯 this is a text file, not a database\n'.repeat(10));
    const before = readFileSync(file);
    const err = galleyErrorOf(() => openDatabase(file));
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.message).toBe('notes.db is not a Galley library (not an SQLite database)');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite database", () => {
    const file = join(tmp.dir, 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE stuff (x)');
    other.close();
    expect(galleyErrorOf(() => openDatabase(file)).message).toBe('other.db is an SQLite database of another program, not a Galley library');
  });

  it('refuses a folder and, with mustExist, a missing file', () => {
    expect(galleyErrorOf(() => openDatabase(tmp.dir)).message).toMatch(/is a folder/);
    const missing = join(tmp.dir, 'missing.db');
    expect(galleyErrorOf(() => openDatabase(missing, { mustExist: true })).code).toBe('NOT_FOUND');
    expect(existsSync(missing)).toBe(false);
  });

  it('passes nativeBinding through to better-sqlite3', () => {
    const err = galleyErrorOf(() => openDatabase(join(tmp.dir, 'x.db'), { nativeBinding: join(tmp.dir, 'nowhere.node') }));
    expect(err.code).toBe('IO');
    expect(err.message).not.toContain('\n');
  });
});
