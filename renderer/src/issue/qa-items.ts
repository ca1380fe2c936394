import { QA_KINDS, type QaItem, type QaKind } from '../../../app/metadata/qa.js';

/** QA items by kind, in the order the kinds are listed, kinds without items left out. */
export function groupQa(items: readonly QaItem[]): { kind: QaKind; items: QaItem[] }[] {
  return QA_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);
}

const place = (i: { pageNumber: number; line: number | null }) => i.pageNumber * 1e7 + (i.line ?? 0);

/**
 * The QA item after (`1`) or before (`-1`) the cursor, by page and source line, wrapping round at
 * the ends: F8 / Shift+F8 walk every open item without the issue view.
 */
export function adjacentQaItem(items: readonly QaItem[], at: { pageNumber: number; line: number }, direction: 1 | -1): QaItem | null {
  const sorted = [...items].sort((a, b) => place(a) - place(b));
  const here = place(at);
  if (direction === 1) return sorted.find((i) => place(i) > here) ?? sorted[0] ?? null;
  return sorted.findLast((i) => place(i) < here) ?? sorted[sorted.length - 1] ?? null;
}
