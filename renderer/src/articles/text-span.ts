import { PARAGRAPH_SEPARATOR } from '../../../app/metadata/text.js';

/** Where each paragraph starts in the article text (paragraphs joined by the separator). */
export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + PARAGRAPH_SEPARATOR.length;
  }
  return starts;
}

/** The paragraph holding offset `at` and the offset inside it; an offset on a separator belongs to the paragraph before. */
export function localOffset(paragraphs: readonly string[], at: number): { paragraph: number; offset: number } | null {
  const starts = paragraphStarts(paragraphs);
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const start = starts[i]!;
    if (at >= start) return { paragraph: i, offset: Math.min(at - start, paragraphs[i]!.length) };
  }
  return null;
}

/**
 * A selection narrowed to what an editor meant to tag: without the spaces or line break a mouse
 * drag takes along at its ends. Null when nothing but space is left.
 */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number; text: string } | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e, text: text.slice(s, e) } : null;
}
