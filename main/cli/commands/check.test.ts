import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../library/library.js';
import { backupDir, backupLibrary } from '../../store/backup.js';
import { KAILI_PAGE } from '../../../tests/support/fixtures.js';
import { runGalley } from '../../../tests/support/cli.js';
import { tempDir } from '../../../tests/support/temp-dir.js';
import { importPaths } from '../../import/import.js';


let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, 'library.db');
});
afterEach(() => tmp.cleanup());

const galley = (...args: string[]) => runGalley(tmp.dir, ...args);

async function libraryWithBackups(n: number): Promise<string[]> {
  const lib = openLibrary(db);
  await importPaths(lib.db, [KAILI_PAGE], {});
  // only the dated copies below: not the one the first import took
  rmSync(backupDir(db), { recursive: true, force: true });
  const files: string[] = [];
  for (let day = 1; day <= n; day++) files.push(await backupLibrary(lib.db, db, 'daily', new Date(Date.UTC(2026, 0, day))));
  lib.close();
  return files;
}

describe('galley check and backups', () => {
  it('says where backups go when there are none yet, and a first import takes one at once', () => {
    expect(galley('import', '--db', db, join(tmp.dir, 'missing.txt')).code).toBe(1);
    const empty = galley('check', '--db', db);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain(`backups: none yet in ${backupDir(db)}\n`);
    expect(galley('import', KAILI_PAGE, '--db', db).code).toBe(0);
    const checked = galley('check', '--db', db);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(new RegExp(`backups: 1 in ${backupDir(db).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(newest [0-9T:.-]+Z, daily\\)\n`));
  });

  it('counts the backups and names the newest', async () => {
    await libraryWithBackups(2);
    const checked = galley('check', '--db', db);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`backups: 2 in ${backupDir(db)} (newest 2026-01-02T00:00:00.000Z, daily)\n`);
  });

  it('with --backups checks each copy and fails on a damaged one', async () => {
    const [good, bad] = await libraryWithBackups(2);
    expect(galley('check', '--db', db, '--backups').stdout).toContain(`  ${basename(good!)}: ok (schema `);
    const bytes = readFileSync(bad!);
    bytes.fill(0x55, 4096);
    writeFileSync(bad!, bytes);
    const checked = galley('check', '--db', db, '--backups');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`  ${basename(good!)}: ok (schema `);
    expect(checked.stdout).not.toContain(`  ${basename(bad!)}: ok`);
    expect(checked.stderr).not.toMatch(/\n\s+at /);
  });
});
