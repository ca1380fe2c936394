import type { Entity } from './model.js';
import { articleText, paragraphAt } from './text.js';

/**
 * Keeps tags on their words when the article text changes (a corrected line, a re-joined
 * paragraph). Each entity is looked for where the edit moved its old offset to, then at the nearest
 * place its text occurs; one whose text is gone stays, marked `detached`, for the editor to decide.
 * Never drops an entity and never changes its `text`.
 */
export function reanchorEntities(entities: readonly Entity[], oldText: string, paragraphs: readonly string[]): Entity[] {
  const newText = articleText({ paragraphs });
  const move = offsetMap(oldText, newText);
  return entities.map((e) => {
    const at = nearestOccurrence(newText, e.text, move(e.start));
    const { flag: _flag, paragraph: _paragraph, ...rest } = e;
    if (at < 0) return { ...rest, flag: 'detached' };
    return { ...rest, start: at, end: at + e.text.length, paragraph: paragraphAt(paragraphs, at) };
  });
}

/**
 * Where an offset of `before` lies in `after`, assuming one changed region between a common prefix
 * and a common suffix (what one edit does): offsets before it stay, offsets after it shift.
 */
function offsetMap(before: string, after: string): (offset: number) => number {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const delta = after.length - before.length;
  return (offset) => (offset < prefix ? offset : offset >= before.length - suffix ? offset + delta : prefix);
}

/** The occurrence of `needle` in `text` closest to `near`; -1 when there is none. */
export function nearestOccurrence(text: string, needle: string, near: number): number {
  let best = -1;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
    if (i > near) break;
  }
  return best;
}
