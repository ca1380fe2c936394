import { describe, expect, it } from 'vitest';
import type { CallInput, CallOutput, Channel, LibraryTree, PageDetail, ProfileSummary } from '../../../app/contract.js';
import { GalleyError } from '../../../app/errors.js';
import type { AnnotatedLine } from '../../../app/model/page.js';
import { runCommand } from '../commands/commands.js';
import type { Backend } from '../transport/index.js';
import { createAppStore } from './index.js';

type Answers = { [C in Channel]?: (input: CallInput<C>) => CallOutput<C> };

function fakeBackend(answers: Answers) {
  const calls: { channel: Channel; input: unknown }[] = [];
  const backend: Backend = {
    call: (async (channel: Channel, input: unknown) => {
      calls.push({ channel, input });
      const answer = answers[channel] as ((i: unknown) => unknown) | undefined;
      if (!answer) throw new GalleyError('INTERNAL', `no fake answer for ${channel}`);
      return answer(input);
    }) as Backend['call'],
    on: () => () => {},
  };
  return { backend, calls };
}

const prefs = { language: 'en' as const, theme: 'light' as const, editor: 'me', save: () => {} };
const summary = (id: number) => ({ id, issueId: 1, number: id, file: `p${id}.txt`, section: null, lineCount: 4, articleCount: 1 });
const tree: LibraryTree = { publications: [{ id: 3, name: '晶報', issues: [{ id: 1, publicationId: 3, date: null, label: 'i', incomplete: false, pages: [summary(1), summary(2)] }] }] };
const unsure = { rule: 'test', confidence: 0.3 };
const sure = { rule: 'test', confidence: 0.95 };
const line = (n: number, confident: boolean): AnnotatedLine => ({ n, text: `line ${n}`, label: { kind: 'article', article: 'a1', role: 'body' }, brk: 'join', why: { label: confident ? sure : unsure, brk: sure } });
const detail = (pageId: number, canUndo = false): PageDetail => ({
  page: { ...summary(pageId), sha256: 'ab', encoding: 'UTF-8', importedAt: '2030-04-15T00:00:00Z' },
  annotation: { section: null, headlineOrder: 'before', articles: [{ id: 'a1', genre: 'news', authors: [], flags: [] }], lines: [line(1, true), line(2, false), line(3, true), line(4, false)] },
  rawText: 'line 1\nline 2\nline 3\nline 4',
  history: { canUndo, canRedo: false, undoOp: canUndo ? 'setRole' : null, redoOp: null, revision: canUndo ? 3 : 1 },
});
const profile = (pages: number): ProfileSummary => ({ publicationId: 3, name: '晶報', pages, learnedPageIds: [], donePageIds: [], imported: false });

describe('uncertain decisions and the publication profile in the UI', () => {
  it('U and Shift+U put the cursor on the next and previous uncertain line', async () => {
    const { backend } = fakeBackend({ 'pages:get': ({ pageId }) => detail(pageId) });
    const store = createAppStore(backend, prefs);
    await store.getState().openPage(1);
    store.getState().setSelection({ from: 0, to: 0, line: 0, column: 0 });
    expect(runCommand('nextUncertain', store.getState())).toBe(true);
    await Promise.resolve();
    expect(store.getState().reveal?.line).toBe(2);
    store.getState().setSelection({ from: 1, to: 1, line: 1, column: 0 });
    runCommand('nextUncertain', store.getState());
    await Promise.resolve();
    expect(store.getState().reveal?.line).toBe(4);
    runCommand('previousUncertain', store.getState());
    await Promise.resolve();
    expect(store.getState().reveal?.line).toBe(4);
  });

  it('learns from a page the editor corrected when they leave it or hide the window, and not from one they only read', async () => {
    const edited = new Set([1]);
    const { backend, calls } = fakeBackend({ 'pages:get': ({ pageId }) => detail(pageId, edited.has(pageId)), 'publication:learnPage': () => profile(1) });
    const store = createAppStore(backend, prefs);
    await store.getState().openPage(2);
    await store.getState().openPage(1);
    expect(calls.filter((c) => c.channel === 'publication:learnPage')).toEqual([]);
    await store.getState().openPage(2);
    expect(calls.filter((c) => c.channel === 'publication:learnPage')).toEqual([{ channel: 'publication:learnPage', input: { pageId: 1, done: false } }]);
    // the window hidden with a read page open, then with a corrected one
    await store.getState().learnFromOpenPage();
    expect(calls.filter((c) => c.channel === 'publication:learnPage')).toHaveLength(1);
    edited.add(2);
    await store.getState().reloadPage();
    await store.getState().learnFromOpenPage();
    expect(calls.filter((c) => c.channel === 'publication:learnPage').at(-1)).toEqual({ channel: 'publication:learnPage', input: { pageId: 2, done: false } });
  });

  it('marks the open page done, and shows a refused profile file in the dialog, not the error banner', async () => {
    const { backend, calls } = fakeBackend({
      'library:tree': () => tree,
      'app:info': () => ({ version: '0', libraryPath: 'l.db', schemaVersion: 10, mode: 'browser' }),
      'pages:get': ({ pageId }) => detail(pageId),
      'publication:learnPage': () => ({ ...profile(1), donePageIds: [1] }),
      'publication:importProfile': () => {
        throw new GalleyError('BAD_INPUT', 'not a publication profile: the file is not JSON');
      },
    });
    const store = createAppStore(backend, prefs);
    await store.getState().loadLibrary();
    expect(runCommand('markPageDone', store.getState())).toBe(true);
    await expect.poll(() => store.getState().profile?.donePageIds).toEqual([1]);
    expect(calls.at(-1)).toEqual({ channel: 'publication:learnPage', input: { pageId: 1, done: true } });
    await store.getState().importProfile('{ nope');
    expect(calls.at(-1)).toEqual({ channel: 'publication:importProfile', input: { publicationId: 3, json: '{ nope' } });
    expect(store.getState().profileError).toBe('not a publication profile: the file is not JSON');
    expect(store.getState().errors).toEqual([]);
  });
});
