import { locatePage } from './selectors.js';
import type { ExportRun, ExportSlice, SliceCreator } from './state.js';
import type { Backend } from '../transport/index.js';

export const createExportSlice =
  (backend: Backend): SliceCreator<ExportSlice> =>
  (set, get) => ({
    exportFormat: 'json',
    exportRun: null,

    setExportFormat(format) {
      set({ exportFormat: format, exportRun: null });
    },

    async runExport() {
      const issueId = locatePage(get().tree, get().pageId)?.issue.id;
      if (issueId === undefined || get().exportRun?.phase === 'running') return;
      const format = get().exportFormat;
      const run: ExportRun = { issueId, format, phase: 'running', progress: null, archive: null, saved: null };
      set({ exportRun: run });
      const mine = () => get().exportRun?.issueId === issueId && get().exportRun?.format === format;
      const off = backend.on('export:progress', (p) => {
        if (p.issueId === issueId && mine() && get().exportRun?.phase === 'running') set({ exportRun: { ...get().exportRun!, progress: { done: p.done, total: p.total } } });
      });
      try {
        if (get().info?.mode === 'electron') {
          const saved = await backend.call('export:toFolder', { issueId, format });
          if (mine()) set({ exportRun: saved.folder === null ? null : { ...get().exportRun!, phase: 'done', saved, progress: { done: 1, total: 1 } } });
        } else {
          const archive = await backend.call('export:issueArchive', { issueId, format });
          if (mine()) set({ exportRun: { ...get().exportRun!, phase: 'done', archive, progress: { done: 1, total: 1 } } });
        }
      } catch (err) {
        if (mine()) set({ exportRun: { ...get().exportRun!, phase: 'error' } });
        get().reportError(err);
      } finally {
        off();
      }
    },

    clearExport() {
      set({ exportRun: null });
    },
  });
