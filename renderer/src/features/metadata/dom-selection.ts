import { localOffset, paragraphStarts, trimSpan } from './text-span.js';

/**
 * The article pane's DOM, read without touching its components: each article card carries
 * `data-article`, and its body paragraphs are the `.article-paragraph` elements in order, whose text
 * is the rendered paragraph. The article text entity offsets count in is those joined by "\n".
 */
const CARD = '[data-article]';
const PARAGRAPH = '.article-paragraph';

export function articleCard(root: ParentNode, articleId: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`${CARD}[data-article="${CSS.escape(articleId)}"]`);
}

function paragraphsOf(card: Element): HTMLElement[] {
  return [...card.querySelectorAll<HTMLElement>(PARAGRAPH)];
}

export function cardText(card: Element): string {
  return paragraphsOf(card).map((p) => p.textContent ?? '').join('\n');
}

/** UTF-16 units of `paragraph`'s text before the point (node, offset). */
function unitsBefore(paragraph: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

const paragraphAround = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(PARAGRAPH) ?? null;

/** A selection inside one article's body paragraphs, as offsets into its article text; null otherwise. */
export function selectionInArticle(selection: Selection | null, root: Element): { articleId: string; start: number; end: number; text: string } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const first = paragraphAround(range.startContainer);
  const last = paragraphAround(range.endContainer);
  const card = first?.closest<HTMLElement>(CARD);
  if (!first || !last || !card || last.closest(CARD) !== card || !root.contains(card)) return null;
  const articleId = card.dataset.article;
  const paragraphs = paragraphsOf(card);
  const texts = paragraphs.map((p) => p.textContent ?? '');
  const starts = paragraphStarts(texts);
  const i = paragraphs.indexOf(first);
  const j = paragraphs.indexOf(last);
  if (articleId === undefined || i < 0 || j < 0) return null;
  const start = starts[i]! + unitsBefore(first, range.startContainer, range.startOffset);
  const end = starts[j]! + unitsBefore(last, range.endContainer, range.endOffset);
  const span = trimSpan(texts.join('\n'), start, end);
  return span && { articleId, ...span };
}

/** The DOM point of an article-text offset inside `card`. */
function pointAt(card: Element, at: number): { node: Node; offset: number } | null {
  const paragraphs = paragraphsOf(card);
  const place = localOffset(paragraphs.map((p) => p.textContent ?? ''), at);
  const paragraph = place && paragraphs[place.paragraph];
  if (!place || !paragraph) return null;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let left = place.offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.length) return { node, offset: left };
    left -= node.length;
    last = node;
  }
  return last && { node: last, offset: last.length };
}

/** A DOM range over article-text offsets start..end of `card`. */
export function rangeIn(card: Element, start: number, end: number): Range | null {
  const from = pointAt(card, start);
  const to = pointAt(card, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
