import type { EditOutcome } from '../../../app/contract.js';
import { applyPatch } from '../../../app/edits/patch.js';
import type { EditOp } from '../../../app/edits/ops.js';
import type { Backend } from '../transport/index.js';
import { awaitRender, editStarted } from './edit-timing.js';
import type { SliceCreator } from './types.js';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface EditSlice {
  /** Where the editor's corrections stand: each one is saved by the backend as it is applied. */
  saveState: SaveState;
  /** One editor operation on the open page: saved, journalled, undoable. */
  edit(op: EditOp): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Re-runs the engine on the page; what an editor decided stays. */
  rerun(): Promise<void>;
}

export const createEditSlice =
  (backend: Backend): SliceCreator<EditSlice> =>
  (set, get) => {
    // Edits apply one after another, in the order they were typed: each patch is relative to the
    // page the previous one left.
    let queue: Promise<void> = Promise.resolve();
    let inFlight = 0;
    let failed = false;

    const enqueue = (send: (pageId: number) => Promise<EditOutcome>): Promise<void> => {
      const pageId = get().pageId;
      if (pageId === null) return Promise.resolve();
      const mark = editStarted();
      inFlight++;
      set({ saveState: 'saving' });
      queue = queue.then(async () => {
        try {
          const outcome = await send(pageId);
          const detail = get().page;
          if (detail?.page.id === outcome.pageId) {
            awaitRender(mark);
            set({ page: { ...detail, annotation: applyPatch(detail.annotation, outcome.patch), history: outcome.history } });
          }
        } catch (err) {
          failed = true;
          get().reportError(err);
          // Whatever the failure, the view must show what the library holds.
          if (get().pageId === pageId) await get().reloadPage();
        } finally {
          inFlight--;
          if (inFlight === 0) {
            set({ saveState: failed ? 'error' : 'saved' });
            failed = false;
          }
        }
      });
      return queue;
    };

    return {
      saveState: 'idle',
      edit: (op) => enqueue((pageId) => backend.call('edits:apply', { pageId, op })),
      undo: () => enqueue((pageId) => backend.call('edits:undo', { pageId })),
      redo: () => enqueue((pageId) => backend.call('edits:redo', { pageId })),
      rerun: () => enqueue((pageId) => backend.call('edits:rerun', { pageId })),
    };
  };
