import { refreshSearchIndex, searchLibrary } from '../search/search.js';
import { dirtyCount } from '../store/search-index.js';
import type { LibraryBench } from './library.js';
import { type BenchSection, p95, round, timeEach } from './section.js';
import { seededRandom } from './edit-stream.js';
import { getPage } from '../library/library.js';

const QUERIES = 100;
/** What the search box asks for: every kind, 100 hits. */
const LIMIT = 100;
const HAN = /\p{Script=Han}+/gu;
const LATIN = /[A-Za-z]{4,}/g;

/** Time to bring the deferred index up to date after the import (and the edit section's edits). */
export const indexSection: BenchSection<LibraryBench> = {
  name: 'search index (deferred, after import)',
  async run(ctx) {
    const pending = dirtyCount(ctx.lib.db);
    const start = performance.now();
    refreshSearchIndex(ctx.lib.db);
    const seconds = (performance.now() - start) / 1000;
    return {
      table: [`${pending} pages in ${seconds.toFixed(1)} s: ${(pending / seconds).toFixed(1)} pages/s`],
      figures: { index_pages_per_s: round(pending / seconds) },
    };
  },
};

/** Queries of each kind cut from the library's own lines, timed from the call to JSON the transports send. */
export const searchSection: BenchSection<LibraryBench> = {
  name: `search (all kinds, limit ${LIMIT})`,
  async run(ctx) {
    const queries = sampleQueries(ctx);
    const figures: Record<string, number> = {};
    const table: string[] = [];
    for (const [kind, list] of Object.entries(queries)) {
      if (list.length === 0) continue;
      let hits = 0;
      const times = timeEach(list, (q) => {
        const result = searchLibrary(ctx.lib.db, q, undefined, LIMIT);
        hits += result.hits.length;
        return JSON.stringify(result);
      });
      figures[kind] = round(p95(times), 2);
      table.push(`${kind.padEnd(9)} p95 ${p95(times).toFixed(2).padStart(7)} ms  (${list.length} queries, ${round(hits / list.length)} hits each, e.g. ${list[0]})`);
    }
    return { table, figures: { search_p95_ms: figures } };
  },
};

/** One-, two- and three-to-six-character Han runs and Latin words, taken from random lines of random pages. */
function sampleQueries(ctx: LibraryBench): Record<'cjk1' | 'cjk2' | 'cjk3plus' | 'latin', string[]> {
  const next = seededRandom(11);
  const out = { cjk1: [] as string[], cjk2: [] as string[], cjk3plus: [] as string[], latin: [] as string[] };
  for (let tries = 0; tries < QUERIES * 200 && Object.values(out).some((l) => l.length < QUERIES); tries++) {
    const id = ctx.pageIds[Math.floor(next() * ctx.pageIds.length)]!;
    const lines = getPage(ctx.lib.db, id).annotation.lines;
    const text = lines[Math.floor(next() * lines.length)]?.text ?? '';
    const han = [...text.matchAll(HAN)].map((m) => [...m[0]]).filter((run) => run.length >= 3);
    const run = han[Math.floor(next() * han.length)];
    if (run) {
      const cut = (size: number) => {
        const at = Math.floor(next() * (run.length - size + 1));
        return run.slice(at, at + size).join('');
      };
      if (out.cjk1.length < QUERIES) out.cjk1.push(cut(1));
      if (out.cjk2.length < QUERIES) out.cjk2.push(cut(2));
      if (out.cjk3plus.length < QUERIES) out.cjk3plus.push(cut(Math.min(run.length, 3 + Math.floor(next() * 4))));
    }
    const words = text.match(LATIN) ?? [];
    const word = words[Math.floor(next() * words.length)];
    if (word && out.latin.length < QUERIES) out.latin.push(word);
  }
  return out;
}
