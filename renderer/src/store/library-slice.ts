import { UNTITLED_PUBLICATION } from '../../../app/metadata/qa.js';
import type { ImportReport } from '../../../app/contract.js';
import { NO_GUESS } from '../../../app/model/import-guess.js';
import type { Backend } from '../transport/index.js';
import { firstPageId, locatePage } from './selectors.js';
import type { AppState, LibrarySlice, SliceCreator } from './state.js';

export const createLibrarySlice =
  (backend: Backend): SliceCreator<LibrarySlice> =>
  (set, get) => {
  return {
    tree: null,
    info: null,
    importProgress: null,
    importErrors: [],
    importWarnings: [],
    lastImport: null,
    trash: [],
    lastDeleted: null,
    restoreNotes: [],
    pendingImport: null,

    async loadLibrary() {
      try {
        const [tree, info] = await Promise.all([backend.call('library:tree', {}), get().info ?? backend.call('app:info', {})]);
        set({ tree, info });
        // The first start imports a sample issue, so there is always a real page to open.
        const first = firstPageId(tree);
        if (get().pageId === null && first !== null) await get().openPage(first);
      } catch (err) {
        get().reportError(err);
      }
    },

    async prepareImport(files) {
      if (files.length === 0) return;
      // A guess that fails leaves the fields empty: the editor can still say what the pages are.
      const guess = await backend.call('import:guess', { files }).catch(() => NO_GUESS);
      set({ pendingImport: { files, names: files.map((f) => f.name), guess } });
      get().openOverlay({ kind: 'import' });
    },

    importPicked({ ticket, names, guess }) {
      if (get().importProgress) return;
      set({ pendingImport: { ticket, names, guess } });
      get().openOverlay({ kind: 'import' });
    },

    async confirmImport(options) {
      const pending = get().pendingImport;
      if (!pending) return;
      if ('files' in pending) return get().importFiles(pending.files, options);
      const { ticket, names } = pending;
      return runImport(() => backend.call('import:picked', { ticket, options }), names);
    },

    cancelImport() {
      set({ pendingImport: null });
    },

    async importFiles(files, options = {}) {
      if (files.length === 0) return;
      return runImport(() => backend.call('import:files', { files, options }), files.map((f) => f.name));
    },

    dismissImportErrors() {
      set({ importErrors: [], importWarnings: [] });
    },

    async updateIssue(issueId, patch) {
      try {
        await backend.call('library:issue:update', { issueId, ...patch });
      } catch (err) {
        get().reportError(err);
      }
      // The tree, and the dates articles take from the issue, as the library now holds them.
      await get().loadLibrary();
      if (get().pageId !== null) await get().reloadPage();
    },

    async movePage(pageId, issueId, position) {
      try {
        await backend.call('library:page:move', { pageId, issueId, position });
      } catch (err) {
        get().reportError(err);
      }
      await get().loadLibrary();
      if (get().pageId !== null) await get().loadIssueArticles();
    },

    async deleteIssue(issueId) {
      const issue = get().tree?.publications.flatMap((p) => p.issues.map((i) => ({ i, name: p.name }))).find(({ i }) => i.id === issueId);
      await deleted(() => backend.call('library:issue:delete', { issueId }), issue ? `${issue.name} ${issue.i.date ?? issue.i.label}` : `#${issueId}`);
    },

    async deletePage(pageId) {
      const where = locatePage(get().tree, pageId);
      await deleted(() => backend.call('library:page:delete', { pageId }), where ? `p${where.page.number} ${where.page.file}` : `#${pageId}`);
    },

    async loadTrash() {
      try {
        set({ trash: await backend.call('library:trash', {}) });
      } catch (err) {
        get().reportError(err);
      }
    },

    async restore(trashId) {
      try {
        const { pageId, notes } = await backend.call('library:restore', { trashId });
        set({ restoreNotes: notes });
        if (get().lastDeleted?.trashId === trashId) set({ lastDeleted: null });
        await get().loadLibrary();
        await get().loadTrash();
        if (pageId !== null) await get().openPage(pageId);
      } catch (err) {
        get().reportError(err);
      }
    },

    dismissDeleted() {
      set({ lastDeleted: null });
    },

    dismissRestoreNotes() {
      set({ restoreNotes: [] });
    },

    async purge(trashId) {
      try {
        const gone = await backend.call('library:purge', trashId === null ? { all: true } : { trashId });
        const last = get().lastDeleted;
        if (last && gone.some((t) => t.id === last.trashId)) set({ lastDeleted: null });
      } catch (err) {
        get().reportError(err);
      }
      await get().loadTrash();
    },
  };

  /** One import, uploaded or picked: its progress, the files it refused, then the new page opened. */
  async function runImport(send: () => Promise<ImportReport>, names: string[]): Promise<void> {
    set({ pendingImport: null, importProgress: { done: 0, total: names.length, file: names[0] ?? '' }, importErrors: [], importWarnings: [], lastImport: null });
    try {
      const report = await send();
      set({
        importErrors: report.files.flatMap((f) => (f.error === null ? [] : [{ file: f.file, error: f.error }])),
        importWarnings: report.files.flatMap((f) => (f.warning ? [{ file: f.file, warning: f.warning }] : [])),
        lastImport: { imported: report.imported, failed: report.failed, askIssue: null },
      });
      const tree = await backend.call('library:tree', {});
      set({ tree });
      const opened = report.files.find((f) => f.pageId !== null)?.pageId;
      if (opened != null) await get().openPage(opened);
      // Neither the names nor the page header said which paper and day this is: the status bar asks.
      const issue = tree.publications.flatMap((p) => p.issues.map((i) => ({ i, name: p.name }))).find(({ i }) => i.id === report.issueId);
      if (issue && (issue.i.date === null || issue.name === UNTITLED_PUBLICATION)) set({ lastImport: { ...get().lastImport!, askIssue: issue.i.id } });
    } catch (err) {
      get().reportError(err);
    } finally {
      set({ importProgress: null });
    }
  }

  /** A delete: the Undo bar offers it back; the open page, when it went, gives way to the first one left. */
  async function deleted(call: () => Promise<{ trashId: number }>, label: string): Promise<void> {
    try {
      const { trashId } = await call();
      set({ lastDeleted: { trashId, label } });
    } catch (err) {
      get().reportError(err);
      return;
    }
    await get().loadLibrary();
    await get().loadTrash();
    const { tree, pageId } = get();
    if (pageId !== null && !locatePage(tree, pageId)) {
      const first = firstPageId(tree);
      if (first !== null) await get().openPage(first);
      else set({ pageId: null, page: null });
    }
  }
  };

/** Keeps the store in step with what the backend announces. */
export function followBackendEvents(backend: Backend, store: { getState(): AppState; setState(partial: Partial<AppState>): void }): () => void {
  const offProgress = backend.on('import:progress', (progress) => {
    if (store.getState().importProgress) store.setState({ importProgress: progress });
  });
  // Another window's change may be one this window's page does not show by its revision (a link
  // made on the other part's page): the issue's article list and QA are read again with the tree.
  const offChanged = backend.on('library:changed', ({ reason }) => {
    const state = store.getState();
    if (state.importProgress) return;
    // a delete, restore or purge elsewhere changes what Recently deleted lists
    if (reason === 'delete') void state.loadTrash();
    void state.loadLibrary().then(() => {
      if (store.getState().pageId === null) return;
      void store.getState().loadIssueArticles();
      void store.getState().loadIssueQa();
    });
  });
  const offPage = backend.on('page:changed', ({ pageId, revision }) => {
    void store.getState().pageChanged(pageId, revision);
  });
  const offPicked = backend.on('import:picked', (picked) => store.getState().importPicked(picked));
  return () => {
    offPicked();
    offProgress();
    offChanged();
    offPage();
  };
}
