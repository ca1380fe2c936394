import type { SourceSelection } from '../editor/source-editor.js';
import type { SliceCreator } from './types.js';

/** A dialog or menu over the editor; at most one at a time, and the source pane regains focus after it. */
export type Overlay =
  | { kind: 'palette' }
  | { kind: 'shortcuts' }
  | { kind: 'move-lines' }
  | { kind: 'furniture' }
  | { kind: 'confirm-rerun' }
  | { kind: 'context-menu'; x: number; y: number }
  | { kind: 'issue' }
  | { kind: 'export' };

export interface WorkbenchSlice {
  /** The source pane's selection in annotation line indices; null before a page is shown. */
  selection: SourceSelection | null;
  /** Source lines of the paragraph under the pointer in the article pane; `scroll` on a click. */
  paragraphLines: { lines: readonly number[]; scroll: boolean; seq: number } | null;
  overlay: Overlay | null;
  /** A request to open a line for editing in the source pane. */
  lineEditRequest: { index: number; seq: number } | null;
  setSelection(selection: SourceSelection): void;
  showParagraph(lines: readonly number[] | null, scroll: boolean): void;
  openOverlay(overlay: Overlay): void;
  closeOverlay(): void;
  requestLineEdit(index: number): void;
}

export const createWorkbenchSlice: SliceCreator<WorkbenchSlice> = (set, get) => ({
  selection: null,
  paragraphLines: null,
  overlay: null,
  lineEditRequest: null,

  setSelection(selection) {
    const old = get().selection;
    if (old && old.from === selection.from && old.to === selection.to && old.line === selection.line && old.column === selection.column) return;
    set({ selection });
  },
  showParagraph(lines, scroll) {
    set({ paragraphLines: lines === null ? null : { lines, scroll, seq: (get().paragraphLines?.seq ?? 0) + 1 } });
  },
  openOverlay(overlay) {
    set({ overlay });
  },
  closeOverlay() {
    set({ overlay: null });
  },
  requestLineEdit(index) {
    set({ lineEditRequest: { index, seq: (get().lineEditRequest?.seq ?? 0) + 1 } });
  },
});
