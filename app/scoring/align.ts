import type { ScoredDoc } from './score.js';

/** A line's text as a print can show it: no whitespace, no private-use characters (no font has a glyph for them). */
const squash = (s: string): string => s.replace(/[\s\p{Co}]+/gu, '');

/** A line as `same` compares it: its squashed text, and that text's code points. */
interface Squashed {
  text: string;
  points: number[];
}

const squashed = (s: string): Squashed => {
  const text = squash(s);
  return { text, points: Array.from(text, (ch) => ch.codePointAt(0)!) };
};

/**
 * Two non-blank lines are the same line when their text without whitespace is equal, or differs by
 * at most one character in ten (edits counted, in characters, so one outside the BMP counts once):
 * a PDF's text layer can name a glyph that two characters share by the other one (户 read back as
 * 戶), or lack a character no font could draw, and the line is still that line.
 */
function same(a: Squashed, b: Squashed): boolean {
  if (a.text === '' || b.text === '') return false;
  if (a.text === b.text) return true;
  const k = Math.floor((Math.max(a.points.length, b.points.length) + 5) / 10);
  return k > 0 && Math.abs(a.points.length - b.points.length) <= k && withinEdits(a.points, b.points, k);
}

/** Whether at most k insertions, deletions or substitutions turn a into b (a band of the edit table). */
function withinEdits(a: readonly number[], b: readonly number[], k: number): boolean {
  const big = k + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= k ? j : big;
  for (let i = 1; i <= a.length; i++) {
    cur.fill(big);
    if (i <= k) cur[0] = i;
    let best = cur[0]!;
    for (let j = Math.max(1, i - k); j <= Math.min(b.length, i + k); j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(big, sub, prev[j]! + 1, cur[j - 1]! + 1);
      best = Math.min(best, cur[j]!);
    }
    if (best > k) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]! <= k;
}

/**
 * Which line of `to` each line of `from` is, for two renderings of one page whose line numbers
 * differ (a gold page's source text and the lines a PDF or ALTO import of it gives): the longest
 * common subsequence of the non-blank lines, compared without whitespace (see `same`). Returns, per `from` line
 * (0-based), the 0-based `to` line, or -1 where the line has no counterpart.
 */
export function alignLines(from: readonly string[], to: readonly string[]): Int32Array {
  const a = from.map(squashed);
  const b = to.map(squashed);
  const n = a.length;
  const m = b.length;
  // LCS table, one row of m+1 per line of `from`: a page is a few hundred lines, so this is small
  const width = m + 1;
  const len = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i * width + j] = same(a[i]!, b[j]!) ? len[(i + 1) * width + j + 1]! + 1 : Math.max(len[(i + 1) * width + j]!, len[i * width + j + 1]!);
    }
  }
  const out = new Int32Array(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i]!, b[j]!)) out[i++] = j++;
    else if (len[(i + 1) * width + j]! >= len[i * width + j + 1]!) i++;
    else j++;
  }
  return out;
}

/**
 * A segmentation made on `lines` re-said in the line numbers of `goldLines`, so the scorer can hold
 * it against a gold file written for `goldLines`: every span and furniture range becomes one range
 * per line it maps to; lines with no counterpart are dropped (and so count as missed).
 */
export function onGoldLines<D extends ScoredDoc>(doc: D, lines: readonly string[], goldLines: readonly string[]): D {
  const map = alignLines(lines, goldLines);
  const moved = <R extends { from: number; to: number }>(ranges: readonly R[] | undefined): R[] => {
    const out: R[] = [];
    for (const r of ranges ?? []) {
      for (let n = Math.trunc(r.from); n <= Math.trunc(r.to); n++) {
        const to = map[n - 1] ?? -1;
        if (to >= 0) out.push({ ...r, from: to + 1, to: to + 1 });
      }
    }
    return out;
  };
  return {
    ...doc,
    furniture: moved(doc.furniture),
    articles: (doc.articles ?? []).map((a) => ({ ...a, spans: moved(a.spans) })),
  };
}
