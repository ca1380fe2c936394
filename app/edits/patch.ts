import type { AnnotatedLine, ArticleMeta, PageAnnotation } from '../model/page.js';

/**
 * Exactly what one edit changed, small enough for a journal row and for the store to apply a row
 * at a time. Lines are replaced per source line number: `parts` holds every line of source line `n`
 * as it is afterwards (one line, or the pieces of a split line), so a split needs no renumbering
 * of anything else. Plain JSON: no undefined values, no classes.
 */
export interface Patch {
  /** Sorted by `n`, each `n` at most once. */
  lines: LineGroup[];
  /** The whole article list in reading order, when an article was added, removed or moved. */
  articles?: ArticleMeta[];
  /** Articles whose metadata changed while the list itself stayed as it was. */
  metas?: ArticleMeta[];
  /** Page-level fields a re-run of the engine may change. */
  page?: Pick<PageAnnotation, 'section' | 'headlineOrder'>;
}

export interface LineGroup {
  n: number;
  parts: AnnotatedLine[];
}

/** Index of the first line of source line `n` (or where it would go); lines are sorted by n, part. */
export function firstIndexOf(lines: readonly AnnotatedLine[], n: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]!.n < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index one past the last line of source line `n`. */
export function endIndexOf(lines: readonly AnnotatedLine[], n: number, start = firstIndexOf(lines, n)): number {
  let end = start;
  while (end < lines.length && lines[end]!.n === n) end++;
  return end;
}

export function linesOf(lines: readonly AnnotatedLine[], n: number): AnnotatedLine[] {
  const start = firstIndexOf(lines, n);
  return lines.slice(start, endIndexOf(lines, n, start));
}

/** Applies a patch (redo: the edit's patch; undo: its inverse). The input page is left untouched. */
export function applyPatch(page: PageAnnotation, patch: Patch): PageAnnotation {
  let lines = page.lines;
  if (patch.lines.length) {
    const copy = page.lines.slice();
    for (const { n, parts } of patch.lines) {
      const start = firstIndexOf(copy, n);
      const end = endIndexOf(copy, n, start);
      if (end - start === parts.length) parts.forEach((line, i) => (copy[start + i] = line));
      else copy.splice(start, end - start, ...parts);
    }
    lines = copy;
  }
  let articles = patch.articles ?? page.articles;
  if (patch.metas?.length) {
    const byId = new Map(patch.metas.map((m) => [m.id, m]));
    articles = articles.map((a) => byId.get(a.id) ?? a);
  }
  return { ...page, ...patch.page, lines, articles };
}

/** Structural equality of JSON values, so a patch carries only what really changed. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A patch as the journal keeps it. An article list carries every article of the page, though an
 * edit changes one or two: an article the other side of the edit has as it is is kept by its id
 * alone, and read back from the page the patch is applied to, where it is still the same. A
 * 5,000-line page has some 170 articles; a whole list was ~34 KB a side of every such edit's row.
 */
export type StoredPatch = Omit<Patch, 'articles'> & { articles?: (ArticleMeta | string)[] };

/** `patch` for the journal, with `other` the edit's other side (the inverse of a patch, the patch of an inverse). */
export function compactPatch(patch: Patch, other: Patch): StoredPatch {
  if (!patch.articles || !other.articles) return patch;
  const same = new Map(other.articles.map((a) => [a.id, a]));
  return { ...patch, articles: patch.articles.map((a) => (sameJson(a, same.get(a.id)) ? a.id : a)) };
}

/** The patch a journal row holds, whole again against the page it applies to; a string names what the page lacks. */
export function expandPatch(stored: StoredPatch, page: PageAnnotation): Patch | string {
  if (!stored.articles?.some((a) => typeof a === 'string')) return stored as Patch;
  const byId = new Map(page.articles.map((a) => [a.id, a]));
  const articles: ArticleMeta[] = [];
  for (const a of stored.articles) {
    const meta = typeof a === 'string' ? byId.get(a) : a;
    if (!meta) return `the page has no article ${String(a)}`;
    articles.push(meta);
  }
  return { ...stored, articles };
}
