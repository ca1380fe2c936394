import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../app/rpc.js';
import { CONTINUED_PAGES } from '../../tests/support/fixtures.js';
import { galleyErrorOf, tempDir } from '../../tests/support/temp-dir.js';
import { createHandlers } from '../handlers.js';
import { importPaths } from '../import/import.js';
import { type Library, openLibrary } from '../library/library.js';
import { issueArticles } from '../metadata/issue-articles.js';
import { issueQaReport } from '../metadata/metadata.js';
import { insertLink, listIssueLinks } from '../store/article-links.js';
import { listJournal } from '../store/journal.js';
import { applyEditToPage, LINK_OP, redoEdit, toggleContinuation, undoEdit, UNLINK_OP } from './edits.js';

let tmp: ReturnType<typeof tempDir>;
let file: string;
let lib: Library;
let issueId: number;
let p1: number;
let p2: number;
beforeEach(async () => {
  tmp = tempDir();
  file = join(tmp.dir, 'library.db');
  lib = openLibrary(file);
  const report = await importPaths(lib.db, CONTINUED_PAGES, {});
  issueId = report.issueId!;
  [p1, p2] = report.files.map((f) => f.pageId!) as [number, number];
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

const badges = () => issueArticles(lib.db, issueId).filter((a) => a.continuesOn !== null || a.continuedFrom !== null)
  .map((a) => [a.pageNumber, a.articleId, a.continuesOn, a.continuedFrom]);
const unlinked = () => issueQaReport(lib.db, issueId).items.filter((i) => i.kind === 'unlinked-continuation').map((i) => [i.pageNumber, i.article, i.detail]);

describe('linking the parts of a continued article', () => {
  it('imports both pages into one issue, and QA flags each marker until they are linked', () => {
    expect(new Set([p1, p2]).size).toBe(2);
    expect(unlinked()).toEqual([[1, 'a1', { quote: '（转第2版）' }], [2, 'a1', { quote: '（上接第1版）' }]]);
    expect(badges()).toEqual([]);
  });

  it('links from either page with one call, shows where each part goes on, and undoes and redoes it as an edit', () => {
    toggleContinuation(lib.db, p2, 'a1');
    expect(listIssueLinks(lib.db, issueId)).toEqual([{ fromPage: p1, fromArticle: 'a1', toPage: p2, toArticle: 'a1' }]);
    expect(badges()).toEqual([[1, 'a1', 2, null], [2, 'a1', null, 1]]);
    expect(unlinked()).toEqual([]);
    const row = listJournal(lib.db, [p2]).at(-1)!;
    expect(row).toMatchObject({ op: LINK_OP, params: { op: LINK_OP, article: 'a1' }, inverse: { remove: { toArticle: 'a1' } } });

    const undone = undoEdit(lib.db, p2);
    expect(undone.outcome).toMatchObject({ linksChanged: true, history: { canRedo: true, redoOp: LINK_OP } });
    expect(listIssueLinks(lib.db, issueId)).toEqual([]);
    expect(unlinked()).toHaveLength(2);
    redoEdit(lib.db, p2);
    expect(badges()).toEqual([[1, 'a1', 2, null], [2, 'a1', null, 1]]);

    // The same key on the other part takes the link apart; that too is undone on its page.
    toggleContinuation(lib.db, p1, 'a1');
    expect(listIssueLinks(lib.db, issueId)).toEqual([]);
    expect(listJournal(lib.db, [p1]).at(-1)).toMatchObject({ op: UNLINK_OP });
    undoEdit(lib.db, p1);
    expect(badges()).toHaveLength(2);
  });

  it('survives a restart, and a text edit after it is undone first', () => {
    toggleContinuation(lib.db, p1, 'a1');
    applyEditToPage(lib.db, p1, { op: 'toggleBreak', n: 12 });
    lib.close();
    lib = openLibrary(file);
    expect(badges()).toHaveLength(2);
    expect(undoEdit(lib.db, p1).outcome.history.redoOp).toBe('toggleBreak');
    expect(badges()).toHaveLength(2);
    undoEdit(lib.db, p1);
    expect(badges()).toEqual([]);
  });

  it('replaces a link left over from a part merged away, and its undo brings that one back', () => {
    const gone = { fromPage: p1, fromArticle: 'a1', toPage: p2, toArticle: 'a9' };
    insertLink(lib.db, gone);
    expect(badges()).toEqual([]);
    toggleContinuation(lib.db, p2, 'a1');
    expect(listIssueLinks(lib.db, issueId)).toEqual([{ ...gone, toArticle: 'a1' }]);
    undoEdit(lib.db, p2);
    expect(listIssueLinks(lib.db, issueId)).toEqual([gone]);
  });

  it('refuses an article without a marker, and a window that has not seen the latest revision', () => {
    expect(galleyErrorOf(() => toggleContinuation(lib.db, p1, 'a2'))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('no continuation marker') });
    expect(galleyErrorOf(() => toggleContinuation(lib.db, p1, 'a9'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(galleyErrorOf(() => toggleContinuation(lib.db, p1, 'a1', { revision: 99 }))).toMatchObject({ code: 'CONFLICT' });
    expect(listJournal(lib.db, [p1, p2])).toEqual([]);
  });

  it('is one call for a window, which hears that the links changed', async () => {
    const events: string[] = [];
    const handlers = createHandlers(lib, 'cli', 'test');
    const ctx = { emit: (event: string) => void events.push(event) };
    expect(await dispatch(handlers, 'edits:continuation', { pageId: p1, articleId: 'a1', editor: 'w1' }, ctx))
      .toMatchObject({ ok: true, value: { pageId: p1, linksChanged: true, history: { undoOp: LINK_OP } } });
    // the other part's page shows a badge too: the whole library hears of it
    expect(events).toEqual(['page:changed', 'library:changed']);
    expect(await dispatch(handlers, 'edits:undo', { pageId: p1, editor: 'w2' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatch(handlers, 'edits:undo', { pageId: p1, editor: 'w1' }, ctx)).toMatchObject({ ok: true, value: { linksChanged: true } });
  });
});
