import type { EditOutcome } from '../../../app/contract.js';
import { applyEdit } from '../../../app/edits/apply.js';
import type { EditOp } from '../../../app/edits/ops.js';
import { applyPatch, sameJson } from '../../../app/edits/patch.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import type { Backend } from '../transport/index.js';
import { awaitRender, editStarted } from './edit-timing.js';
import { serialWrites } from './serial-writes.js';
import type { EditSlice, SliceCreator } from './state.js';

export const createEditSlice =
  (backend: Backend, editor: string): SliceCreator<EditSlice> =>
  (set, get) => {
    // Edits apply in the order they were typed: each patch is relative to the page the previous one left.
    const writes = serialWrites((ok) => set({ saveState: ok ? 'saved' : 'error' }));

    /**
     * The operations are pure functions of the page, so with nothing else in flight the cached page
     * is the saved one and the edit's result is known before the server answers: both panes show it
     * at once, and the server's patch confirms it (or replaces it, should the two ever differ).
     */
    const predict = (op: EditOp | undefined, pageId: number): { base: PageAnnotation; next: PageAnnotation } | null => {
      const detail = get().page;
      if (!op || writes.pending() > 0 || detail?.page.id !== pageId) return null;
      try {
        return { base: detail.annotation, next: applyEdit(detail.annotation, op).page };
      } catch {
        // The server refuses it too, with the message the editor should read.
        return null;
      }
    };

    /** What the edit is made on: the revision this window shows once every earlier write is answered, and who makes it. */
    const basis = () => ({ editor, ...(get().page && { basis: get().page!.history.revision }) });

    const enqueue = (send: (pageId: number) => Promise<EditOutcome>, op?: EditOp): Promise<void> => {
      const pageId = get().pageId;
      if (pageId === null) return Promise.resolve();
      const mark = editStarted();
      const predicted = predict(op, pageId);
      if (predicted) {
        awaitRender(mark);
        set({ saveState: 'saving', page: { ...get().page!, annotation: predicted.next } });
      } else set({ saveState: 'saving' });
      return writes.push(
        async () => {
          const outcome = await send(pageId);
          set({ historyStep: outcome.step ?? null });
          // The article list shows which parts are linked: it reads them again after a link, its undo or redo.
          if (outcome.linksChanged) void get().loadIssueArticles();
          const detail = get().page;
          if (detail?.page.id !== outcome.pageId) return;
          if (!predicted) {
            awaitRender(mark);
            set({ page: { ...detail, annotation: applyPatch(detail.annotation, outcome.patch), history: outcome.history } });
            return;
          }
          const saved = applyPatch(predicted.base, outcome.patch);
          const shown = detail.annotation === predicted.next && sameJson(saved, predicted.next);
          set({ page: { ...detail, annotation: shown ? detail.annotation : saved, history: outcome.history } });
        },
        async (err) => {
          get().reportError(err);
          // Whatever the failure, the view must show what the library holds.
          if (get().pageId === pageId) await get().reloadPage();
        },
      );
    };

    return {
      saveState: 'idle',
      historyStep: null,
      edit: (op) => enqueue((pageId) => backend.call('edits:apply', { pageId, op, ...basis() }), op),
      undo: () => enqueue((pageId) => backend.call('edits:undo', { pageId, ...basis() })),
      redo: () => enqueue((pageId) => backend.call('edits:redo', { pageId, ...basis() })),
      rerun: () => enqueue((pageId) => backend.call('edits:rerun', { pageId, ...basis() })),
      toggleContinuation: (articleId) => enqueue((pageId) => backend.call('edits:continuation', { pageId, articleId, ...basis() })),
      pageChanged(pageId, revision) {
        const shown = get().page;
        // The echo of this window's own write, answered already: nothing to catch up with.
        if (get().pageId !== pageId || (shown && writes.pending() === 0 && revision <= shown.history.revision)) return Promise.resolve();
        // Queued behind this window's own writes: their answers may already carry that revision (our
        // own echo), and a reload must not land under a write still in flight.
        return writes.push(
          async () => {
            const shown = get().page;
            if (get().pageId === pageId && shown && revision > shown.history.revision) await get().reloadPage();
          },
          async (err) => get().reportError(err),
        );
      },
      editsSaved: () => writes.idle(),
    };
  };
