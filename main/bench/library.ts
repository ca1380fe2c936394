import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyEdit } from '../../app/edits/apply.js';
import { splitLines } from '../../app/engine/index.js';
import { inBulkTransaction } from '../store/bulk.js';
import { applyEditToPage } from '../edits/edits.js';
import { type ImportFile, importFiles } from '../import/import.js';
import { getPage, type Library } from '../library/library.js';
import { MAX_PAGE_LINES } from '../import/encoding.js';
import { issueQaReport } from '../metadata/metadata.js';
import { loadPage } from '../store/annotation/page-cache.js';
import { randomEdit, seededRandom } from './edit-stream.js';
import { type BenchSection, p95, round, timeEach } from './section.js';
import { shuffled, type SourcePage, synthPageText } from './synth.js';

/** What the library sections share: the library the import section fills, in a folder of its own. */
export interface LibraryBench {
  dir: string;
  lib: Library;
  sources: SourcePage[];
  pages: number;
  /** Pages of the synthetic library, in import order (filled by the import section). */
  pageIds: number[];
  lines: number;
}

const PAGES_PER_ISSUE = 16;
const SEED = 7;
const OPENS = 300;
const EDITS = 300;
/** Pages an editor meets at most: a whole broadsheet issue saved as one file. */
const BIG_PAGE_LINES = 5000;

/** The synthetic library as issues of page files, the same for the same seed (the raw insert replays it). */
function* issues(sources: readonly SourcePage[], pages: number): Generator<ImportFile[]> {
  const next = seededRandom(SEED);
  for (let first = 0; first < pages; first += PAGES_PER_ISSUE) {
    const count = Math.min(PAGES_PER_ISSUE, pages - first);
    yield Array.from({ length: count }, (_, i) => ({
      name: `p${i + 1}.txt`,
      bytes: Buffer.from(synthPageText(sources, first + i, next)),
    }));
  }
}

