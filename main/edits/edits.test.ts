import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyEdit } from '../../app/edits/apply.js';
import type { EditOp } from '../../app/edits/ops.js';
import type { PageAnnotation } from '../../app/model/page.js';
import { dispatch } from '../../app/rpc.js';
import { getPageAnnotation, saveAnnotation } from '../store/annotation/annotations.js';
import { listJournal } from '../store/journal.js';
import { KAILI_PAGE, PRINTS_DIR } from '../../tests/support/fixtures.js';
import { galleyErrorOf, tempDir } from '../../tests/support/temp-dir.js';
import { applyEditToPage, redoEdit, rerunPage, undoEdit } from './edits.js';
import { watchOtherWriters } from './other-writers.js';
import { createHandlers } from '../handlers.js';
import { issueArticles } from '../metadata/issue-articles.js';
import { setArticleMetadata } from '../metadata/metadata.js';
import { getPage, type Library, openLibrary } from '../library/library.js';
import { importPaths } from '../import/import.js';
import { checkIntegrity } from '../store/integrity.js';

let tmp: ReturnType<typeof tempDir>;
let file: string;
let lib: Library;
let pageId: number;
beforeEach(async () => {
  tmp = tempDir();
  file = join(tmp.dir, 'library.db');
  lib = openLibrary(file);
  pageId = (await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' })).files[0]!.pageId!;
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

const annotation = () => getPage(lib.db, pageId).annotation;
/** What another process (or the next start) reads: the database, not this connection's memory. */
function reopened(): PageAnnotation {
  lib.close();
  lib = openLibrary(file);
  return getPageAnnotation(lib.db, pageId)!;
}
/** Every table an edit may write, so "nothing written" can be asserted row for row. */
const snapshot = () => ['lines', 'spans', 'articles', 'edit_journal', 'pages']
  .map((t) => lib.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw().all());

// On the corpus page, lines 47–58 continue article a1's body and 172–184 article a3's: every op
// below is valid on them.
const A1_BODY = 47;
const A3_BODY = 172;

describe('editing a page', () => {
  it('saves every kind of operation at once: the reopened library holds exactly the edited page', () => {
    const [first, second] = annotation().articles;
    const [l, m] = [A1_BODY, A3_BODY];
    const ops: (EditOp | ((page: PageAnnotation) => EditOp))[] = [
      { op: 'toggleBreak', n: l },
      { op: 'setBreak', n: l + 1, kind: 'paragraph' },
      { op: 'joinLines', from: l + 1, to: l + 2 },
      { op: 'splitLine', n: l + 3, at: 3 },
      { op: 'editLine', n: l + 3, part: 2, text: '改正的文字' },
      { op: 'startArticle', n: m },
      { op: 'mergeArticle', article: second!.id, with: 'previous' },
      { op: 'moveLines', from: m + 4, to: m + 6, article: first!.id },
      { op: 'setRole', from: m + 8, to: m + 9, role: 'caption' },
      { op: 'markFurniture', from: m + 11, to: m + 11, role: 'advert' },
      (page) => ({ op: 'reorderArticles', order: page.articles.map((a) => a.id).reverse() }),
      { op: 'setArticleMeta', article: first!.id, genre: 'feature', authors: ['李靖', '王芳'] },
    ];
    const applied: EditOp[] = [];
    for (const opFor of ops) {
      const before = reopened();
      const op = typeof opFor === 'function' ? opFor(before) : opFor;
      applied.push(op);
      const expected = applyEdit(before, op);
      const { outcome } = applyEditToPage(lib.db, pageId, op);
      expect(outcome.patch, op.op).toEqual(expected.patch);
      expect(reopened(), op.op).toStrictEqual(expected.page);
      expect(checkIntegrity(lib.db), op.op).toMatchObject({ ok: true, annotations: [] });
    }
    const journal = listJournal(lib.db, [pageId]);
    expect(journal.map((e) => e.params)).toEqual(applied);
    expect(journal.every((e) => !e.undone && !e.discarded)).toBe(true);
    expect(getPage(lib.db, pageId).history).toEqual({ canUndo: true, canRedo: false, undoOp: 'setArticleMeta', redoOp: null, revision: ops.length + 1 });
  });

  it('keeps an edited line’s original in the raw text', () => {
    applyEditToPage(lib.db, pageId, { op: 'editLine', n: 3, text: '改过' });
    const page = reopened() && getPage(lib.db, pageId);
    expect(page.annotation.lines[2]).toMatchObject({ n: 3, text: '改过', edited: true });
    expect(page.rawText.split('\n')[2]).toBe('本报讯（通讯员 李靖）根据州委关于巡');
  });

  it('undoes and redoes from the journal, across a restart', () => {
    const start = annotation();
    const l = A1_BODY;
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: l });
    const afterFirst = reopened();
    applyEditToPage(lib.db, pageId, { op: 'startArticle', n: l + 2 });
    const afterBoth = reopened();

    expect(undoEdit(lib.db, pageId).outcome.history).toMatchObject({ canUndo: true, canRedo: true, undoOp: 'toggleBreak', redoOp: 'startArticle' });
    expect(reopened()).toStrictEqual(afterFirst);
    expect(undoEdit(lib.db, pageId).outcome.history).toMatchObject({ canUndo: false, canRedo: true, undoOp: null, redoOp: 'toggleBreak' });
    expect(reopened()).toStrictEqual(start);
    expect(galleyErrorOf(() => undoEdit(lib.db, pageId))).toMatchObject({ code: 'CONFLICT', message: 'nothing to undo on this page' });

    expect(redoEdit(lib.db, pageId).outcome.history.redoOp).toBe('startArticle');
    expect(reopened()).toStrictEqual(afterFirst);
    expect(redoEdit(lib.db, pageId).outcome.history).toMatchObject({ canUndo: true, canRedo: false, revision: 7 });
    expect(reopened()).toStrictEqual(afterBoth);
    expect(galleyErrorOf(() => redoEdit(lib.db, pageId))).toMatchObject({ code: 'CONFLICT', message: 'nothing to redo on this page' });
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });

  it('journals an article added or merged by the articles it changed, not the whole list, and undoes it whole', () => {
    const start = annotation();
    applyEditToPage(lib.db, pageId, { op: 'startArticle', n: A1_BODY + 2 });
    const started = reopened();
    applyEditToPage(lib.db, pageId, { op: 'mergeArticle', article: started.articles[1]!.id, with: 'next' });
    const merged = reopened();
    const stored = listJournal(lib.db, [pageId]).map((e) => [e.payload, e.inverse] as { articles?: unknown[] }[]);
    for (const [payload, inverse] of stored) {
      // every article the edit left as it was is its id alone on both sides
      const whole = [...payload!.articles!, ...inverse!.articles!].filter((a) => typeof a !== 'string');
      expect(whole.length).toBeLessThanOrEqual(3);
      expect(payload!.articles!.length).toBeGreaterThan(whole.length);
    }
    undoEdit(lib.db, pageId);
    expect(reopened()).toStrictEqual(started);
    undoEdit(lib.db, pageId);
    expect(reopened()).toStrictEqual(start);
    redoEdit(lib.db, pageId);
    redoEdit(lib.db, pageId);
    expect(reopened()).toStrictEqual(merged);
  });

  it('says what an undo and a redo acted on, even when metadata changed after the edit', () => {
    const l = A1_BODY;
    applyEditToPage(lib.db, pageId, { op: 'editLine', n: l, text: '更正后的文字' });
    setArticleMetadata(lib.db, pageId, 'a1', { title: '后来改的标题' });
    expect(undoEdit(lib.db, pageId).outcome.step).toEqual({ direction: 'undo', op: 'editLine', lines: String(l), article: null, value: null });
    expect(redoEdit(lib.db, pageId).outcome.step).toMatchObject({ direction: 'redo', op: 'editLine', lines: String(l) });
    expect(applyEditToPage(lib.db, pageId, { op: 'setRole', from: l, to: l + 1, role: 'caption' }).outcome.step).toBeUndefined();
    expect(undoEdit(lib.db, pageId).outcome.step).toMatchObject({ op: 'setRole', lines: `${l}–${l + 1}`, value: 'caption' });
  });

  it('discards the redo stack on a new edit, keeping its rows as history', () => {
    const l = A1_BODY;
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: l });
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: l + 1 });
    undoEdit(lib.db, pageId);
    undoEdit(lib.db, pageId);
    reopened();
    expect(applyEditToPage(lib.db, pageId, { op: 'setRole', from: l, to: l, role: 'caption' }).outcome.history)
      .toMatchObject({ canUndo: true, canRedo: false, undoOp: 'setRole' });
    expect(listJournal(lib.db, [pageId]).map((e) => [e.op, e.undone, e.discarded]))
      .toEqual([['toggleBreak', true, true], ['toggleBreak', true, true], ['setRole', false, false]]);
    undoEdit(lib.db, pageId);
    expect(getPage(lib.db, pageId).history).toMatchObject({ canUndo: false, canRedo: true, redoOp: 'setRole' });
  });

  it('refuses a bad op, an unknown page and a re-run sent as an edit, writing nothing', () => {
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: 3 });
    const before = snapshot();
    expect(galleyErrorOf(() => applyEditToPage(lib.db, pageId, { op: 'splitLine', n: 3, at: 9999 })).code).toBe('BAD_INPUT');
    expect(galleyErrorOf(() => applyEditToPage(lib.db, pageId, { op: 'mergeArticle', article: 'a404', with: 'next' })).code).toBe('BAD_INPUT');
    expect(galleyErrorOf(() => applyEditToPage(lib.db, pageId, { op: 'rerun', proposal: annotation() })).message).toMatch(/use edits:rerun/);
    expect(galleyErrorOf(() => applyEditToPage(lib.db, 999, { op: 'toggleBreak', n: 3 }))).toMatchObject({ code: 'NOT_FOUND', message: 'no page with id 999' });
    expect(galleyErrorOf(() => undoEdit(lib.db, 999)).code).toBe('NOT_FOUND');
    expect(snapshot()).toEqual(before);
  });

  it('answers an edit that changes nothing without journaling it', () => {
    const order = annotation().articles.map((a) => a.id);
    const { outcome } = applyEditToPage(lib.db, pageId, { op: 'reorderArticles', order });
    expect(outcome).toEqual({ pageId, patch: { lines: [] }, history: { canUndo: false, canRedo: false, undoOp: null, redoOp: null, revision: 1 } });
    expect(listJournal(lib.db)).toEqual([]);
  });

  it('re-runs a PDF page with its print, as the import read it', async () => {
    const report = await importPaths(lib.db, [join(PRINTS_DIR, 'zh_photo_letter_banner.pdf')], {});
    const id = report.files[0]!.pageId!;
    const n = getPage(lib.db, id).annotation.lines.findIndex((l) => l.text.startsWith('市总工会开展送温暖活动')) + 1;
    // an edit elsewhere, and the re-run still reads the print
    applyEditToPage(lib.db, id, { op: 'setBreak', n: n - 3, kind: 'paragraph' });
    rerunPage(lib.db, id);
    expect(getPage(lib.db, id).annotation.lines[n - 1]).toMatchObject({ label: { role: 'headline' }, why: { label: { rule: 'headline-size' } } });
  });

  it('re-runs the engine keeping what the editor decided, and undoes the re-run', () => {
    const l = A1_BODY;
    applyEditToPage(lib.db, pageId, { op: 'setRole', from: l, to: l + 1, role: 'caption' });
    applyEditToPage(lib.db, pageId, { op: 'setBreak', n: l + 3, kind: 'paragraph' });
    // Without its start cue line 59 no longer begins an article for the engine: the re-run has something to change.
    applyEditToPage(lib.db, pageId, { op: 'editLine', n: 59, text: '近日，九届' });
    const edited = reopened();
    expect(rerunPage(lib.db, pageId).outcome.patch.lines.length).toBeGreaterThan(10);
    const after = reopened();
    for (const n of [l, l + 1]) expect(after.lines[n - 1]!.label).toEqual(edited.lines[n - 1]!.label);
    expect(after.lines[l + 2]!.brk).toBe(edited.lines[l + 2]!.brk);
    expect(listJournal(lib.db).at(-1)).toMatchObject({ op: 'rerun', params: { op: 'rerun' } });
    undoEdit(lib.db, pageId);
    expect(reopened()).toStrictEqual(edited);
  });

  it('keeps the engine’s hyphen choices through an edit', () => {
    const page = annotation();
    const line = page.lines[A1_BODY - 1]!;
    const withHyphen = { ...page, lines: page.lines.map((l) => (l.n === line.n ? { ...l, hyphen: 'drop' as const, why: { ...l.why, hyphen: { rule: 'vocab', confidence: 0.8 } } } : l)) };
    saveAnnotation(lib.db, pageId, withHyphen);
    expect(annotation()).toStrictEqual(withHyphen);
    applyEditToPage(lib.db, pageId, { op: 'editLine', n: line.n, text: `${line.text}-` });
    expect(reopened().lines[line.n - 1]).toMatchObject({ hyphen: 'drop', why: { hyphen: { rule: 'vocab' } }, edited: true });
  });

  it('sees a write by another connection instead of editing a stale copy', () => {
    annotation();
    const other = openLibrary(file);
    applyEditToPage(other.db, pageId, { op: 'editLine', n: 3, text: '别处改的' });
    other.close();
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: 4 });
    expect(reopened().lines[2]!.text).toBe('别处改的');
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });
});

