import type { AnnotatedLine, BreakKind, FurnitureRole, LineRole, PageAnnotation } from '../../../app/model/page.js';
import { isUncertain } from '../../../app/engine/uncertainty.js';
import { articleColour } from '../ui/article-colours.js';

/** What the source pane shows for one line beside its text. */
export interface LineMark {
  /** Source line number; a line an editor split shows as several editor lines with the same n. */
  n: number;
  part: number | undefined;
  /** The article's colour; null for furniture and blank lines. */
  colour: string | null;
  article: string | null;
  role: LineRole | FurnitureRole | null;
  /** The line-end marker; null where a break means nothing (blank lines, furniture). */
  brk: BreakKind | null;
  why: AnnotatedLine['why'];
  /** The line as imported, when an editor changed its text. */
  original: string | null;
  /** The engine was unsure of the line's role or break, and no editor has decided either yet. */
  uncertain: boolean;
}

/** One mark per annotated line, in order (editor line i + 1 = annotation line i). */
export function lineMarks(annotation: PageAnnotation, rawLines: readonly string[]): LineMark[] {
  const index = new Map(annotation.articles.map((a, i) => [a.id, i]));
  return annotation.lines.map((line): LineMark => {
    const { label } = line;
    const base = { n: line.n, part: line.part, why: line.why, original: line.edited ? (rawLines[line.n - 1] ?? '') : null, uncertain: isLineUncertain(line) };
    if (!label) return { ...base, colour: null, article: null, role: null, brk: null };
    if (label.kind === 'furniture') return { ...base, colour: null, article: null, role: label.role, brk: null };
    const i = index.get(label.article);
    return { ...base, colour: i === undefined ? null : articleColour(i), article: label.article, role: label.role, brk: line.brk };
  });
}

/**
 * Whether a line still needs the editor's eye: the engine's role or break for it is in the uncertain
 * band. A line the editor decided anything on (a role, a break) is decided, whatever else it holds.
 */
export function isLineUncertain(line: AnnotatedLine): boolean {
  const { label, brk } = line.why;
  if (line.label === null || label?.rule === 'editor' || brk?.rule === 'editor') return false;
  return isUncertain(label) || (line.label.kind === 'article' && isUncertain(brk));
}

/** The next (`step` 1) or previous (-1) uncertain line from annotation line `from`, wrapping around; null when none is. */
export function nextUncertainLine(lines: readonly AnnotatedLine[], from: number, step: 1 | -1): number | null {
  const count = lines.length;
  for (let k = 1; k <= count; k++) {
    const i = (((from + step * k) % count) + count) % count;
    if (isLineUncertain(lines[i]!)) return i;
  }
  return null;
}
