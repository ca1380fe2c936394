// The library file itself in a bad state, through the app's opener, the handler table and the CLI:
// each ends in one clear line, nothing stored is lost, and the library opens again afterwards.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../app/rpc.js';
import { GalleyError } from '../../../app/errors.js';
import { createHandlers } from '../../../main/handlers.js';
import { getPage, type Library, openLibrary } from '../../../main/library/library.js';
import { storeError } from '../../../main/store/errors.js';
import { LATEST_SCHEMA_VERSION } from '../../../main/store/migrations/index.js';
import { KAILI_PAGE } from '../../support/fixtures.js';
import { tempDir } from '../../support/temp-dir.js';
import { importPaths } from '../../../main/import/import.js';
import { checkIntegrity } from '../../../main/store/integrity.js';

const GALLEY = fileURLToPath(new URL('../../../bin/galley', import.meta.url));
const ctx = { emit: () => undefined };

let tmp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  tmp = tempDir();
  file = join(tmp.dir, 'library.db');
});
afterEach(() => {
  chmodSync(tmp.dir, 0o700);
  for (const entry of readdirSync(tmp.dir)) chmodSync(join(tmp.dir, entry), 0o755);
  tmp.cleanup();
});

function galley(args: string[], options: SpawnSyncOptions = {}) {
  const res = spawnSync(GALLEY, args, { encoding: 'utf8', env: { ...process.env, GALLEY_DB: join(tmp.dir, 'default.db'), GALLEY_DEBUG: '' }, ...options });
  const stderr = String(res.stderr);
  expect(stderr).not.toMatch(/\n\s+at /);
  return { code: res.status, stdout: String(res.stdout), stderr };
}

function openError(path: string): GalleyError {
  try {
    openLibrary(path).close();
  } catch (err) {
    expect(err).toBeInstanceOf(GalleyError);
    expect((err as GalleyError).message).toMatch(/^[^\n]+$/);
    return err as GalleyError;
  }
  throw new Error(`expected ${path} to be refused`);
}

async function libraryWithSample(path = file): Promise<Record<string, number>> {
  const lib = openLibrary(path);
  await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
  const { counts } = checkIntegrity(lib.db);
  lib.close();
  return counts;
}

function countsOf(path: string): Record<string, number> {
  const lib = openLibrary(path);
  try {
    const report = checkIntegrity(lib.db);
    expect(report.ok).toBe(true);
    return report.counts;
  } finally {
    lib.close();
  }
}

