import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyPublicationProfile, learnFromPage, proposePage, renderPage, splitLines } from '../../../app/engine/index.js';
import { editSection, hugePageSection, importSection, type LibraryBench, pageOpenSection, rawInsertSection, sizeSection } from '../../bench/library.js';
import { learnSection } from '../../bench/learning.js';
import { indexSection, searchSection } from '../../bench/search.js';
import { pdfImportSection } from '../../bench/pdf-import.js';
import { scanSection } from '../../bench/scan.js';
import { type BenchSection, type Figure, round } from '../../bench/section.js';
import { seededRandom } from '../../bench/edit-stream.js';
import { loadSources } from '../../bench/synth.js';
import { workerOpenSection } from '../../bench/worker.js';
import { openLibrary } from '../../library/library.js';
import { type Command, fail, parseOptions } from '../io.js';

interface BenchContext {
  corpusDirs: string[];
  seconds: number;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_CORPORA = [join(repoRoot, 'tests/fixtures/kaili'), join(repoRoot, 'tests/fixtures/pages')];
const SIZES = [100, 400, 1000, 10000];

async function loadChunks(dirs: readonly string[]): Promise<string[][]> {
  const chunks: string[][] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.txt'))) {
      let cur: string[] = [];
      for (const line of splitLines(await readFile(join(dir, name), 'utf8'))) {
        cur.push(line);
        if (line.trim() === '') {
          chunks.push(cur);
          cur = [];
        }
      }
      if (cur.length) chunks.push(cur);
    }
  }
  return chunks;
}

/** A page of `size` lines: the corpus's blocks shuffled, some lines dropped or repeated. */
function synthPage(chunks: readonly string[][], size: number, next: () => number): string[] {
  const out: string[] = [];
  while (out.length < size) {
    const chunk = chunks[Math.floor(next() * chunks.length)]!;
    for (const line of chunk) {
      const r = next();
      if (r < 0.03) continue;
      out.push(line);
      if (r > 0.98) out.push(line);
    }
  }
  return out.slice(0, size);
}

function measure(pages: readonly string[][], seconds: number, work: (lines: readonly string[]) => void): number {
  for (const p of pages.slice(0, 3)) work(p);
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000 || done < pages.length) {
    work(pages[done % pages.length]!);
    done++;
    elapsed = performance.now() - start;
  }
  return done / (elapsed / 1000);
}

const segmentSection: BenchSection<BenchContext> = {
  name: 'segment',
  async run(ctx) {
    const chunks = await loadChunks(ctx.corpusDirs);
    if (chunks.length === 0) fail(`no corpus pages in ${ctx.corpusDirs.join(', ')}`);
    const next = seededRandom(42);
    const table = ['lines/page   pages/s     lines/s   (proposePage)', ];
    const figures: Record<string, number> = {};
    for (const size of SIZES) {
      const pages = Array.from({ length: size >= 10000 ? 4 : 24 }, () => synthPage(chunks, size, next));
      const perSecond = measure(pages, ctx.seconds, (lines) => proposePage(lines));
      figures[`segment_pages_per_s_${size}`] = round(perSecond);
      table.push(`${String(size).padStart(10)} ${perSecond.toFixed(1).padStart(9)} ${Math.round(perSecond * size).toString().padStart(11)}`);
    }
    const pages = Array.from({ length: 24 }, () => proposePage(synthPage(chunks, 400, next)));
    let k = 0;
    const renders = measure(pages.map((p) => p.lines.map((l) => l.text)), ctx.seconds, () => renderPage(pages[k++ % pages.length]!, { file: 'bench.txt', sha256: '' }));
    figures.render_pages_per_s_400 = round(renders);
    table.push(`renderPage, 400-line pages: ${renders.toFixed(1)} pages/s`);
    // one very long page: every engine step is linear, so 100,000 lines cost about 250 pages of 400
    const huge = synthPage(chunks, 100_000, next);
    proposePage(huge);
    let hugeMs = Infinity;
    for (let r = 0; r < 2; r++) {
      const t = performance.now();
      proposePage(huge);
      hugeMs = Math.min(hugeMs, performance.now() - t);
    }
    figures.segment_ms_100000_lines = round(hugeMs);
    table.push(`one 100,000-line page: ${hugeMs.toFixed(0)} ms`);
    // learning from an editor's page, the engine's own proposal standing in for the correction
    const sample = Array.from({ length: 24 }, () => synthPage(chunks, 400, next));
    const corrected = sample.map((lines) => proposePage(lines));
    let profile = emptyPublicationProfile();
    for (let k = 0; k < sample.length; k++) profile = learnFromPage(profile, sample[k]!, corrected[k]!);
    const t = performance.now();
    for (let k = 0; k < sample.length; k++) learnFromPage(profile, sample[k]!, corrected[k]!);
    figures.learn_ms_per_page_400 = round((performance.now() - t) / sample.length);
    table.push(`learnFromPage, 400-line pages, profile of ${profile.pages} pages: ${figures.learn_ms_per_page_400} ms a page`);
    const learned = measure(sample, ctx.seconds, (lines) => proposePage(lines, { learned: profile }));
    figures.segment_pages_per_s_400_learned = round(learned);
    table.push(`proposePage with that profile, 400-line pages: ${learned.toFixed(1)} pages/s`);
    figures.segment_pages_per_s = figures.segment_pages_per_s_400!;
    return { table, figures };
  },
};

