import type { FurnitureRole, LineRole, PageAnnotation } from '../../../app/model/page.js';
import { articleColour } from './article-colours.js';

/** What the source pane's gutters show for one line. */
export interface LineMark {
  /** The article's colour; null for furniture and blank lines. */
  colour: string | null;
  article: string | null;
  role: LineRole | FurnitureRole | null;
}

/** One mark per source line, in line order. */
export function lineMarks(annotation: PageAnnotation): LineMark[] {
  const index = new Map(annotation.articles.map((a, i) => [a.id, i]));
  return annotation.lines.map((line): LineMark => {
    const label = line.label;
    if (!label) return { colour: null, article: null, role: null };
    if (label.kind === 'furniture') return { colour: null, article: null, role: label.role };
    const i = index.get(label.article);
    return { colour: i === undefined ? null : articleColour(i), article: label.article, role: label.role };
  });
}
