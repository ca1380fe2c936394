import { describe, expect, it } from 'vitest';
import type { EditOutcome, PageDetail } from '../../../app/contract.js';
import { applyEdit } from '../../../app/edits/apply.js';
import type { EditOp } from '../../../app/edits/ops.js';
import { GalleyError } from '../../../app/errors.js';
import { proposePage } from '../../../app/engine/index.js';
import type { Backend } from '../transport/index.js';
import { createAppStore } from './index.js';

const history = (revision: number) => ({ canUndo: revision > 0, canRedo: false, undoOp: null, redoOp: null, revision });
const detail = (): PageDetail => ({
  page: { id: 1, issueId: 1, number: 1, file: 'p.txt', section: null, lineCount: 3, articleCount: 1, sha256: 'ab', encoding: 'UTF-8', importedAt: '' },
  annotation: proposePage(['本报讯（通讯员 李靖）1月4日上午，州委', '第六巡察组专项巡察。', '']),
  rawText: '',
  history: history(0),
});

/** A backend that answers edits like the real one would, each after the test releases it. */
function backend(answer: (op: EditOp) => EditOutcome | Error) {
  const pending: (() => void)[] = [];
  const call = (async (channel: string, input: { op: EditOp }) => {
    if (channel === 'pages:get') return detail();
    await new Promise<void>((resolve) => pending.push(resolve));
    const out = answer(input.op);
    if (out instanceof Error) throw out;
    return out;
  }) as unknown as Backend['call'];
  const release = async () => {
    while (pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    pending.shift()!();
  };
  return { backend: { call, on: () => () => {} } satisfies Backend, release };
}

const prefs = { language: 'en' as const, theme: 'light' as const, editor: 'me', save: () => {} };
const toggle: EditOp = { op: 'toggleBreak', n: 1 };

describe('edits', () => {
  it('shows an edit before the server answers, and takes the server history when it does', async () => {
    const page = detail();
    const { backend: b, release } = backend((op) => ({ pageId: 1, patch: applyEdit(page.annotation, op).patch, history: history(1) }));
    const store = createAppStore(b, prefs);
    await store.getState().openPage(1);
    const done = store.getState().edit(toggle);
    expect(store.getState().page?.annotation.lines[0]?.brk).toBe('paragraph');
    expect(store.getState().saveState).toBe('saving');
    await release();
    await done;
    expect(store.getState().page?.annotation.lines[0]?.brk).toBe('paragraph');
    expect([store.getState().saveState, store.getState().page?.history.revision]).toEqual(['saved', 1]);
  });

  it('puts back what the library holds when the server refuses', async () => {
    const { backend: b, release } = backend(() => new GalleyError('CONFLICT', 'the page changed elsewhere'));
    const store = createAppStore(b, prefs);
    await store.getState().openPage(1);
    const done = store.getState().edit(toggle);
    await release();
    await done;
    expect(store.getState().page?.annotation.lines[0]?.brk).toBe('join');
    expect([store.getState().saveState, store.getState().errors]).toEqual(['error', ['the page changed elsewhere']]);
  });

  it('sends the revision it shows and its editor id, and catches up with another window only when behind', async () => {
    const page = detail();
    const sent: unknown[] = [];
    let gets = 0;
    const { backend: inner, release } = backend((op) => ({ pageId: 1, patch: applyEdit(page.annotation, op).patch, history: history(1) }));
    const b: Backend = {
      on: inner.on,
      call: (async (channel: string, input: unknown) => {
        if (channel === 'pages:get') gets++;
        else sent.push(input);
        return (inner.call as (c: string, i: unknown) => Promise<unknown>)(channel, input);
      }) as Backend['call'],
    };
    const store = createAppStore(b, prefs);
    await store.getState().openPage(1);
    const done = store.getState().edit(toggle);
    // the echo of our own edit arrives before its answer: no reload once the answer is in
    const echo = store.getState().pageChanged(1, 1);
    await release();
    await Promise.all([done, echo]);
    expect(sent).toEqual([{ pageId: 1, op: toggle, basis: 0, editor: 'me' }]);
    expect(gets).toBe(1);
    await store.getState().pageChanged(2, 9);
    expect(gets).toBe(1);
    await store.getState().pageChanged(1, 2);
    expect(gets).toBe(2);
  });
});
