import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPatch } from '../../app/edits/apply.js';
import { expandPatch, type Patch, type StoredPatch } from '../../app/edits/patch.js';
import type { PageAnnotation } from '../../app/model/page.js';
import { getPage, libraryTree, openLibrary } from '../../main/library/library.js';
import { seededRandom } from '../../main/bench/edit-stream.js';
import { listJournal } from '../../main/store/journal.js';
import { KAILI_PAGE } from '../support/fixtures.js';
import { tempDir } from '../support/temp-dir.js';
import { stateHash } from './state.js';
import { checkIntegrity } from '../../main/store/integrity.js';

// Issue #6: a child applies a stream of edits and imports to one library; the parent SIGKILLs it
// at random moments, again and again, and after every kill checks that the library is sound and
// holds every write the child acknowledged, each whole.

/** Kills per run: GALLEY_DURABILITY_KILLS runs the attack at a larger scale (CI keeps the default). */
const KILLS = Number(process.env.GALLEY_DURABILITY_KILLS ?? 50);
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const tmp = tempDir('galley-durability-');
const db = join(tmp.dir, 'library.db');
afterAll(() => tmp.cleanup());

interface Run {
  lines: string[];
}

/** Starts the worker, lets it write for `ms` after it is ready, and kills it with SIGKILL. */
async function runAndKill(seed: number, ms: number): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, db, String(seed), KAILI_PAGE], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const wasReady = out.includes('READY\n');
      out += chunk.toString('utf8');
      if (!wasReady && out.includes('READY\n')) setTimeout(resolve, ms);
    });
    child.once('exit', (code) => reject(new Error(`worker ${seed} exited (${code}) before it was killed:\n${err}`)));
  });
  await kill(child);
  // A line cut off by the kill was never acknowledged.
  return { lines: out.split('\n').slice(0, -1) };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** What the acknowledgements of every run so far promise, page by page. */
const promised = new Map<number, { imported?: string; revision?: number; hash?: string }>();
const journalIds = new Set<number>();
let acks = 0;

function remember({ lines }: Run): void {
  for (const line of lines) {
    const [kind, page, ...rest] = line.split(' ');
    if (kind !== 'IMPORT' && kind !== 'ACK') continue;
    const pageId = Number(page);
    const p = promised.get(pageId) ?? {};
    promised.set(pageId, p);
    if (kind === 'IMPORT') {
      p.imported = rest[0]!;
      p.hash = rest[0]!;
    } else {
      const [revision, journalId, hash] = rest;
      Object.assign(p, { revision: Number(revision), hash });
      journalIds.add(Number(journalId));
      acks++;
    }
  }
}

function verify(): void {
  const lib = openLibrary(db);
  try {
    const report = checkIntegrity(lib.db);
    expect(report.integrity).toEqual(['ok']);
    expect(report.annotations).toEqual([]);
    expect(report.ok).toBe(true);
    const stored = new Set(listJournal(lib.db).map((e) => e.id));
    expect([...journalIds].filter((id) => !stored.has(id)), 'acknowledged journal rows missing').toEqual([]);

    // Every page, also one whose import committed just before the kill and was never acknowledged.
    const pageIds = libraryTree(lib.db).publications.flatMap((pub) => pub.issues.flatMap((i) => i.pages.map((pg) => pg.id)));
    expect(pageIds.length).toBeGreaterThanOrEqual(promised.size);
    for (const pageId of pageIds) {
      const p = promised.get(pageId) ?? {};
      promised.set(pageId, p);
      const { annotation, history } = getPage(lib.db, pageId);
      // The kill may fall between a commit and its ACK line: then the page is one write further.
      if (p.revision !== undefined) {
        expect([p.revision, p.revision + 1], `page ${pageId} revision`).toContain(history.revision);
        if (history.revision === p.revision) expect(stateHash(annotation), `page ${pageId} as acknowledged`).toBe(p.hash);
      }
      // What survived this kill is what the next run must keep, acknowledged or not.
      Object.assign(p, { revision: history.revision, hash: stateHash(annotation) });
      // Unwinding the page's applied edits must land exactly on what was imported, and applying
      // them again exactly on what is stored: no edit is half there, none is missing from the journal.
      const applied = listJournal(lib.db, [pageId]).filter((e) => e.params !== undefined && !e.undone);
      let page: PageAnnotation = annotation;
      // a journal row names the articles an edit left alone by id: read back against the page it applies to
      const step = (at: PageAnnotation, stored: unknown): PageAnnotation => {
        const patch: Patch | string = expandPatch(stored as StoredPatch, at);
        if (typeof patch === 'string') throw new Error(`page ${pageId}: a journal row does not apply (${patch})`);
        return applyPatch(at, patch);
      };
      for (const e of [...applied].reverse()) page = step(page, e.inverse);
      if (p.imported) expect(stateHash(page), `page ${pageId} unwound to its import`).toBe(p.imported);
      for (const e of applied) page = step(page, e.payload);
      expect(stateHash(page), `page ${pageId} replayed`).toBe(stateHash(annotation));
    }
  } finally {
    lib.close();
  }
}

describe('a library under SIGKILL', () => {
  it(`keeps every acknowledged write, whole, through ${KILLS} kills at random moments`, async () => {
    const random = seededRandom(Number(process.env.GALLEY_DURABILITY_SEED ?? Date.now() % 1e9));
    for (let run = 1; run <= KILLS; run++) {
      remember(await runAndKill(run, Math.floor(random() * 250)));
      verify();
    }
    console.log(`durability: ${KILLS} kills, ${acks} acknowledged edits and ${[...promised.values()].filter((p) => p.imported).length} imports verified, 0 lost`);
    expect(acks).toBeGreaterThan(KILLS);
  }, Math.max(120_000, KILLS * 10_000));
});