describe('a library file that is not one', () => {
  it('a text file is refused as UNSUPPORTED in one line, untouched, and the CLI exits 1', () => {
    writeFileSync(file, 'Dear editor,\nthis is a letter, not a database.\n');
    const before = readFileSync(file);
    expect(openError(file)).toMatchObject({ code: 'UNSUPPORTED', message: 'library.db is not a Galley library (not an SQLite database)' });
    expect(galley(['check', '--db', file])).toMatchObject({ code: 1, stderr: 'galley check: library.db is not a Galley library (not an SQLite database)\n' });
    expect(galley(['import', KAILI_PAGE, '--db', file]).code).toBe(1);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(tmp.dir)).toEqual(['library.db']);
  });

  it('a file that only starts like SQLite is called damaged or foreign, never a crash', () => {
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0xa5)]));
    expect(['UNSUPPORTED', 'IO']).toContain(openError(file).code);
    expect(galley(['check', '--db', file]).code).toBe(1);
  });

  it('a library from a newer Galley is refused, byte for byte unchanged, in the app and the CLI', async () => {
    await libraryWithSample();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = readFileSync(file);
    expect(openError(file)).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/made by a newer Galley .*update Galley/) });
    const cli = galley(['import', KAILI_PAGE, '--db', file]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^galley import: library\.db was made by a newer Galley/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('a read-only library folder', () => {
  // Root writes into a 0555 folder regardless, so as root the CLI runs as an unprivileged user
  // (nobody), for whom the permission holds: the same code path an editor's account takes.
  const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  // That user must reach the code: a clone inside a folder only its owner may enter (as `mktemp -d`
  // makes) is out of its reach, and these cases then say so instead of failing on where the clone sits.
  const unreachable = asUser.uid !== undefined && spawnSync(GALLEY, ['--help'], asUser).status !== 0
    ? `user nobody cannot run ${GALLEY} (a folder above the clone is closed to other users)` : null;
  /** The page to import, where that user can read it. */
  let page: string;
  beforeEach(() => {
    page = join(tmp.dir, 'page.txt');
    copyFileSync(KAILI_PAGE, page);
  });
  if (unreachable) it.skip(`skipped: ${unreachable}, so the read-only folder cases did not run`, () => {});

  function readOnlyFolder(): string {
    chmodSync(tmp.dir, 0o755);
    const dir = join(tmp.dir, 'archive');
    mkdirSync(dir);
    return dir;
  }

  it.skipIf(unreachable !== null)('an existing library there is refused with a clear IO line and stays whole', async () => {
    const dir = readOnlyFolder();
    const path = join(dir, 'library.db');
    const counts = await libraryWithSample(path);
    chmodSync(dir, 0o555);
    for (const command of [['check', '--db', path], ['import', page, '--db', path]]) {
      expect(galley(command, asUser)).toMatchObject({
        code: 1,
        stderr: `galley ${command[0]}: the library folder is read-only: ${dir} (Galley must write library.db and its -wal and -shm files there)\n`,
      });
    }
    chmodSync(dir, 0o755);
    expect(countsOf(path)).toEqual(counts);
  });

  it.skipIf(unreachable !== null)('a new library cannot be made there, and the CLI says why', () => {
    const dir = readOnlyFolder();
    chmodSync(dir, 0o555);
    const res = galley(['import', page, '--db', join(dir, 'new.db')], asUser);
    expect(res).toMatchObject({ code: 1, stderr: `galley import: the library folder is read-only: ${dir} (Galley must write new.db and its -wal and -shm files there)\n` });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a full disk', () => {
  // No small file system can be mounted here; SQLite's max_page_count makes the same SQLITE_FULL
  // a full disk gives, on this connection only, at the moment the file would have to grow.
  let lib: Library;
  let counts: Record<string, number>;
  beforeEach(async () => {
    counts = await libraryWithSample();
    lib = openLibrary(file);
    lib.db.pragma(`max_page_count = ${lib.db.pragma('page_count', { simple: true }) as number}`);
  });
  afterEach(() => lib.close());

  it('an import says the disk is full for each page, stores nothing of them and leaves the library as it was', async () => {
    const page = join(tmp.dir, 'p2.txt');
    writeFileSync(page, `${readFileSync(KAILI_PAGE, 'utf8')}\n另一页\n`.repeat(20));
    const answer = await dispatch(createHandlers(lib, 'cli', '0'), 'import:paths', { paths: [page] }, ctx);
    expect(answer).toMatchObject({ ok: true, value: { imported: 0, failed: 1 } });
    const error = (answer as { value: { files: { error: string }[] } }).value.files[0]!.error;
    expect(error).toBe('the disk is full: library.db could not be written; free some space and try again (nothing of this change was saved)');
    lib.close();
    expect(countsOf(file)).toEqual(counts);
    lib = openLibrary(file);
  });

  it('an edit answers IO with the same line, not INTERNAL, and the page is unchanged', async () => {
    const before = getPage(lib.db, 1);
    const handlers = createHandlers(lib, 'cli', '0');
    const answer = await dispatch(handlers, 'edits:apply', { pageId: 1, op: { op: 'editLine', n: 3, text: '本'.repeat(60_000) } }, ctx);
    expect(answer).toEqual({ ok: false, error: { code: 'IO', message: expect.stringMatching(/^the disk is full: library\.db could not be written/) } });
    expect(getPage(lib.db, 1)).toEqual(before);
    lib.close();
    expect(countsOf(file)).toEqual(counts);
    lib = openLibrary(file);
  });
});

describe('a malformed issue export given to galley import', () => {
  it('is refused in one line per problem, exit 1, and the library keeps what it had', async () => {
    const counts = await libraryWithSample();
    const cases = {
      'truncated.json': '{"format": "galley-issue", "version": 1, "pages": [',
      'wrong-shape.json': JSON.stringify({ format: 'galley-issue', version: 1, pages: 'none', issue: 42 }),
      'not-json.json': '\u0000\u0001PK\u0003\u0004',
      'empty.json': '',
    };
    for (const [name, content] of Object.entries(cases)) {
      writeFileSync(join(tmp.dir, name), content);
      const res = galley(['import', join(tmp.dir, name), '--db', file]);
      expect(res.code, name).toBe(1);
      expect(res.stdout, name).toBe('');
      for (const line of res.stderr.trim().split('\n')) expect(line, name).toMatch(/^galley import: /);
    }
    expect(countsOf(file)).toEqual(counts);
  });
});

describe('store failures are named in one line', () => {
  const sqlite = (code: string) => Object.assign(new Error(`${code.toLowerCase()} happened\nsecond line`), { code });
  it.each([
    ['SQLITE_FULL', 'IO', /^the disk is full: library\.db could not be written/],
    ['ENOSPC', 'IO', /^the disk is full/],
    ['SQLITE_READONLY', 'IO', /^the library folder is read-only: \/data \(/],
    ['SQLITE_READONLY_DBMOVED', 'IO', /^the library folder is read-only/],
    ['EROFS', 'IO', /^the library folder is read-only/],
    ['SQLITE_CORRUPT', 'IO', /^the library library\.db is damaged \(sqlite_corrupt happened\); restore a backup/],
    ['SQLITE_NOTADB', 'UNSUPPORTED', /^library\.db is not a Galley library/],
    ['SQLITE_BUSY', 'IO', /busy in another Galley window/],
    ['SQLITE_IOERR_WRITE', 'IO', /^the disk failed while reading or writing library\.db/],
  ])('%s → %s', (code, galleyCode, message) => {
    const err = storeError(sqlite(code), '/data/library.db');
    expect(err).toMatchObject({ code: galleyCode, message });
    expect(err?.message).not.toContain('\n');
  });

  it('leave other errors alone: a bug stays a bug', () => {
    expect(storeError(new TypeError('x is undefined'), '/data/library.db')).toBeNull();
    expect(storeError(new GalleyError('NOT_FOUND', 'no page'), '/data/library.db')).toBeNull();
    expect(storeError(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }), '/data/library.db')).toBeNull();
  });
});
