import { locatePage } from './selectors.js';
import type { Backend } from '../transport/index.js';
import type { PageSlice, SliceCreator } from './state.js';
import { base64ToBytes } from '../transport/base64.js';

export const createPageSlice =
  (backend: Backend): SliceCreator<PageSlice> =>
  (set, get) => {
    const pdfs = new Map<number, Promise<Uint8Array>>();
    // The last few scans opened: going back and forth between pages does not fetch them again.
    const scans = new Map<number, Promise<string>>();
    return {
      pageId: null,
      page: null,
      reveal: null,
      focusedArticle: null,
      issueArticles: null,

    async openPage(pageId) {
      // Leaving a page the editor corrected is when the publication learns from it: the corrections
      // are as complete as they will be for now, and it costs one call a visit, not one per edit.
      const left = get().page;
      if (left && left.page.id !== pageId && left.history.canUndo) void get().learnFromLeftPage(left.page.id);
      set({ pageId, historyStep: null });
      try {
        const page = await backend.call('pages:get', { pageId });
        // A slower answer for a page the editor already left must not replace the newer one.
        if (get().pageId === pageId) set({ page, reveal: null, focusedArticle: null });
      } catch (err) {
        get().reportError(err);
      }
    },

      async reloadPage() {
        const pageId = get().pageId;
        if (pageId === null) return;
        try {
          const page = await backend.call('pages:get', { pageId });
          if (get().pageId === pageId) set({ page });
        } catch (err) {
          get().reportError(err);
        }
      },

      focusArticle(articleId, firstLine) {
        set({ focusedArticle: articleId, reveal: { line: firstLine, seq: (get().reveal?.seq ?? 0) + 1 } });
      },

      async loadIssueArticles() {
        const issueId = locatePage(get().tree, get().pageId)?.issue.id;
        if (issueId === undefined) return;
        try {
          const articles = await backend.call('issues:articles', { issueId });
          set({ issueArticles: { issueId, articles } });
        } catch (err) {
          get().reportError(err);
        }
      },

      async goToArticle(pageId, articleId, firstLine) {
        if (get().pageId !== pageId) await get().openPage(pageId);
        get().focusArticle(articleId, firstLine);
      },

      pageSource: null,
      async loadPageSource(pageId) {
        if (get().pageSource?.pageId !== pageId) set({ pageSource: null });
        try {
          const view = await backend.call('import:pageSource', { pageId });
          if (get().pageId === pageId) set({ pageSource: view ? { pageId, view } : null });
        } catch (err) {
          get().reportError(err);
        }
      },
      revealLine(n) {
        set({ reveal: { line: n, seq: (get().reveal?.seq ?? 0) + 1 } });
      },
      sourcePdf(sourceId) {
        let bytes = pdfs.get(sourceId);
        if (!bytes) {
          bytes = backend.call('import:sourcePdf', { sourceId }).then((r) => base64ToBytes(r.base64));
          // A failed fetch is not kept, so opening the page again retries it.
          bytes.catch(() => pdfs.delete(sourceId));
          pdfs.set(sourceId, bytes);
        }
        return bytes;
      },
      pageImage(pageId) {
        let url = scans.get(pageId);
        if (!url) {
          url = backend.call('import:pageImage', { pageId }).then((r) => `data:${r.mime};base64,${r.base64}`);
          url.catch(() => scans.delete(pageId));
          scans.set(pageId, url);
          for (const old of [...scans.keys()].slice(0, -KEPT_SCANS)) scans.delete(old);
        }
        return url;
      },
    };
  };

const KEPT_SCANS = 4;