describe('the edit calls', () => {
  it('tell the library tree to reload only when a page’s article count changed', async () => {
    const events: unknown[] = [];
    const handlers = createHandlers(lib, 'cli', 'test');
    // every edit also tells other windows on the page (page:changed): only the tree's reloads count here
    const ctx = { emit: (event: string, payload: unknown) => event === 'library:changed' && events.push([event, payload]) };
    const l = A1_BODY;
    expect(await dispatch(handlers, 'edits:apply', { pageId, op: { op: 'toggleBreak', n: l } }, ctx)).toMatchObject({ ok: true, value: { pageId } });
    expect(events).toEqual([]);
    expect(await dispatch(handlers, 'edits:apply', { pageId, op: { op: 'startArticle', n: l } }, ctx)).toMatchObject({ ok: true });
    expect(events).toEqual([['library:changed', { reason: 'edit' }]]);
    expect(await dispatch(handlers, 'edits:undo', { pageId }, ctx)).toMatchObject({ ok: true, value: { history: { redoOp: 'startArticle' } } });
    expect(await dispatch(handlers, 'edits:redo', { pageId: 999 }, ctx)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no page with id 999' } });
    expect(await dispatch(handlers, 'edits:apply', { pageId, op: { op: 'rerun', proposal: annotation() } }, ctx))
      .toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch(handlers, 'edits:rerun', { pageId }, ctx)).toMatchObject({ ok: true, value: { pageId } });
  });

  it('list an issue’s articles page by page with their warnings', async () => {
    const issueId = getPage(lib.db, pageId).page.issueId;
    expect(await dispatch(createHandlers(lib, 'cli', 'test'), 'issues:articles', { issueId }, { emit: () => undefined }))
      .toEqual({ ok: true, value: issueArticles(lib.db, issueId) });
    const list = issueArticles(lib.db, issueId);
    expect(list.map((a) => a.articleId)).toEqual(annotation().articles.map((a) => a.id));
    expect(list[0]).toMatchObject({ pageId, pageNumber: 1, firstLine: 3, authors: ['李靖'] });
    expect(list.filter((a) => a.title === null).every((a) => a.flags.includes('no-title'))).toBe(true);
    expect(list.reduce((sum, a) => sum + a.lineCount, 0)).toBe(annotation().lines.filter((l) => l.label?.kind === 'article').length);
    applyEditToPage(lib.db, pageId, { op: 'setArticleMeta', article: list[1]!.articleId, authors: [] });
    expect(issueArticles(lib.db, issueId)[1]!.flags).toContain('no-author');
    expect(galleyErrorOf(() => issueArticles(lib.db, 777))).toMatchObject({ code: 'NOT_FOUND', message: 'no issue with id 777' });
  });
});