function issueDate(k: number): string {
  return new Date(Date.UTC(1990, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
}

export const importSection: BenchSection<LibraryBench> = {
  name: 'import (decode, segment, store; until every page is editable)',
  async run(ctx) {
    let ms = 0;
    let k = 0;
    for (const files of issues(ctx.sources, ctx.pages)) {
      const start = performance.now();
      const report = await importFiles(ctx.lib.db, files, { publication: 'Bench', date: issueDate(k), label: `bench ${k}` });
      ms += performance.now() - start;
      k++;
      for (const f of report.files) {
        if (f.pageId === null) throw new Error(`bench page ${f.file} of issue ${k} was not imported: ${f.error}`);
        ctx.pageIds.push(f.pageId);
        ctx.lines += f.lines;
      }
    }
    const perSecond = ctx.pages / (ms / 1000);
    return {
      table: [
        `${ctx.pages} pages (${round(ctx.lines / ctx.pages)} lines a page) in ${(ms / 1000).toFixed(1)} s`,
        `${perSecond.toFixed(1)} pages/s, ${Math.round(perSecond * ctx.lines / ctx.pages)} lines/s`,
      ],
      figures: {
        pages: ctx.pages, lines_per_page: round(ctx.lines / ctx.pages), import_s: round(ms / 1000),
        import_pages_per_s: round(perSecond), import_lines_per_s: Math.round(perSecond * ctx.lines / ctx.pages),
      },
    };
  },
};

/**
 * The floor the import is compared with: the same lines written by plain better-sqlite3 into a
 * bare (page, n, text) table, one transaction per page with the import's durability, nothing else.
 */
export const rawInsertSection: BenchSection<LibraryBench & { importPagesPerS: number }> = {
  name: 'raw better-sqlite3 insert of the same lines',
  async run(ctx) {
    const db = new Database(join(ctx.dir, 'raw.db'));
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec('CREATE TABLE raw_lines (page INTEGER NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL) STRICT');
      const insert = db.prepare('INSERT INTO raw_lines (page, n, text) VALUES (?, ?, ?)');
      let ms = 0;
      let page = 0;
      for (const files of issues(ctx.sources, ctx.pages)) {
        const pages = files.map((f) => splitLines(Buffer.from(f.bytes).toString('utf8')));
        const start = performance.now();
        for (const lines of pages) {
          page++;
          inBulkTransaction(db, () => lines.forEach((text, i) => insert.run(page, i + 1, text)));
        }
        ms += performance.now() - start;
      }
      const perSecond = ctx.pages / (ms / 1000);
      const ratio = ctx.importPagesPerS / perSecond;
      return {
        table: [`${perSecond.toFixed(1)} pages/s; import reaches ${ratio.toFixed(2)} of it`],
        figures: { raw_insert_pages_per_s: round(perSecond), raw_insert_ratio: round(ratio, 3) },
      };
    } finally {
      db.close();
    }
  },
};

export const pageOpenSection: BenchSection<LibraryBench> = {
  name: 'page open (store to renderer-ready JSON, none cached)',
  async run(ctx) {
    // A walk through a shuffled list of more pages than the page cache keeps never meets a cached page.
    const ids = shuffled(ctx.pageIds, seededRandom(SEED + 1));
    const picks = Array.from({ length: OPENS }, (_, i) => ids[i % ids.length]!);
    const times = timeEach(picks, (id) => JSON.stringify(getPage(ctx.lib.db, id)));
    return { table: [`p95 ${p95(times).toFixed(2)} ms over ${OPENS} opens`], figures: { page_open_p95_ms: round(p95(times), 2) } };
  },
};

/** Random valid editor operations on random pages, each timed as the store runs it (journal and commit included). */
export const editSection: BenchSection<LibraryBench> = {
  name: 'edit (one editor operation in the store)',
  async run(ctx) {
    const next = seededRandom(SEED + 2);
    const onPages = (ids: readonly number[], count: number) => {
      const store: number[] = [];
      const pure: number[] = [];
      for (let i = 0; i < count; i++) {
        const id = ids[Math.floor(next() * ids.length)]!;
        const page = getPage(ctx.lib.db, id).annotation;
        const op = randomEdit(page, next);
        pure.push(...timeEach([op], (o) => applyEdit(page, o)));
        store.push(...timeEach([op], (o) => applyEditToPage(ctx.lib.db, id, o)));
      }
      return { store: p95(store), pure: p95(pure) };
    };
    const library = onPages(ctx.pageIds, EDITS);
    const big = onPages([await importBigPage(ctx)], EDITS / 3);
    return {
      table: [
        `p95 ${library.store.toFixed(2)} ms over ${EDITS} ops on library pages (pure edit ${library.pure.toFixed(2)} ms of it)`,
        `p95 ${big.store.toFixed(2)} ms over ${EDITS / 3} ops on one ${BIG_PAGE_LINES}-line page (pure edit ${big.pure.toFixed(2)} ms)`,
      ],
      figures: {
        edit_p95_ms: round(library.store, 2), edit_pure_p95_ms: round(library.pure, 2),
        [`edit_p95_ms_${BIG_PAGE_LINES}_lines`]: round(big.store, 2), [`edit_pure_p95_ms_${BIG_PAGE_LINES}_lines`]: round(big.pure, 2),
      },
    };
  },
};

/** One page of at least BIG_PAGE_LINES lines, in an issue of its own; returns its id. */
async function importBigPage(ctx: LibraryBench): Promise<number> {
  return (await importLongPage(ctx, BIG_PAGE_LINES, SEED + 3, 'big page')).pageId;
}

/** One synthetic page of exactly `lines` lines, in an issue of its own. */
async function importLongPage(ctx: LibraryBench, lines: number, seed: number, label: string): Promise<{ pageId: number; issueId: number }> {
  const next = seededRandom(seed);
  const parts: string[] = [];
  for (let k = 0, count = 0; count < lines; k++) {
    const text = splitLines(synthPageText(ctx.sources, k, next));
    parts.push(...text.slice(0, lines - count));
    count += text.length;
  }
  const report = await importFiles(ctx.lib.db, [{ name: `${label}.txt`, bytes: Buffer.from(parts.join('\n')) }], { publication: 'Bench', label });
  const pageId = report.files[0]?.pageId;
  if (!pageId || report.issueId === null) throw new Error(`the ${lines}-line bench page was not imported: ${report.files[0]?.error}`);
  return { pageId, issueId: report.issueId };
}

export const sizeSection: BenchSection<LibraryBench> = {
  name: 'size and memory',
  async run(ctx) {
    ctx.lib.db.pragma('wal_checkpoint(TRUNCATE)');
    const size = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    const bytes = size(ctx.lib.path) + size(`${ctx.lib.path}-wal`);
    const pages = ctx.lib.db.prepare('SELECT count(*) FROM pages').pluck().get() as number;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    return {
      table: [`${Math.round(bytes / pages)} bytes a page (${(bytes / 1e6).toFixed(0)} MB for ${pages} pages); peak RSS ${rssMb.toFixed(0)} MB`],
      figures: { db_bytes_per_page: Math.round(bytes / pages), peak_rss_mb: Math.round(rssMb) },
    };
  },
};

const HUGE_EDITS = 20;

/** Half the longest page import accepts (MAX_PAGE_LINES): every step stays linear, so it costs what its lines cost. */
const HUGE_PAGE_LINES = MAX_PAGE_LINES / 2;

export const hugePageSection: BenchSection<LibraryBench> = {
  name: `one ${HUGE_PAGE_LINES.toLocaleString('en')}-line page (half the import limit)`,
  async run(ctx) {
    let start = performance.now();
    const { pageId, issueId } = await importLongPage(ctx, HUGE_PAGE_LINES, SEED + 4, 'huge page');
    const importMs = performance.now() - start;
    start = performance.now();
    JSON.stringify(getPage(ctx.lib.db, pageId));
    const openMs = performance.now() - start;
    const next = seededRandom(SEED + 5);
    const times = Array.from({ length: HUGE_EDITS + 1 }, () => {
      // the page as the edit will find it (in memory while current), not read back whole each time
      const op = randomEdit(loadPage(ctx.lib.db, pageId)!.annotation, next);
      return timeEach([op], (o) => applyEditToPage(ctx.lib.db, pageId, o))[0]!;
    });
    // the first edit also turns the page from the engine's compact proposal into rows: said apart
    const [firstEdit, ...edits] = times as [number, ...number[]];
    start = performance.now();
    issueQaReport(ctx.lib.db, issueId);
    const qaMs = performance.now() - start;
    const n = HUGE_PAGE_LINES;
    return {
      table: [`import ${importMs.toFixed(0)} ms, open ${openMs.toFixed(0)} ms, first edit ${firstEdit.toFixed(0)} ms, then edit p95 ${p95(edits).toFixed(0)} ms over ${HUGE_EDITS} ops, QA ${qaMs.toFixed(0)} ms`],
      figures: {
        [`import_ms_${n}_lines`]: Math.round(importMs), [`page_open_ms_${n}_lines`]: Math.round(openMs),
        [`edit_p95_ms_${n}_lines`]: round(p95(edits), 1), [`first_edit_ms_${n}_lines`]: Math.round(firstEdit), [`qa_ms_${n}_lines`]: Math.round(qaMs),
      },
    };
  },
};
