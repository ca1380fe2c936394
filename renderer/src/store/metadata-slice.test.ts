import { describe, expect, it } from 'vitest';
import type { EditOutcome, PageDetail } from '../../../app/contract.js';
import { applyEdit } from '../../../app/edits/apply.js';
import type { EditOp } from '../../../app/edits/ops.js';
import { applyPatch, type Patch } from '../../../app/edits/patch.js';
import { GalleyError } from '../../../app/errors.js';
import { proposePage } from '../../../app/engine/index.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import type { Backend } from '../transport/index.js';
import { createAppStore } from './index.js';

const history = (revision: number) => ({ canUndo: revision > 0, canRedo: false, undoOp: null, redoOp: null, revision });
const lines = ['本报讯（通讯员 李靖）1月4日上午，州委', '第六巡察组专项巡察。', '另一篇稿件的第一行。', '它的第二行。'];

/** A backend that holds each edit until the test releases it, and knows only the articles it saved. */
function backend() {
  let saved: PageAnnotation = proposePage(lines);
  let revision = 0;
  const undo: Patch[] = [];
  const pending: (() => void)[] = [];
  const call = (async (channel: string, input: { op?: EditOp; articleId?: string }) => {
    if (channel === 'pages:get') {
      return { page: { id: 1, issueId: 1, number: 1, file: 'p.txt', section: null, lineCount: 4, articleCount: 1, sha256: 'ab', encoding: 'UTF-8', importedAt: '' }, annotation: saved, rawText: '', history: history(revision) } satisfies PageDetail;
    }
    if (channel === 'articles:meta:get' || channel === 'articles:suggest') {
      if (!saved.articles.some((a) => a.id === input.articleId)) throw new GalleyError('NOT_FOUND', `page 1 has no article ${input.articleId}`);
      return channel === 'articles:suggest' ? [] : { pageId: 1, articleId: input.articleId };
    }
    if (channel === 'issues:qa' || channel === 'issues:articles') return [];
    await new Promise<void>((resolve) => pending.push(resolve));
    const { patch } = channel === 'edits:undo' ? { patch: undo.pop()! } : applyEdit(saved, input.op!);
    if (channel !== 'edits:undo') undo.push(applyEdit(saved, input.op!).inverse);
    saved = applyPatch(saved, patch);
    return { pageId: 1, patch, history: history(++revision) } satisfies EditOutcome;
  }) as unknown as Backend['call'];
  const release = async () => {
    while (pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    pending.shift()!();
  };
  return { backend: { call, on: () => () => {} } satisfies Backend, release };
}

const prefs = { language: 'en' as const, theme: 'light' as const, editor: 'me', save: () => {} };

describe('metadata of an article the editor just made', () => {
  it('is asked for once the edit that makes it is saved, so no "has no article" error shows', async () => {
    const { backend: b, release } = backend();
    const store = createAppStore(b, prefs);
    await store.getState().openPage(1);
    const done = store.getState().edit({ op: 'startArticle', n: 3 });
    // The new article shows at once (predicted); the panel asks for its metadata right then.
    const created = store.getState().page!.annotation.lines[2]!.label;
    expect(created?.kind).toBe('article');
    const articleId = created?.kind === 'article' ? created.article : '';
    const loading = store.getState().loadMeta({ pageId: 1, articleId });
    await release();
    await done;
    await loading;
    expect(store.getState().errors).toEqual([]);
    expect(store.getState().meta?.articleId).toBe(articleId);
  });

  it('is not asked for when an undo took the article away before it was saved (N then Ctrl+Z)', async () => {
    const { backend: b, release } = backend();
    const store = createAppStore(b, prefs);
    await store.getState().openPage(1);
    const made = store.getState().edit({ op: 'startArticle', n: 3 });
    const label = store.getState().page!.annotation.lines[2]!.label;
    const loading = store.getState().loadMeta({ pageId: 1, articleId: label?.kind === 'article' ? label.article : '' });
    const undone = store.getState().undo();
    await release();
    await made;
    await release();
    await Promise.all([undone, loading]);
    expect(store.getState().errors).toEqual([]);
  });
});
