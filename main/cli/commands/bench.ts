import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { proposePage, renderPage, splitLines } from '../../../app/engine/index.js';
import { type Command, fail, parseOptions } from '../io.js';

/**
 * One part of the benchmark. Each section measures one subsystem and returns its figures; the
 * command prints them as a table and, with --json, merges every section's figures into one object.
 */
interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<{ table: string[]; figures: Record<string, number> }>;
}

interface BenchContext {
  corpusDirs: string[];
  seconds: number;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_CORPORA = [join(repoRoot, '../shared/corpus'), join(repoRoot, 'tests/fixtures/pages')];
const SIZES = [100, 400, 1000, 10000];

/** A small seeded generator, so two runs bench the same pages. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

const segmentSection: BenchSection = {
  name: 'segment',
  async run(ctx) {
    const chunks = await loadChunks(ctx.corpusDirs);
    if (chunks.length === 0) fail(`no corpus pages in ${ctx.corpusDirs.join(', ')}`);
    const next = rng(42);
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
    figures.segment_pages_per_s = figures.segment_pages_per_s_400!;
    return { table, figures };
  },
};

const round = (x: number) => Math.round(x * 10) / 10;

const SECTIONS: BenchSection[] = [segmentSection];

export const command: Command = {
  summary: 'measure throughput (segmentation of synthetic pages built from the corpus)',
  usage: 'usage: galley bench [--json] [--corpus DIR]... [--seconds S]\n\n  --json      print one JSON object with every figure as the last line\n  --corpus    folders of NAME.txt pages to build synthetic pages from (default: ../shared/corpus and tests/fixtures/pages)\n  --seconds   time spent per measurement (default 1)',
  async run(args) {
    const { values } = parseOptions(args, { json: { type: 'boolean' }, corpus: { type: 'string', multiple: true }, seconds: { type: 'string' } }, false);
    const seconds = values.seconds === undefined ? 1 : Number(values.seconds);
    if (!(seconds > 0)) fail('--seconds must be a positive number');
    const ctx: BenchContext = { corpusDirs: values.corpus ?? DEFAULT_CORPORA, seconds };
    const all: Record<string, number> = {};
    for (const section of SECTIONS) {
      const { table, figures } = await section.run(ctx);
      console.log(`== ${section.name}\n${table.join('\n')}`);
      Object.assign(all, figures);
    }
    if (values.json) console.log(JSON.stringify(all));
    return 0;
  },
};
