import type { LineBox } from '../model/geometry.js';

/**
 * What the printed page says of its lines, where the source gave each line a box and a font size
 * (a PDF, ALTO): the engine otherwise guesses these from line lengths.
 */
export interface Print {
  /** Each line's font size against the page's body size (1 is body); NaN where the line has no box or size. */
  size: Float64Array;
  /** Whether the next line with a box stands in another column: beside this one, or above it. */
  columnAfter: Uint8Array;
}

/** A line set this much larger than the body is display type: a headline part. */
export const LARGE = 1.15;

/**
 * The print of a page from its line boxes (one per line, null for a blank line), or null when
 * there is nothing to read: no boxes, boxes for another set of lines, or no font sizes.
 */
export function readPrint(boxes: readonly (LineBox | null)[] | undefined, lines: readonly string[]): Print | null {
  if (!boxes || boxes.length !== lines.length) return null;
  const size = new Float64Array(lines.length).fill(NaN);
  const columnAfter = new Uint8Array(lines.length);
  // the body size is the size most of the page's characters are set in
  const weighted: [number, number][] = [];
  let total = 0;
  boxes.forEach((b, i) => {
    if (!b?.fontSize || !(b.fontSize > 0)) return;
    const chars = lines[i]!.replace(/\s+/g, '').length;
    weighted.push([b.fontSize, chars]);
    total += chars;
  });
  if (total === 0) return null;
  weighted.sort((a, b) => a[0] - b[0]);
  let body = weighted[0]![0];
  for (let k = 0, seen = 0; k < weighted.length; k++) {
    seen += weighted[k]![1];
    body = weighted[k]![0];
    if (seen * 2 >= total) break;
  }
  let prev = -1;
  boxes.forEach((b, i) => {
    if (!b) return;
    if (b.fontSize && b.fontSize > 0) size[i] = b.fontSize / body;
    if (prev >= 0) {
      const a = boxes[prev]!;
      const beside = Math.min(a.x + a.w, b.x + b.w) <= Math.max(a.x, b.x);
      if (beside || b.y < a.y) columnAfter[prev] = 1;
    }
    prev = i;
  });
  return { size, columnAfter };
}

/** Whether every line from `from` to `to` is set large (a line without a size is not). */
export function allLarge(print: Print, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (!(print.size[i]! >= LARGE)) return false;
  return true;
}

/** A run of lines' size: the largest of its lines (NaN when none has one). */
export function sizeOf(print: Print, from: number, to: number): number {
  let s = NaN;
  for (let i = from; i <= to; i++) if (!(s >= print.size[i]!)) s = Number.isNaN(print.size[i]!) ? s : print.size[i]!;
  return s;
}

/**
 * A headline is set at least this much larger than the kicker or subheadline beside it; lines of
 * one headline differ less (a long one is set a little smaller to fit its measure).
 */
export const SIZE_STEP = 1.25;

/** Whether line i opens a new run of type: display type after text type or back, or a step in display sizes. */
export function sizeChanges(print: Print, i: number, before: number): boolean {
  const a = print.size[before]!;
  const b = print.size[i]!;
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (a >= LARGE !== b >= LARGE) return true;
  return a >= LARGE && Math.max(a, b) / Math.min(a, b) >= SIZE_STEP;
}
