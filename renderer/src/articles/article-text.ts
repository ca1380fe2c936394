import { localOffset, paragraphStarts, trimSpan } from './text-span.js';

/**
 * An article card's body paragraphs as the card hands them over (`CardHandle`), read as the article
 * text entity offsets count in: the paragraphs' rendered text joined by "\n". Nothing here looks
 * elements up by selector; the card says which elements are its paragraphs.
 */
export interface CardHandle {
  articleId: string;
  contains(node: Node): boolean;
  /** The card's body paragraph elements, in order. */
  paragraphs(): HTMLElement[];
}

const textsOf = (paragraphs: readonly HTMLElement[]) => paragraphs.map((p) => p.textContent ?? '');

export function cardText(card: CardHandle): string {
  return textsOf(card.paragraphs()).join('\n');
}

/** UTF-16 units of `paragraph`'s text before the point (node, offset). */
function unitsBefore(paragraph: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** A range inside one card's body paragraphs, as offsets into its article text; null otherwise. */
export function spanOfRange(card: CardHandle, range: Range): { start: number; end: number; text: string } | null {
  const paragraphs = card.paragraphs();
  const i = paragraphs.findIndex((p) => p.contains(range.startContainer));
  const j = paragraphs.findIndex((p) => p.contains(range.endContainer));
  if (i < 0 || j < 0) return null;
  const texts = textsOf(paragraphs);
  const starts = paragraphStarts(texts);
  const start = starts[i]! + unitsBefore(paragraphs[i]!, range.startContainer, range.startOffset);
  const end = starts[j]! + unitsBefore(paragraphs[j]!, range.endContainer, range.endOffset);
  return trimSpan(texts.join('\n'), start, end);
}

/** The DOM point of an article-text offset inside the card. */
function pointAt(paragraphs: readonly HTMLElement[], at: number): { node: Node; offset: number } | null {
  const place = localOffset(textsOf(paragraphs), at);
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

/** A DOM range over article-text offsets start..end of the card. */
export function rangeIn(card: CardHandle, start: number, end: number): Range | null {
  const paragraphs = card.paragraphs();
  const from = pointAt(paragraphs, start);
  const to = pointAt(paragraphs, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
