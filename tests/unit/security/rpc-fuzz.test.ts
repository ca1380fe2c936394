// Random input against the real handler table over a real library, in process and over browser
// mode's HTTP: every answer is a result or a clear refusal (BAD_INPUT, NOT_FOUND, CONFLICT), never
// INTERNAL, never a throw; afterwards the library is sound and the sample page as it was.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../app/channels.js';
import { FURNITURE_ROLES, GENRES, LINE_ROLES } from '../../../app/model/page.js';
import { dispatch } from '../../../app/rpc.js';
import { createHandlers } from '../../../main/handlers.js';
import { getPage, type Library, libraryTree, openLibrary } from '../../../main/library/library.js';
import { restoreFromTrash, trashList } from '../../../main/library/trash.js';
import { KAILI_PAGE } from '../../support/fixtures.js';
import { tempDir } from '../../support/temp-dir.js';
import { startWebServer, type WebServer } from '../../../main/web/server.js';
import { importPaths } from '../../../main/import/import.js';
import { checkIntegrity } from '../../../main/store/integrity.js';

const REFUSALS = ['BAD_INPUT', 'NOT_FOUND', 'CONFLICT'];
/** GALLEY_FUZZ_SCALE multiplies every property's runs, to run the attack larger than CI does. */
const SCALE = Number(process.env.GALLEY_FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** Calls made, reported at the end. */
let calls = 0;
const ctx = { emit: () => undefined };

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
let handlers: ReturnType<typeof createHandlers>;
let web: WebServer;
let sample: unknown;
/** The page the fuzzer may really edit; the sample page (id 1) must come out untouched. */
let targetPageId: number;
let targetArticles: string[] = [];

beforeAll(async () => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
  await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
  const second = join(tmp.dir, 'target.txt');
  writeFileSync(second, `${readFileSync(KAILI_PAGE, 'utf8')}\n本报讯 另一页。\n`);
  targetPageId = (await importPaths(lib.db, [second], { publication: 'Target' })).files[0]!.pageId!;
  targetArticles = getPage(lib.db, targetPageId).annotation.articles.map((a) => a.id);
  expect(targetPageId).toBe(2);
  sample = getPage(lib.db, 1);
  handlers = createHandlers(lib, 'cli', '0.0.0-test');
  mkdirSync(join(tmp.dir, 'renderer'));
  writeFileSync(join(tmp.dir, 'renderer', 'index.html'), '<!doctype html><title>Galley</title>');
  web = await startWebServer({ handlers: createHandlers(lib, 'browser', '0.0.0-test'), staticDir: join(tmp.dir, 'renderer') });
});

afterAll(async () => {
  console.log(`fuzz: ${calls} calls (scale ${SCALE})`);
  await web?.close();
  lib?.close();
  tmp?.cleanup();
});

const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];
const hostileKey = fc.oneof(fc.constantFrom(...pollutionKeys, 'pageId', 'issueId', 'op', 'files', 'paths', 'options', 'n', 'article'), fc.string());
const hugeString = fc.constantFrom('x'.repeat(1_000_000), '本'.repeat(300_000), '\u0000'.repeat(10_000), '\uD800'.repeat(1000));
const oddNumber = fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE, -0, 1e308);
const pageId = fc.oneof(fc.constant(999_999), oddNumber, fc.constant('1'), fc.nat({ max: 5 }).map((d) => d + 2));
const lineNo = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 440 }) }, { weight: 1, arbitrary: oddNumber });

/** Objects whose keys are the ones that bite (`__proto__`, `constructor`) and values of every type. */
const hostileObject = fc.dictionary(hostileKey, fc.oneof(fc.anything(), hugeString), { maxKeys: 6 });
/**
 * Parsed JSON can carry an own `__proto__` key, which an object literal cannot. Page 2 (the page the
 * fuzzer may edit), never the sample page: with learned profiles, a valid re-run or a page marked
 * done really changes a page, as it should.
 */
const jsonPollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}, "pageId": 2}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"files": [{"name": "a.txt", "base64": "", "__proto__": {"polluted": true}}]}'),
  JSON.parse('{"pageId": 2, "op": {"op": "editLine", "n": 1, "text": "x", "__proto__": {"polluted": true}}}'),
);

/** Near-valid calls: the right shape with wrong, extreme or hostile values. */
const nearValid = fc.oneof(
  fc.record({ pageId }),
  fc.record({ issueId: pageId }),
  fc.record({ files: fc.array(fc.record({ name: fc.oneof(fc.string(), fc.constant('../../etc/passwd')), base64: fc.oneof(fc.base64String(), fc.string()) }), { maxLength: 3 }), options: fc.anything() }),
  fc.record({ paths: fc.array(fc.constantFrom('', 'missing.txt', '/nonexistent/x.txt', '\u0000', 'x'.repeat(5000)), { maxLength: 3 }) }),
  fc.record({ pageId: fc.oneof(fc.constant(-1), fc.constant(0).map(() => targetPageId)), op: fc.oneof({ weight: 4, arbitrary: editOp() }, hostileObject) }),
);

