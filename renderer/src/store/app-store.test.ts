import { describe, expect, it, vi } from 'vitest';
import type { CallInput, CallOutput, Channel, EventName, Events, ImportReport, LibraryTree, PageDetail, TrashItem } from '../../../app/contract.js';
import { GalleyError } from '../../../app/errors.js';
import { proposePage } from '../../../app/engine/index.js';
import type { Backend } from '../transport/index.js';
import { createAppStore } from './index.js';
import { followBackendEvents } from './library-slice.js';
import type { Preferences } from './state.js';

type Answers = { [C in Channel]?: (input: CallInput<C>) => CallOutput<C> | Promise<CallOutput<C>> };

/** A backend whose answers the test writes, and whose events the test fires. */
function fakeBackend(answers: Answers) {
  const calls: { channel: Channel; input: unknown }[] = [];
  const listeners = new Map<EventName, Set<(p: never) => void>>();
  const backend: Backend = {
    call: (async (channel: Channel, input: unknown) => {
      calls.push({ channel, input });
      const answer = answers[channel] as ((i: unknown) => unknown) | undefined;
      if (!answer) throw new GalleyError('INTERNAL', `no fake answer for ${channel}`);
      return answer(input);
    }) as Backend['call'],
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: never) => void);
      return () => set.delete(listener as (p: never) => void);
    },
  };
  const fire = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const l of listeners.get(event) ?? []) l(payload as never);
  };
  return { backend, calls, fire };
}

const prefs: Preferences = { language: 'en', theme: 'light', editor: 'me', save: () => {} };

const summary = (id: number, issueId: number, number: number) => ({ id, issueId, number, file: `p${id}.txt`, section: null, lineCount: 2, articleCount: 1 });
const treeWith = (...issues: number[][]): LibraryTree => ({
  publications: [{ id: 1, name: '凯里日报', issues: issues.map((ids, i) => ({ id: i + 1, publicationId: 1, date: null, label: `issue ${i + 1}`, incomplete: false, pages: ids.map((id, n) => summary(id, i + 1, n + 1)) })) }],
});
const detail = (pageId: number): PageDetail => ({
  page: { ...summary(pageId, 1, 1), sha256: 'ab', encoding: 'UTF-8', importedAt: '2021-01-06T00:00:00Z' },
  annotation: proposePage([`page ${pageId}`, '']),
  rawText: `page ${pageId}\n`,
  history: { canUndo: false, canRedo: false, undoOp: null, redoOp: null, revision: 0 },
});
const info = { version: '0.1.0', libraryPath: 'library.db', schemaVersion: 1, mode: 'browser' as const };

