import type { IssueQa } from '../../../../app/metadata/qa.js';
import { locatePage } from '../../store/selectors.js';
import type { SliceCreator } from '../../store/types.js';
import type { Backend } from '../../transport/index.js';

export interface IssueSlice {
  /** Progress and QA of the open page's issue. */
  issueQa: { issueId: number; qa: IssueQa } | null;
  loadIssueQa(): Promise<void>;
  /** Opens a page when needed and puts the source cursor on `line` (and shows `articleId` when given). */
  goToLine(pageId: number, line: number | null, articleId: string | null): Promise<void>;
}

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
  });
