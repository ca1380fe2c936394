import { useEffect } from 'react';
import { ENTITY_TYPES } from '../../../../app/metadata/model.js';
import { useAppStore } from '../../store/index.js';
import { articleCard, cardText, rangeIn } from './dom-selection.js';

/**
 * Paints the panel's article's tags over the article pane with the CSS Custom Highlight API: the
 * pane's components stay as they are, and a re-render of a card cannot wipe the marks out.
 */
export function useEntityHighlights(): void {
  const meta = useAppStore((s) => s.meta);
  const annotation = useAppStore((s) => s.page?.annotation);
  const pageId = useAppStore((s) => s.pageId);
  useEffect(() => {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    // After the article pane has committed this render.
    const frame = requestAnimationFrame(() => {
      for (const type of ENTITY_TYPES) CSS.highlights.delete(`galley-${type}`);
      if (!meta || meta.pageId !== pageId) return;
      const card = articleCard(document, meta.articleId);
      // A card showing other text than the tags were read against (an edit on its way) gets no marks.
      if (!card || cardText(card) !== meta.text) return;
      for (const type of ENTITY_TYPES) {
        const ranges = meta.metadata.entities.filter((e) => e.type === type && !e.flag).flatMap((e) => rangeIn(card, e.start, e.end) ?? []);
        if (ranges.length) CSS.highlights.set(`galley-${type}`, new Highlight(...ranges));
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [meta, annotation, pageId]);
}
