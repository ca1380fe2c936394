import type { SliceCreator, WorkbenchSlice } from './state.js';

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