/** Well-formed editor operations with any line numbers, parts and articles: the service must judge them. */
function editOp() {
  const from = lineNo;
  const to = lineNo;
  const part = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined });
  // Drawn when generated (after beforeAll), so real article ids of the target page are among them.
  const article = fc.oneof(fc.nat().map((i) => targetArticles[i % Math.max(1, targetArticles.length)] ?? 'none'), fc.string({ minLength: 1 }));
  return fc.oneof(
    fc.record({ op: fc.constant('setBreak'), n: lineNo, kind: fc.constantFrom('join', 'paragraph') }),
    fc.record({ op: fc.constantFrom('toggleBreak', 'startArticle'), n: lineNo, part }),
    fc.record({ op: fc.constant('editLine'), n: lineNo, text: fc.oneof(fc.string(), hugeString) }),
    fc.record({ op: fc.constant('splitLine'), n: lineNo, at: fc.integer({ min: -5, max: 300 }) }),
    fc.record({ op: fc.constant('joinLines'), from, to }),
    fc.record({ op: fc.constant('moveLines'), from, to, article: fc.oneof(article, fc.constant(null)) }),
    fc.record({ op: fc.constant('setRole'), from, to, role: fc.constantFrom(...LINE_ROLES) }),
    fc.record({ op: fc.constant('markFurniture'), from, to, role: fc.constantFrom(...FURNITURE_ROLES) }),
    fc.record({ op: fc.constant('mergeArticle'), article, with: fc.constantFrom('previous', 'next') }),
    fc.record({ op: fc.constant('reorderArticles'), order: fc.array(article, { maxLength: 8 }) }),
    fc.record({ op: fc.constant('setArticleMeta'), article, genre: fc.constantFrom(...GENRES), authors: fc.array(fc.string(), { maxLength: 3 }) }, { requiredKeys: ['op', 'article'] }),
  );
}

const anyInput = fc.oneof(
  { weight: 3, arbitrary: nearValid },
  { weight: 2, arbitrary: fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }) },
  { weight: 2, arbitrary: hostileObject },
  { weight: 1, arbitrary: jsonPollution },
  { weight: 1, arbitrary: hugeString },
);
const anyChannel = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CHANNELS) },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom(...pollutionKeys, 'events', 'app:info ', 'APP:INFO', 'galley:event', '../app:info')) },
);

function expectCleanAnswer(answer: unknown): void {
  const a = answer as { ok: boolean; error?: { code: string; message: string } };
  if (a.ok) return;
  expect(REFUSALS, a.error?.message).toContain(a.error?.code);
  expect(a.error?.message).toMatch(/^[^\n]+$/);
}

/**
 * Random calls may delete the page the fuzzer edits (or its issue) into the trash: it comes back
 * (under a new id) before the edit phase, so that phase edits a real page.
 */
function bringBackTarget(): void {
  for (const item of trashList(lib.db)) restoreFromTrash(lib.db, item.id);
  const target = libraryTree(lib.db).publications.flatMap((p) => p.issues.flatMap((i) => i.pages)).find((p) => p.file === 'target.txt');
  targetPageId = target!.id;
  targetArticles = getPage(lib.db, targetPageId).annotation.articles.map((a) => a.id);
}

function expectLibraryUnharmed(): void {
  const report = checkIntegrity(lib.db);
  expect(report.ok, JSON.stringify({ ...report, counts: undefined })).toBe(true);
  expect(getPage(lib.db, 1)).toEqual(sample);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('every call, in process', () => {
  it('answers random input with a result or a clear refusal', async () => {
    await fc.assert(
      fc.asyncProperty(anyChannel, anyInput, async (channel, input) => {
        calls++;
        expectCleanAnswer(await dispatch(handlers, channel, input, ctx));
      }),
      { numRuns: runs(600) },
    );
    expectLibraryUnharmed();
  });
});

describe('editor operations on a real page', () => {
  it('are applied, or refused clearly, interleaved with undo and redo, leaving every page sound', async () => {
    bringBackTarget();
    const step = fc.oneof(
      { weight: 4, arbitrary: editOp().map((op) => ['edits:apply', { pageId: targetPageId, op }] as const) },
      { weight: 1, arbitrary: fc.constantFrom('edits:undo', 'edits:redo', 'edits:rerun').map((c) => [c, { pageId: targetPageId }] as const) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const [channel, input] of steps) {
          calls++;
          expectCleanAnswer(await dispatch(handlers, channel, input, ctx));
        }
      }),
      { numRuns: runs(150) },
    );
    expectLibraryUnharmed();
  });
});

describe('every call over browser-mode HTTP', () => {
  function post(path: string, body: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: web.port, method: 'POST', path, headers: { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${web.token}`, 'content-type': 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  const rawBody = fc.oneof(
    anyInput.map((v) => { try { return JSON.stringify(v) ?? ''; } catch { return '{'; } }),
    fc.string(),
    fc.constantFrom('', '{', 'null', '[]', '"x"', '1e999', '{"pageId": 1,}', '\u0000', '{"__proto__": {"polluted": true}}'),
  );
  const rawPath = fc.oneof(
    anyChannel.map((c) => `/api/${encodeURIComponent(c)}`),
    fc.constantFrom('/api/%', '/api/%E0%A4%A', '/api/%00', '/api/app%3Ainfo/../x', '/api/'),
  );

  it('answers random bodies and channel names with JSON results or refusals, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(rawPath, rawBody, async (path, body) => {
        calls++;
        const res = await post(path, body);
        if (path === '/api/events') return void expect(res.status).toBe(405); // the event stream is GET only
        expect(res.status).toBe(200);
        expectCleanAnswer(JSON.parse(res.body));
      }),
      { numRuns: runs(250) },
    );
    const info = await post('/api/app:info', '{}');
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
    expectLibraryUnharmed();
  });
});
