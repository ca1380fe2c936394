import { useEffect, useState } from 'react';
import { useStoreApi } from '../../store/index.js';
import { selectionInArticle } from './dom-selection.js';

const ARTICLE_PANE = '[data-testid="article-list"]';

/**
 * Follows the document's selection: text selected in an article's body becomes the store's
 * `articleSelection` (what P / L / O tag), and its box is returned to place the tagging popover.
 */
export function useArticleSelection(): DOMRect | null {
  const store = useStoreApi();
  const [box, setBox] = useState<DOMRect | null>(null);
  useEffect(() => {
    const update = () => {
      const root = document.querySelector(ARTICLE_PANE);
      const selection = document.getSelection();
      const found = root ? selectionInArticle(selection, root) : null;
      const pageId = store.getState().pageId;
      if (!found || pageId === null) {
        store.getState().setArticleSelection(null);
        setBox(null);
        return;
      }
      store.getState().setArticleSelection({ pageId, ...found });
      setBox(selection!.getRangeAt(0).getBoundingClientRect());
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [store]);
  return box;
}
