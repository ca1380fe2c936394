import type { LineBox, PageGeometry } from '../../../app/model/geometry.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import { articleColour } from '../ui/article-colours.js';

/** A source line's box with the colour of its article (null for furniture and blank lines). */
export interface ShownLine {
  /** 1-based source line number. */
  n: number;
  box: LineBox;
  colour: string | null;
}

/** Every source line that has a box, tinted as the source pane tints it. */
export function shownLines(geometry: PageGeometry, annotation: PageAnnotation): ShownLine[] {
  const index = new Map(annotation.articles.map((a, i) => [a.id, i]));
  const colours = new Map<number, string | null>();
  for (const line of annotation.lines) {
    if (colours.has(line.n)) continue;
    const article = line.label?.kind === 'article' ? index.get(line.label.article) : undefined;
    colours.set(line.n, article === undefined ? null : articleColour(article));
  }
  const out: ShownLine[] = [];
  geometry.lines.forEach((box, i) => {
    if (box) out.push({ n: i + 1, box, colour: colours.get(i + 1) ?? null });
  });
  return out;
}

/**
 * The source line at a point of the page (in the geometry's units): the box holding it, else the
 * nearest box within `reach`; null on empty paper.
 */
export function lineAt(geometry: PageGeometry, x: number, y: number, reach: number): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  geometry.lines.forEach((b, i) => {
    if (!b) return;
    const d = Math.hypot(Math.max(b.x - x, 0, x - (b.x + b.w)), Math.max(b.y - y, 0, y - (b.y + b.h)));
    if (d <= reach && d < bestDistance) [best, bestDistance] = [i + 1, d];
  });
  return best;
}