describe('the app store', () => {
  it('opens the first page of the library when nothing is open yet', async () => {
    const { backend } = fakeBackend({ 'app:info': () => info, 'library:tree': () => treeWith([5, 6]), 'pages:get': ({ pageId }) => detail(pageId) });
    const store = createAppStore(backend, prefs);
    await store.getState().loadLibrary();
    expect(store.getState().pageId).toBe(5);
    expect(store.getState().page?.annotation.lines[0]?.text).toBe('page 5');
    expect(store.getState().info?.mode).toBe('browser');
  });

  it('keeps the open page when the library reloads', async () => {
    const { backend } = fakeBackend({ 'app:info': () => info, 'library:tree': () => treeWith([5, 6]), 'pages:get': ({ pageId }) => detail(pageId) });
    const store = createAppStore(backend, prefs);
    await store.getState().openPage(6);
    await store.getState().loadLibrary();
    expect(store.getState().page?.page.id).toBe(6);
  });

  it('asks before importing: the guess opens the import dialog, nothing is imported until the editor confirms', async () => {
    const { backend, calls } = fakeBackend({
      'import:guess': () => ({ publication: '凯里日报', date: '2021-10-28', firstPage: 2 }),
      'import:files': () => ({ issueId: null, imported: 0, failed: 0, skipped: 0, files: [] }),
      'library:tree': () => treeWith([5]),
    });
    const store = createAppStore(backend, prefs);
    const files = [{ name: 'p2.txt', base64: 'sb6xqA==' }];
    await store.getState().prepareImport(files);
    expect(store.getState().pendingImport).toEqual({ files, names: ['p2.txt'], guess: { publication: '凯里日报', date: '2021-10-28', firstPage: 2 } });
    expect(store.getState().overlay).toEqual({ kind: 'import' });
    expect(calls.map((c) => c.channel)).toEqual(['import:guess']);
    store.getState().cancelImport();
    expect(store.getState().pendingImport).toBeNull();

    await store.getState().prepareImport(files);
    await store.getState().importFiles(files, { publication: '凯里日报', firstPage: 3 });
    expect(calls.find((c) => c.channel === 'import:files')?.input).toEqual({ files, options: { publication: '凯里日报', firstPage: 3 } });
    expect(store.getState().pendingImport).toBeNull();
  });

  it('asks the same for files the desktop menu picked, and imports them by their ticket once confirmed', async () => {
    let tree = treeWith([5]);
    const { backend, calls, fire } = fakeBackend({
      'import:picked': () => {
        tree = treeWith([5], [7]);
        return { issueId: 2, imported: 1, failed: 0, skipped: 0, files: [{ file: 'p1.txt', pageId: 7, encoding: 'UTF-8', lines: 2, error: null }] };
      },
      'library:tree': () => tree,
      'pages:get': ({ pageId }) => detail(pageId),
    });
    const store = createAppStore(backend, prefs);
    followBackendEvents(backend, store);
    const guess = { publication: '凯里日报', date: '2021-10-28', firstPage: 1 };
    fire('import:picked', { ticket: 'ticket-of-the-menu-pick', names: ['p1.txt'], guess });
    expect(store.getState().pendingImport).toEqual({ ticket: 'ticket-of-the-menu-pick', names: ['p1.txt'], guess });
    expect(store.getState().overlay).toEqual({ kind: 'import' });
    expect(calls).toEqual([]);
    await store.getState().confirmImport({ publication: '凯里日报', date: '2021-10-29' });
    expect(calls[0]).toEqual({ channel: 'import:picked', input: { ticket: 'ticket-of-the-menu-pick', options: { publication: '凯里日报', date: '2021-10-29' } } });
    expect(store.getState().pendingImport).toBeNull();
    expect(store.getState().pageId).toBe(7);

    // dismissed: nothing is imported
    fire('import:picked', { ticket: 'ticket-of-the-next-pick', names: ['p2.txt'], guess });
    store.getState().cancelImport();
    await store.getState().confirmImport({});
    expect(calls.filter((c) => c.channel === 'import:picked')).toHaveLength(1);
  });

  it('lists the trash again when another window deletes, restores or empties it', async () => {
    let trash: TrashItem[] = [{ id: 4, kind: 'page', label: 'p1 a.txt', pages: 1, deletedAt: '2026-12-03T12:00:00Z' }];
    const { backend, fire } = fakeBackend({ 'library:tree': () => treeWith([5]), 'library:trash': () => trash });
    const store = createAppStore(backend, prefs);
    followBackendEvents(backend, store);
    await store.getState().loadTrash();
    expect(store.getState().trash.map((t) => t.id)).toEqual([4]);
    trash = [];
    fire('library:changed', { reason: 'delete' });
    await vi.waitFor(() => expect(store.getState().trash).toEqual([]));
  });

  it('still asks when the guess fails, with nothing filled in', async () => {
    const { backend } = fakeBackend({});
    const store = createAppStore(backend, prefs);
    await store.getState().prepareImport([{ name: 'x.pdf', base64: 'AA==' }]);
    expect(store.getState().pendingImport?.guess).toEqual({ publication: null, date: null, firstPage: null });
  });

  it('imports, shows progress only while importing, lists refused files, then opens the new page', async () => {
    let tree = treeWith([5]);
    const report: ImportReport = {
      issueId: 2,
      imported: 1,
      skipped: 0,
      failed: 1,
      files: [
        { file: 'scan.pdf', pageId: null, encoding: null, lines: 0, error: 'not a text file' },
        { file: 'p2.txt', pageId: 9, encoding: 'GB18030', lines: 2, error: null, warning: 'read as GB18030, but from line 2 it looks like UTF-8' },
      ],
    };
    const seen: (Events['import:progress'] | null)[] = [];
    const { backend, fire } = fakeBackend({
      'library:tree': () => tree,
      'pages:get': ({ pageId }) => detail(pageId),
      'import:files': () => {
        fire('import:progress', { done: 1, total: 2, file: 'scan.pdf' });
        seen.push(store.getState().importProgress);
        tree = treeWith([5], [9]);
        return report;
      },
    });
    const store = createAppStore(backend, prefs);
    followBackendEvents(backend, store);
    fire('import:progress', { done: 9, total: 9, file: 'stale.txt' });
    expect(store.getState().importProgress).toBeNull();

    await store.getState().importFiles([{ name: 'scan.pdf', base64: 'JVBERi0=' }, { name: 'p2.txt', base64: 'sb6xqA==' }]);
    expect(seen).toEqual([{ done: 1, total: 2, file: 'scan.pdf' }]);
    expect(store.getState().importProgress).toBeNull();
    expect(store.getState().importErrors).toEqual([{ file: 'scan.pdf', error: 'not a text file' }]);
    expect(store.getState().importWarnings).toEqual([{ file: 'p2.txt', warning: 'read as GB18030, but from line 2 it looks like UTF-8' }]);
    expect(store.getState().lastImport).toEqual({ imported: 1, failed: 1, askIssue: 2 });
    expect(store.getState().tree).toEqual(treeWith([5], [9]));
    expect(store.getState().pageId).toBe(9);
    store.getState().dismissImportErrors();
    expect(store.getState().importErrors).toEqual([]);
    expect(store.getState().importWarnings).toEqual([]);
  });

  it('shows a failed call as one line in the banner, once, until dismissed', async () => {
    const { backend } = fakeBackend({
      'library:tree': () => {
        throw new GalleyError('UNSUPPORTED', 'this library was made by a newer Galley (schema 9)\n    at migrate (…)');
      },
    });
    const store = createAppStore(backend, prefs);
    await store.getState().loadLibrary();
    await store.getState().loadLibrary();
    expect(store.getState().errors).toEqual(['this library was made by a newer Galley (schema 9)']);
    store.getState().dismissError(0);
    expect(store.getState().errors).toEqual([]);
  });

  it('does not let a slow answer for a page the editor left replace the newer page', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { backend } = fakeBackend({
      'pages:get': async ({ pageId }) => {
        if (pageId === 1) await slow;
        return detail(pageId);
      },
    });
    const store = createAppStore(backend, prefs);
    const first = store.getState().openPage(1);
    await store.getState().openPage(2);
    release();
    await first;
    expect(store.getState().page?.page.id).toBe(2);
  });

  it('makes every click on an article a new scroll request', () => {
    const store = createAppStore(fakeBackend({}).backend, prefs);
    store.getState().focusArticle('a2', 40);
    const first = store.getState().reveal;
    store.getState().focusArticle('a2', 40);
    expect(store.getState().reveal).toEqual({ line: 40, seq: (first?.seq ?? 0) + 1 });
    expect(store.getState().focusedArticle).toBe('a2');
  });

  it('remembers a language switch', () => {
    const saved: unknown[] = [];
    const store = createAppStore(fakeBackend({}).backend, { ...prefs, save: (p) => saved.push(p) });
    store.getState().setLanguage('zh-CN');
    expect(store.getState().language).toBe('zh-CN');
    expect(saved).toEqual([{ language: 'zh-CN', theme: 'light' }]);
  });
});
