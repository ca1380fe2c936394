import type { PageAnnotation } from '../../../app/model/page.js';

/**
 * The source line an editor typed in Ctrl+G: numbers are the source file's, so line 390 is the
 * raw page's line 390 however many lines were split above it. Null when the page has no such line.
 */
export function sourceLineTarget(page: PageAnnotation, typed: string): number | null {
  const t = typed.normalize('NFKC').trim();
  if (!/^\d{1,7}$/.test(t)) return null;
  const n = Number(t);
  return page.lines.some((l) => l.n === n) ? n : null;
}

/** The highest source line number of the page (what Ctrl+G offers as its range). */
export function lastSourceLine(page: PageAnnotation): number {
  return page.lines[page.lines.length - 1]?.n ?? 0;
}
