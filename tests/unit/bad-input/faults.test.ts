import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyEditToPage } from '../../../main/edits/edits.js';
import { importPaths } from '../../../main/import/import.js';
import { openLibrary } from '../../../main/library/library.js';
import { dispatch, type HandlerContext } from '../../../app/rpc.js';
import { createHandlers } from '../../../main/handlers.js';
import { KAILI_PAGE } from '../../support/fixtures.js';
import { tempFolderPerTest } from '../../support/temp-library.js';
import { GALLEY } from '../../support/cli.js';

const ctx: HandlerContext = { emit: () => {} };
let tmp: { dir: string };
let file: string;
tempFolderPerTest((dir, f) => {
  tmp = { dir };
  file = f;
});

const galley = (...args: string[]) => spawnSync(GALLEY, args, { encoding: 'utf8', env: { ...process.env, GALLEY_DEBUG: '' }, timeout: 30_000 });

describe('faults said as they are', () => {
  it('a write lock held by another process answers an edit "busy" at once, and reads keep flowing', async () => {
    const lib = openLibrary(file);
    try {
      const { files } = await importPaths(lib.db, [KAILI_PAGE], {});
      const pageId = files[0]!.pageId!;
      const other = new Database(file);
      other.prepare('BEGIN IMMEDIATE').run();
      try {
        const handlers = createHandlers(lib, 'cli', '0');
        const started = performance.now();
        const answer = await dispatch(handlers, 'edits:apply', { pageId, op: { op: 'setBreak', n: 1, kind: 'paragraph' } }, ctx);
        expect(answer).toEqual({ ok: false, error: { code: 'IO', message: 'the library library.db is busy in another Galley window or command; try again when it is done' } });
        expect(performance.now() - started).toBeLessThan(1000);
        expect(await dispatch(handlers, 'pages:get', { pageId }, ctx)).toMatchObject({ ok: true });
      } finally {
        other.prepare('ROLLBACK').run();
        other.close();
      }
      expect(() => applyEditToPage(lib.db, pageId, { op: 'setBreak', n: 1, kind: 'paragraph' })).not.toThrow();
    } finally {
      lib.close();
    }
  });

  it('a new library file is readable by its owner only', () => {
    openLibrary(file).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('import --date must be a day of the calendar', () => {
    const res = galley('import', KAILI_PAGE, '--db', file, '--date', '2021-99-99');
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/^galley import: --date: not a day of the calendar\n/);
  });

  it('export --out onto a file, or where no folder can be made, says so in one line', () => {
    expect(galley('import', KAILI_PAGE, '--db', file).status).toBe(0);
    const plain = join(tmp.dir, 'a-file');
    writeFileSync(plain, 'x');
    const onFile = galley('export', '--all', '--format', 'json', '--out', plain, '--db', file);
    expect(onFile.status).toBe(1);
    expect(onFile.stderr).toBe(`galley export: cannot export into ${plain}: it is a file, not a folder\n`);
    const inProc = galley('export', '--all', '--format', 'md', '--out', '/proc/galley-export', '--db', file);
    expect(inProc.status).toBe(1);
    expect(inProc.stderr).toBe('galley export: cannot export into /proc/galley-export: a folder cannot be created there (ENOENT)\n');
  });
});
