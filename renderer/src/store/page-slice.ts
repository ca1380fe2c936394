import type { PageDetail } from '../../../app/contract.js';
import type { Backend } from '../transport/index.js';
import type { SliceCreator } from './types.js';

export interface PageSlice {
  pageId: number | null;
  page: PageDetail | null;
  /** A request for the source pane to scroll to a line; `seq` makes a repeated click a new request. */
  reveal: { line: number; seq: number } | null;
  focusedArticle: string | null;
  openPage(pageId: number): Promise<void>;
  focusArticle(articleId: string, firstLine: number): void;
}

export const createPageSlice =
  (backend: Backend): SliceCreator<PageSlice> =>
  (set, get) => ({
    pageId: null,
    page: null,
    reveal: null,
    focusedArticle: null,

    async openPage(pageId) {
      set({ pageId });
      try {
        const page = await backend.call('pages:get', { pageId });
        // A slower answer for a page the editor already left must not replace the newer one.
        if (get().pageId === pageId) set({ page, reveal: null, focusedArticle: null });
      } catch (err) {
        get().reportError(err);
      }
    },

    focusArticle(articleId, firstLine) {
      set({ focusedArticle: articleId, reveal: { line: firstLine, seq: (get().reveal?.seq ?? 0) + 1 } });
    },
  });
