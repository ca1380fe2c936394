import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GalleyError } from '../../app/errors.js';
import { getPage, openLibrary } from '../library/library.js';
import { backupDir, backupLibrary, checkBackups, ensureDailyBackup, KEEP, listBackups } from './backup.js';
import { openDatabase } from './connection.js';
import { migrate, schemaVersion } from './migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { tempFolderPerTest } from '../../tests/support/temp-library.js';
import { importPaths } from '../import/import.js';
import { checkIntegrity } from './integrity.js';

let file: string;
tempFolderPerTest((_dir, f) => {
  file = f;
});

/** A library with the sample page in it, closed again, without the backup its first import took. */
async function libraryWithAPage(): Promise<void> {
  const lib = openLibrary(file);
  await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
  await lib.dailyBackup;
  lib.close();
  rmSync(backupDir(file), { recursive: true, force: true });
}

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9, 30, 0, n));

describe('backups', () => {
  it('hold the same library: rows, raw text and a page\'s annotation', async () => {
    await libraryWithAPage();
    const lib = openLibrary(file);
    const copy = await backupLibrary(lib.db, file, 'daily', day(3));
    expect(copy).toBe(join(backupDir(file), 'library.2026-01-03T093000.003Z.daily.db'));
    const restored = openLibrary(copy);
    expect(checkIntegrity(restored.db)).toMatchObject({ ok: true, counts: checkIntegrity(lib.db).counts });
    expect(getPage(restored.db, 1).rawText).toBe(readFileSync(KAILI_PAGE, 'utf8'));
    expect(getPage(restored.db, 1).annotation).toEqual(getPage(lib.db, 1).annotation);
    restored.close();
    lib.close();
    expect(readdirSync(backupDir(file)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('are taken once a day when a library with pages is opened, and not for an empty one', async () => {
    const empty = openLibrary(file);
    expect(await empty.dailyBackup).toBeNull();
    empty.close();
    expect(existsSync(backupDir(file))).toBe(false);

    await libraryWithAPage();
    const lib = openLibrary(file);
    const first = await lib.dailyBackup;
    expect(typeof first).toBe('string');
    expect(await ensureDailyBackup(lib.db, file)).toBeNull(); // already one today
    lib.close();
    expect(listBackups(file)).toEqual([expect.objectContaining({ kind: 'daily', file: first })]);
  });

  it('rotate: the newest daily and pre-migration copies are kept, the rest removed', async () => {
    await libraryWithAPage();
    const db = openDatabase(file);
    for (let n = 1; n <= KEEP.daily + 3; n++) expect(await ensureDailyBackup(db, file, day(n))).not.toBeNull();
    for (let n = 1; n <= KEEP['pre-migration'] + 2; n++) await backupLibrary(db, file, 'pre-migration', day(n));
    db.close();
    const kept = listBackups(file);
    const daily = kept.filter((b) => b.kind === 'daily').map((b) => b.takenAt.slice(0, 10));
    expect(daily).toEqual([8, 7, 6, 5, 4].map((n) => `2026-01-0${n}`));
    expect(kept.filter((b) => b.kind === 'pre-migration')).toHaveLength(KEEP['pre-migration']);
  });

  it('are taken before migrating an existing library, holding it as it was', () => {
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    old.exec("INSERT INTO publications (name, created_at) VALUES ('凯里日报', '2021-01-06T00:00:00Z')");
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    const [backup, ...more] = listBackups(file);
    expect(more).toEqual([]);
    expect(backup).toMatchObject({ kind: 'pre-migration', file: expect.stringMatching(/\.pre-migration-v1\.db$/) });
    const copy = new Database(backup!.file, { readonly: true });
    expect(schemaVersion(copy)).toBe(1);
    expect(copy.prepare('SELECT name FROM publications').pluck().all()).toEqual(['凯里日报']);
    copy.close();
  });

  it('are not taken for a new library, nor when nothing is to migrate', () => {
    openDatabase(file).close();
    openDatabase(file).close();
    expect(listBackups(file)).toEqual([]);
  });

  it('stop a migration they cannot make, leaving the library at its old schema', () => {
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    old.close();
    writeFileSync(backupDir(file), 'a file where the backup folder should be');
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GalleyError);
    expect((error as GalleyError).message).toMatch(/^library\.db was not upgraded, because it could not be backed up first: /);
    const db = new Database(file, { readonly: true });
    expect(schemaVersion(db)).toBe(1);
    db.close();
  });

  it('are checked one by one: a damaged copy is named, sound ones say ok', async () => {
    await libraryWithAPage();
    const db = openDatabase(file);
    const good = await backupLibrary(db, file, 'daily', day(1));
    const bad = await backupLibrary(db, file, 'daily', day(2));
    db.close();
    const bytes = readFileSync(bad);
    bytes.fill(0x55, 4096, bytes.length); // every page after the first overwritten
    writeFileSync(bad, bytes);
    const checks = checkBackups(file);
    expect(checks.find((c) => c.file === good)).toMatchObject({ integrity: 'ok', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(checks.find((c) => c.file === bad)?.integrity).not.toBe('ok');
  });
});
