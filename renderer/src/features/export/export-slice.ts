import type { ExportArchive, ExportedToFolder } from '../../../../app/contract.js';
import type { ExportFormat } from '../../../../app/export/index.js';
import { locatePage } from '../../store/selectors.js';
import type { SliceCreator } from '../../store/types.js';
import type { Backend } from '../../transport/index.js';

export interface ExportRun {
  issueId: number;
  format: ExportFormat;
  phase: 'running' | 'done' | 'error';
  progress: { done: number; total: number } | null;
  archive: ExportArchive | null;
  /** The desktop app writes into a folder the user picks in a native dialog instead of downloading. */
  saved: ExportedToFolder | null;
}

export interface ExportSlice {
  exportFormat: ExportFormat;
  exportRun: ExportRun | null;
  setExportFormat(format: ExportFormat): void;
  /**
   * Exports the open page's issue in the chosen format: in the desktop app into a folder the user
   * picks; in the browser as files the dialog then hands over as downloads.
   */
  runExport(): Promise<void>;
  clearExport(): void;
}

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
