import { useEffect } from 'react';
import { ENTITY_TYPES } from '../../../app/metadata/model.js';
import { useAppStore } from '../store/index.js';
import { type CardHandle, cardText, rangeIn } from './article-text.js';

/**
 * Paints the metadata panel's article's tags over its card with the CSS Custom Highlight API, so a
 * re-render of a card cannot wipe the marks out. Runs in the article pane, after its cards committed.
 */
export function useEntityHighlights(cards: ReadonlyMap<string, CardHandle>): void {
  const meta = useAppStore((s) => s.meta);
  const annotation = useAppStore((s) => s.page?.annotation);
  const pageId = useAppStore((s) => s.pageId);
  useEffect(() => {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    for (const type of ENTITY_TYPES) CSS.highlights.delete(`galley-${type}`);
    if (!meta || meta.pageId !== pageId) return;
    const card = cards.get(meta.articleId);
    // A card showing other text than the tags were read against (an edit on its way) gets no marks.
    if (!card || cardText(card) !== meta.text) return;
    for (const type of ENTITY_TYPES) {
      const ranges = meta.metadata.entities.filter((e) => e.type === type && !e.flag).flatMap((e) => rangeIn(card, e.start, e.end) ?? []);
      if (ranges.length) CSS.highlights.set(`galley-${type}`, new Highlight(...ranges));
    }
  }, [cards, meta, annotation, pageId]);
}
