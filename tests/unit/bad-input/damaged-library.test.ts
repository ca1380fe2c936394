import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/import/import.js';
import { openLibrary } from '../../../main/library/library.js';
import { backupDir, backupLibrary, listBackups } from '../../../main/store/backup.js';
import { KAILI_PAGE } from '../../support/fixtures.js';
import { tempFolderPerTest } from '../../support/temp-library.js';
import { GALLEY } from '../../support/cli.js';

let file: string;
tempFolderPerTest((_dir, f) => {
  file = f;
});

/** A library of a few pages, closed, with the backup its first import took. */
async function libraryWithPages(): Promise<void> {
  const lib = openLibrary(file);
  const page = readFileSync(KAILI_PAGE, 'utf8');
  await importFiles(lib.db, Array.from({ length: 8 }, (_, i) => ({ name: `p${i + 1}.txt`, bytes: Buffer.from(`${page}\n第${i}页\n`) })), { publication: 'P', date: '2021-01-06' });
  lib.db.pragma('wal_checkpoint(TRUNCATE)');
  lib.close();
}

/** 4 KiB of garbage over the middle of the file, as a failing disk or a stray write leaves it. */
function damage(): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x55), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

describe('a damaged library', () => {
  it('gets its first backup with its first import, not at the next start', async () => {
    await libraryWithPages();
    expect(listBackups(file).map((b) => b.kind)).toEqual(['daily']);
  });

  it('is refused at open, naming its backups and how to restore one; the backups stay as they were', async () => {
    await libraryWithPages();
    const [backup] = listBackups(file);
    damage();
    const backupsBefore = readdirSync(backupDir(file));
    let message = '';
    try {
      openLibrary(file).close();
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^the library library\.db is damaged and was not opened \(.+\)\. Backups \(newest first\): /);
    expect(message).toContain(`${backup!.file} (daily, ${backup!.takenAt})`);
    expect(message).toContain(`To restore: quit Galley, move library.db aside`);
    expect(readdirSync(backupDir(file))).toEqual(backupsBefore);
  });

  it('still has its backups listed and checked by galley check --backups, which exits 1', async () => {
    await libraryWithPages();
    damage();
    const res = spawnSync(GALLEY, ['check', '--backups', '--db', file], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^galley check: the library library\.db is damaged and was not opened/);
    expect(res.stdout).toMatch(/^ {2}library\.[0-9T-]+\.\d{3}Z\.daily\.db: ok \(schema \d+\)$/m);
  });

  it('emptied to zero bytes is refused when it has backups, not opened as a new library', async () => {
    await libraryWithPages();
    truncateSync(file, 0);
    expect(() => openLibrary(file)).toThrow(/is damaged and was not opened \(the file is empty, and it has backups\)/);
  });

  it('is never copied over a good backup: the damaged copy is dropped and the older ones kept', async () => {
    await libraryWithPages();
    const good = listBackups(file);
    damage();
    // as if the damage came while it was open
    const db = new Database(file);
    try {
      await expect(backupLibrary(db, file, 'daily', new Date(Date.now() + 86_400_000))).rejects.toThrow(/not kept: the copy is damaged .*; the older backups are kept/);
    } finally {
      db.close();
    }
    expect(listBackups(file)).toEqual(good);
    expect(readdirSync(backupDir(file)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

describe('a library file marked read-only', () => {
  it('is refused at start with what to do, instead of failing at the first edit', async () => {
    await libraryWithPages();
    chmodSync(file, 0o444);
    expect(() => openLibrary(file)).toThrow(`the library file ${file} is read-only: Galley cannot save edits in it; make it writable (e.g. chmod u+w) or open a copy`);
  });
});
