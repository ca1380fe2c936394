import { adjacentQaItem } from '../issue/qa-items.js';
import { locatePage } from './selectors.js';
import type { IssueSlice, SliceCreator } from './state.js';
import type { Backend } from '../transport/index.js';

export const createIssueSlice =
  (backend: Backend): SliceCreator<IssueSlice> =>
  (set, get) => ({
    issueQa: null,

    async loadIssueQa() {
      const issueId = locatePage(get().tree, get().pageId)?.issue.id;
      if (issueId === undefined) return;
      try {
        const qa = await backend.call('issues:qa', { issueId });
        if (locatePage(get().tree, get().pageId)?.issue.id === issueId) set({ issueQa: { issueId, qa } });
      } catch (err) {
        get().reportError(err);
      }
    },

    async goToLine(pageId, line, articleId) {
      if (get().pageId !== pageId || !get().page) await get().openPage(pageId);
      if (get().pageId !== pageId) return;
      if (articleId !== null) get().focusArticle(articleId, line ?? 1);
      else if (line !== null) set({ reveal: { line, seq: (get().reveal?.seq ?? 0) + 1 } });
    },

    async stepQa(direction) {
      // Fresh each time: the last fix may have closed the item the cursor is on.
      await get().loadIssueQa();
      const s = get();
      const where = locatePage(s.tree, s.pageId);
      if (!where || !s.issueQa || s.issueQa.issueId !== where.issue.id) return;
      const line = (s.selection && s.page?.annotation.lines[s.selection.line]?.n) ?? 0;
      const item = adjacentQaItem(s.issueQa.qa.items, { pageNumber: where.page.number, line }, direction);
      if (item) await get().goToLine(item.pageId, item.line, item.article);
    },
  });