describe('two windows on one page', () => {
  it('refuses an edit made on a revision the page has moved past, writing nothing', () => {
    const seen = getPage(lib.db, pageId).history.revision;
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: A1_BODY }, { revision: seen, editor: 'a' });
    const before = snapshot();
    expect(galleyErrorOf(() => applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: A3_BODY }, { revision: seen, editor: 'b' })))
      .toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('changed in another window') });
    expect(galleyErrorOf(() => undoEdit(lib.db, pageId, { revision: seen, editor: 'a' }))).toMatchObject({ code: 'CONFLICT' });
    expect(snapshot()).toEqual(before);
  });

  it('never undoes or redoes an edit another editor made, and keeps one’s own undo', () => {
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: A1_BODY }, { editor: 'a' });
    const afterA = annotation();
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: A3_BODY }, { editor: 'b' });
    const before = snapshot();
    expect(galleyErrorOf(() => undoEdit(lib.db, pageId, { editor: 'a' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('another window') });
    expect(snapshot()).toEqual(before);
    undoEdit(lib.db, pageId, { editor: 'b' });
    expect(annotation()).toEqual(afterA);
    expect(galleyErrorOf(() => redoEdit(lib.db, pageId, { editor: 'a' }))).toMatchObject({ code: 'CONFLICT' });
    // edits made without an editor (the CLI, older libraries) are anyone's to undo, as before
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: A3_BODY + 1 });
    expect(() => undoEdit(lib.db, pageId, { editor: 'a' })).not.toThrow();
  });

  it('announces every committed change to the page’s other windows', async () => {
    const events: unknown[] = [];
    const ctx = { emit: (event: string, payload: unknown) => event === 'page:changed' && events.push(payload) };
    const handlers = createHandlers(lib, 'cli', 'test');
    const r0 = getPage(lib.db, pageId).history.revision;
    const answer = await dispatch(handlers, 'edits:apply', { pageId, op: { op: 'toggleBreak', n: A1_BODY }, basis: r0, editor: 'a' }, ctx);
    expect(answer).toMatchObject({ ok: true, value: { history: { revision: r0 + 1 } } });
    expect(events).toEqual([{ pageId, revision: r0 + 1 }]);
    expect(await dispatch(handlers, 'edits:undo', { pageId, basis: r0, editor: 'a' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatch(handlers, 'edits:apply', { pageId, op: { op: 'toggleBreak', n: A1_BODY }, editor: 'not an id!' }, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(events).toHaveLength(1);
  });

  it('hears edits another process committed to the same library file, once each, and pages it imported', async () => {
    const other = openLibrary(file);
    try {
      const heard: { pageId: number; revision: number }[] = [];
      const r0 = getPage(lib.db, pageId).history.revision;
      let pagesChanged = 0;
      const check = watchOtherWriters(lib.db, (c) => heard.push(c), () => pagesChanged++);
      check();
      expect(heard).toEqual([]);
      applyEditToPage(other.db, pageId, { op: 'toggleBreak', n: A1_BODY });
      applyEditToPage(other.db, pageId, { op: 'toggleBreak', n: A3_BODY });
      check();
      expect(heard).toEqual([{ pageId, revision: r0 + 2 }]);
      check();
      expect(heard).toHaveLength(1);
      undoEdit(other.db, pageId);
      check();
      expect(heard).toEqual([{ pageId, revision: r0 + 2 }, { pageId, revision: r0 + 3 }]);
      // this connection's own edits are announced by the handlers, not by the watch
      applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: A3_BODY });
      check();
      expect(heard).toHaveLength(2);
      expect(pagesChanged).toBe(0);
      // a page imported there: this library's tree changed, once
      await importPaths(other.db, [KAILI_PAGE], {});
      check();
      check();
      expect(pagesChanged).toBe(1);
    } finally {
      other.close();
    }
  });
});

describe('a re-run after a whitespace correction', () => {
  it('keeps a two-line headline one headline: the correction does not change how the print is laid out', async () => {
    const page = join(tmp.dir, 'headline.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(page, ['2021 年凯里市创建全国', '第5届文明城市创建推进', '本报讯（记者 张三）10月27日，2021年凯里市创建全国文明城市工作推进会召开。会议要求，各级各部门',
      '要提高认识，持续用力，久久为功，确保创建工作取得实效，为全市经济社会发展', '营造良好环境。', ''].join('\n'));
    const id = (await importPaths(lib.db, [page], { publication: '凯里日报', date: '2021-10-28' })).files[0]!.pageId!;
    const roles = () => getPage(lib.db, id).annotation.lines.slice(0, 2).map((l) => (l.label?.kind === 'article' ? l.label.role : null));
    expect(roles()).toEqual(['headline', 'headline']);
    applyEditToPage(lib.db, id, { op: 'editLine', n: 1, text: '2021年凯里市创建全国' });
    rerunPage(lib.db, id);
    expect(roles()).toEqual(['headline', 'headline']);
  });
});
