import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_PAGE, tempDir } from '../store/testing.js';
import { applyEditToPage } from './edits.js';
import { type Library, openLibrary } from './library.js';
import { randomEdit, seededRandom } from './testing.js';

// Sanity bounds only, loose enough for a busy CI machine: the budgets (edit p95 < 10 ms,
// page open p95 < 30 ms) are measured by the bench; this catches an edit that rewrites the page.

const p95 = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!;

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
beforeEach(() => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

describe('on the corpus page', () => {
  it('one edit, journal and commit included, stays well within the round-trip budget (p95 of 200)', async () => {
    const pageId = (await lib.importPaths([CORPUS_PAGE], {})).files[0]!.pageId!;
    const random = seededRandom(7);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const op = randomEdit(lib.getPage(pageId).annotation, random);
      const t = performance.now();
      applyEditToPage(lib, pageId, op);
      times.push(performance.now() - t);
    }
    console.log(`edit p95 ${p95(times).toFixed(2)} ms over 200 ops`);
    expect(p95(times)).toBeLessThan(50);
    expect(lib.check().ok).toBe(true);
  });

  it('a page opens from the database well within budget (p95, none of them cached)', async () => {
    const text = readFileSync(CORPUS_PAGE, 'utf8');
    // More pages than the cache keeps, opened in turn: every open reads SQLite.
    const files = Array.from({ length: 24 }, (_, i) => ({ name: `p${i + 1}.txt`, bytes: Buffer.from(`${text}\n第${i + 1}版`) }));
    const ids = (await lib.importFiles(files, {})).files.map((f) => f.pageId!);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const id of ids) {
        const t = performance.now();
        lib.getPage(id);
        times.push(performance.now() - t);
      }
    }
    console.log(`page open p95 ${p95(times).toFixed(2)} ms over ${times.length} uncached opens`);
    expect(p95(times)).toBeLessThan(50);
  });
});
