import type { OpOf } from '../../../app/edits/ops.js';
import type { AnnotatedLine, FurnitureRole, LineRole, PageAnnotation } from '../../../app/model/page.js';
import type { LineSelection } from '../store/state.js';

// Edit operations for what the source pane has selected. Lines are annotation indices (0-based),
// turned here into the source line numbers (and parts) the backend names lines by.

const ref = (line: AnnotatedLine) => (line.part === undefined ? { n: line.n } : { n: line.n, part: line.part });

function lineAt(page: PageAnnotation, index: number): AnnotatedLine | null {
  return page.lines[index] ?? null;
}

function range(page: PageAnnotation, sel: LineSelection) {
  const first = lineAt(page, sel.from);
  const last = lineAt(page, sel.to);
  if (!first || !last) return null;
  const out: { from: number; to: number; fromPart?: number; toPart?: number } = { from: first.n, to: last.n };
  if (first.part !== undefined) out.fromPart = first.part;
  if (last.part !== undefined) out.toPart = last.part;
  return out;
}

/** The article a command on this line acts on: the line's own, else the nearest one above, then below. */
function articleNear(page: PageAnnotation, index: number): string | null {
  for (let i = index; i >= 0; i--) {
    const label = page.lines[i]?.label;
    if (label?.kind === 'article') return label.article;
  }
  for (let i = index + 1; i < page.lines.length; i++) {
    const label = page.lines[i]?.label;
    if (label?.kind === 'article') return label.article;
  }
  return null;
}

/** J: the selected lines become one paragraph; a single line joins the next. */
export function joinOp(page: PageAnnotation, sel: LineSelection): OpOf<'joinLines' | 'setBreak'> | null {
  if (sel.from !== sel.to) {
    const r = range(page, sel);
    return r && { op: 'joinLines', ...r };
  }
  const line = lineAt(page, sel.line);
  return line && { op: 'setBreak', ...ref(line), kind: 'join' };
}

export function paragraphOp(page: PageAnnotation, sel: LineSelection): OpOf<'setBreak'> | null {
  const line = lineAt(page, sel.line);
  return line && { op: 'setBreak', ...ref(line), kind: 'paragraph' };
}

export function toggleBreakOp(page: PageAnnotation, index: number): OpOf<'toggleBreak'> | null {
  const line = lineAt(page, index);
  return line && { op: 'toggleBreak', ...ref(line) };
}

/** Two columns merged on one line: the cursor's offset is where the second one begins. */
export function splitOp(page: PageAnnotation, sel: LineSelection): OpOf<'splitLine'> | null {
  const line = lineAt(page, sel.line);
  return line && { op: 'splitLine', ...ref(line), at: sel.column };
}

export function editLineOp(page: PageAnnotation, index: number, text: string): OpOf<'editLine'> | null {
  const line = lineAt(page, index);
  return line && { op: 'editLine', ...ref(line), text };
}

export function startArticleOp(page: PageAnnotation, sel: LineSelection): OpOf<'startArticle'> | null {
  const line = lineAt(page, sel.line);
  return line && { op: 'startArticle', ...ref(line) };
}

export function mergeOp(page: PageAnnotation, sel: LineSelection, direction: 'previous' | 'next'): OpOf<'mergeArticle'> | null {
  const article = articleNear(page, sel.line);
  return article === null ? null : { op: 'mergeArticle', article, with: direction };
}

export function moveLinesOp(page: PageAnnotation, sel: LineSelection, article: string | null): OpOf<'moveLines'> | null {
  const r = range(page, sel);
  return r && { op: 'moveLines', ...r, article };
}

export function setRoleOp(page: PageAnnotation, sel: LineSelection, role: LineRole): OpOf<'setRole'> | null {
  const r = range(page, sel);
  return r && { op: 'setRole', ...r, role };
}

export function furnitureOp(page: PageAnnotation, sel: LineSelection, role: FurnitureRole): OpOf<'markFurniture'> | null {
  const r = range(page, sel);
  return r && { op: 'markFurniture', ...r, role };
}

/** Alt+↑ / Alt+↓: the cursor's article one place earlier or later in reading order. */
export function reorderOp(page: PageAnnotation, sel: LineSelection, direction: -1 | 1): OpOf<'reorderArticles'> | null {
  const article = articleNear(page, sel.line);
  const order = page.articles.map((a) => a.id);
  const at = article === null ? -1 : order.indexOf(article);
  const other = at + direction;
  if (at < 0 || other < 0 || other >= order.length) return null;
  [order[at], order[other]] = [order[other]!, order[at]!];
  return { op: 'reorderArticles', order };
}