/**
 * A synthetic library of `pages` pages in a fresh folder, measured section by section in this
 * order: the index section indexes what import and edits left, search then finds it complete.
 */
async function libraryFigures(ctx: BenchContext, pages: number, keep: boolean, print: (name: string, table: string[]) => void): Promise<Record<string, Figure>> {
  const sources = await loadSources(ctx.corpusDirs);
  if (sources.length === 0) fail(`no corpus pages in ${ctx.corpusDirs.join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'galley-bench-'));
  const lib = openLibrary(join(dir, 'library.db'));
  const bench: LibraryBench = { dir, lib, sources, pages, pageIds: [], lines: 0 };
  const all: Record<string, Figure> = {};
  const run = async <C>(section: BenchSection<C>, c: C) => {
    const { table, figures } = await section.run(c);
    print(section.name, table);
    Object.assign(all, figures);
  };
  try {
    await run(importSection, bench);
    await run(rawInsertSection, { ...bench, importPagesPerS: all.import_pages_per_s as number });
    for (const section of [pageOpenSection, editSection, learnSection, indexSection, searchSection, workerOpenSection, hugePageSection, pdfImportSection, scanSection, sizeSection]) await run(section, bench);
  } finally {
    lib.close();
    if (keep) print('kept', [`library: ${lib.path}`]);
    else rmSync(dir, { recursive: true, force: true });
  }
  return all;
}

export const command: Command = {
  summary: 'measure speed and memory: segmentation, then a synthetic library built from the corpus (import, open, edit, index, search)',
  usage: [
    'usage: galley bench [--pages N] [--json] [--keep] [--corpus DIR]... [--seconds S]',
    '',
    '  --pages     pages of the synthetic library (default 1000)',
    '  --json      print one JSON object with every figure as the last line',
    '  --keep      keep the synthetic library (its path is printed) instead of removing it',
    '  --corpus    folders of NAME.txt pages to build synthetic pages from (default: tests/fixtures/kaili and tests/fixtures/pages)',
    '  --seconds   time spent per segmentation measurement (default 1)',
  ].join('\n'),
  async run(args) {
    const { values } = parseOptions(args, {
      json: { type: 'boolean' }, keep: { type: 'boolean' }, pages: { type: 'string' },
      corpus: { type: 'string', multiple: true }, seconds: { type: 'string' },
    }, false);
    const seconds = values.seconds === undefined ? 1 : Number(values.seconds);
    if (!(seconds > 0)) fail('--seconds must be a positive number');
    const pages = values.pages === undefined ? 1000 : Number(values.pages);
    if (!Number.isInteger(pages) || pages < 20) fail('--pages must be a whole number of at least 20');
    const ctx: BenchContext = { corpusDirs: values.corpus ?? DEFAULT_CORPORA, seconds };
    const print = (name: string, table: string[]) => console.log(`== ${name}\n${table.join('\n')}`);
    const all: Record<string, Figure> = {};
    const segment = await segmentSection.run(ctx);
    print(segmentSection.name, segment.table);
    Object.assign(all, segment.figures, await libraryFigures(ctx, pages, values.keep ?? false, print));
    if (values.json) console.log(JSON.stringify(all));
    return 0;
  },
};
