import { type RefObject, useEffect, useState } from 'react';
import { useStoreApi } from '../store/index.js';
import { type CardHandle, spanOfRange } from './article-text.js';

/**
 * Follows the document's selection: text selected in the body of one of the pane's article cards
 * becomes the store's `articleSelection` (what P / L / O tag), and its box is returned to place the
 * tagging popover. `cards` are the cards the pane shows, as they registered themselves.
 */
export function useArticleSelection(list: RefObject<HTMLElement | null>, cards: ReadonlyMap<string, CardHandle>): DOMRect | null {
  const store = useStoreApi();
  const [box, setBox] = useState<DOMRect | null>(null);
  useEffect(() => {
    const update = () => {
      const selection = document.getSelection();
      const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
      const inList = range !== null && list.current?.contains(range.startContainer) === true;
      const card = inList ? [...cards.values()].find((c) => c.contains(range.startContainer)) : undefined;
      const span = card && range ? spanOfRange(card, range) : null;
      const pageId = store.getState().pageId;
      if (!card || !span || !range || pageId === null) {
        store.getState().setArticleSelection(null);
        setBox(null);
        return;
      }
      store.getState().setArticleSelection({ pageId, articleId: card.articleId, ...span });
      setBox(range.getBoundingClientRect());
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [store, list, cards]);
  return box;
}
