import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitLines } from '../../app/engine/index.js';

/** A corpus page cut into what a synthetic page is assembled from: its furniture head and its articles' line blocks. */
export interface SourcePage {
  name: string;
  head: string[];
  blocks: string[][];
}

/**
 * Reads every NAME.txt of the folders. With a NAME.gold.json beside it the blocks are its
 * articles (first to last line of each); without one, runs of lines ending at a blank line.
 */
export async function loadSources(dirs: readonly string[]): Promise<SourcePage[]> {
  const sources: SourcePage[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.txt')).sort()) {
      const lines = splitLines(await readFile(join(dir, name), 'utf8'));
      const gold = await readFile(join(dir, name.replace(/\.txt$/, '.gold.json')), 'utf8').then(
        (text) => JSON.parse(text) as { line_labels?: (string | null)[] },
        () => null,
      );
      sources.push({ name, ...(gold?.line_labels ? byArticle(lines, gold.line_labels) : byBlankLine(lines)) });
    }
  }
  return sources;
}

function byArticle(lines: string[], labels: readonly (string | null)[]): Omit<SourcePage, 'name'> {
  // line_labels[n] labels source line n (1-based).
  const range = new Map<string, [number, number]>();
  lines.forEach((_, i) => {
    const who = labels[i + 1]?.split(':')[0];
    if (!who || who === 'furniture') return;
    const r = range.get(who);
    range.set(who, r ? [r[0], i] : [i, i]);
  });
  const starts = [...range.values()].sort((a, b) => a[0] - b[0]);
  const first = starts[0]?.[0] ?? 0;
  return { head: lines.slice(0, first), blocks: starts.map(([from, to]) => lines.slice(from, to + 2)) };
}

function byBlankLine(lines: string[]): Omit<SourcePage, 'name'> {
  const blocks: string[][] = [];
  let cur: string[] = [];
  for (const line of lines) {
    cur.push(line);
    if (line.trim() === '') {
      blocks.push(cur);
      cur = [];
    }
  }
  if (cur.length) blocks.push(cur);
  return { head: [], blocks };
}

const SURNAMES = [...'李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'];
const NAMES = ['Johnson', 'Lee', 'Garcia', 'Smith', 'Brown', 'Davis', 'Miller', 'Wilson', 'Moore', 'Taylor'];

/**
 * Synthetic page `k`, made from source page k mod n: its articles in a shuffled order, a few lines
 * dropped or repeated, digits and names changed, and its own folio line, so no two pages hash
 * alike and each one gets its own proposal.
 */
export function synthPageText(sources: readonly SourcePage[], k: number, next: () => number): string {
  const source = sources[k % sources.length]!;
  const out = [...source.head];
  for (const block of shuffled(source.blocks, next)) {
    for (const line of block) {
      const r = next();
      if (r < 0.03 && line.trim() !== '') continue;
      const varied = vary(line, next);
      out.push(varied);
      if (r > 0.985) out.push(varied);
    }
  }
  out.push(`— ${k + 1} —`);
  return out.join('\n');
}

export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function vary(line: string, next: () => number): string {
  if (next() < 0.3) line = line.replace(/\d/g, () => String(Math.floor(next() * 10)));
  if (next() < 0.1) line = line.replace(/[李王张刘陈杨赵黄周吴]/u, () => SURNAMES[Math.floor(next() * SURNAMES.length)]!);
  if (next() < 0.1) line = line.replace(/\b(Johnson|Lee|Smith|Brown)\b/, () => NAMES[Math.floor(next() * NAMES.length)]!);
  return line;
}
