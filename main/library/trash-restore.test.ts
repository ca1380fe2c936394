import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../app/rpc.js';
import { applyEditToPage, toggleContinuation, undoEdit } from '../edits/edits.js';
import { createHandlers } from '../handlers.js';
import { buildIssueExport } from '../export/export.js';
import { importPaths } from '../import/import.js';
import { setArticleMetadata } from '../metadata/metadata.js';
import { learnPage } from '../publication/profile.js';
import { refreshSearchIndex } from '../search/search.js';
import { listIssueLinks } from '../store/article-links.js';
import { checkIntegrity } from '../store/integrity.js';
import { DERIVED_TABLES, ISSUE_TABLES, PAGE_TABLES, putInTrash } from '../store/trash.js';
import { getPageImage, getPageSource, getPdfBytes } from '../store/page-sources.js';
import { pageIdsInOrder, placePage } from '../store/pages.js';
import { CONTINUED_PAGES, PRINTS_DIR, SOURCES_DIR } from '../../tests/support/fixtures.js';
import { pageTablesDump } from '../../tests/support/library-dump.js';
import { galleyErrorOf, tempDir } from '../../tests/support/temp-dir.js';
import { getPage, type Library, openLibrary } from './library.js';
import { deleteIssue, deletePage, emptyTrash, purgeFromTrash, restoreFromTrash, trashList } from './trash.js';

// Real pages of every kind the trash must give back whole: two text pages with a continued
// article linked across them, a PDF page (its bytes stored with the issue) and an ALTO page with
// its scan, each edited, linked, described and learned before it is deleted.

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
let issueId: number;
let ids: { p1: number; p2: number; pdf: number; alto: number };
const EDITOR = 'editor-1';

beforeEach(async () => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
  copyFileSync(join(SOURCES_DIR, 'ndnp-alto-sample.xml'), join(tmp.dir, 'p4.xml'));
  copyFileSync(join(SOURCES_DIR, 'ndnp-alto-sample.jpg'), join(tmp.dir, 'p4.jpg'));
  const report = await importPaths(lib.db, [...CONTINUED_PAGES, join(PRINTS_DIR, 'en_headline_first.pdf'), join(tmp.dir, 'p4.xml')], { publication: '凯里日报', date: '2021-10-28' });
  expect(report.files.map((f) => f.error ?? f.warning ?? null)).toEqual([null, null, null, null]);
  issueId = report.issueId!;
  const idOf = (end: string) => report.files.find((f) => f.file.endsWith(end))!.pageId!;
  ids = { p1: idOf('p1.txt'), p2: idOf('p2.txt'), pdf: idOf('.pdf'), alto: idOf('p4.xml') };
  const { p1, p2, pdf, alto } = ids;
  expect(getPageImage(lib.db, alto)?.mime).toBe('image/jpeg');
  expect(getPageSource(lib.db, pdf)?.pdf).not.toBeNull();
  for (const pageId of [p2, pdf, alto]) {
    const line = getPage(lib.db, pageId).annotation.lines.find((l) => l.label !== null)!;
    applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: line.n }, { editor: EDITOR });
  }
  toggleContinuation(lib.db, p1, 'a1', { editor: EDITOR });
  setArticleMetadata(lib.db, p2, 'a2', { keywords: ['工业'], tags: ['调研'] });
  learnPage(lib.db, alto, true);
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

/** Every page and issue table, the search index brought up to date first. */
const dump = () => {
  refreshSearchIndex(lib.db);
  return pageTablesDump(lib.db);
};

describe('a restore gives back exactly what was deleted', () => {
  it('a page: its rows, its scan, its PDF, its link to the other page and its journal with editors', () => {
    const before = dump();
    for (const pageId of [ids.p2, ids.pdf, ids.alto, ids.p1]) {
      const trashId = deletePage(lib.db, pageId);
      expect(dump()).not.toEqual(before);
      expect(restoreFromTrash(lib.db, trashId)).toEqual({ issueId, pageId, notes: [] });
      expect(dump()).toEqual(before);
    }
    expect(getPdfBytes(lib.db, getPageSource(lib.db, ids.pdf)!.pdf!.sourceId)?.length).toBeGreaterThan(0);
    // the journal keeps whose edit it was: undo is still that editor's
    expect(undoEdit(lib.db, ids.alto, { editor: EDITOR }).outcome.history.canUndo).toBe(false);
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });

  it('a whole issue: its pages, PDFs, scans, links and journal', () => {
    const before = dump();
    const { issueId: back, pageId } = restoreFromTrash(lib.db, deleteIssue(lib.db, issueId));
    expect(pageId).toBeNull();
    expect(dump()).toEqual(before);
    expect(listIssueLinks(lib.db, back)).toHaveLength(1);
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });

  it('a page whose issue was deleted after it: as an issue of its own, with its PDF copied from the deleted issue', () => {
    const number = getPage(lib.db, ids.pdf).page.number;
    const pageTrash = deletePage(lib.db, ids.pdf);
    deleteIssue(lib.db, issueId);
    const { issueId: own, pageId } = restoreFromTrash(lib.db, pageTrash);
    expect(pageId).toBe(ids.pdf);
    expect(getPage(lib.db, ids.pdf).page.number).toBe(number);
    expect(getPdfBytes(lib.db, getPageSource(lib.db, ids.pdf)!.pdf!.sourceId)?.length).toBeGreaterThan(0);
    expect(pageIdsInOrder(lib.db, own, 0)).toEqual([ids.pdf]);
  });

  it('a page whose PDF went for good with its issue: back with its line boxes, and the note says the drawing is not', () => {
    const boxes = getPageSource(lib.db, ids.pdf)!.geometry;
    const pageTrash = deletePage(lib.db, ids.pdf);
    purgeFromTrash(lib.db, deleteIssue(lib.db, issueId));
    const { notes } = restoreFromTrash(lib.db, pageTrash);
    expect(notes).toEqual(['the PDF en_headline_first.pdf was deleted for good: its page\'s line boxes are back, the drawing of the page is not']);
    expect(getPageSource(lib.db, ids.pdf)).toMatchObject({ geometry: boxes, pdf: null });
  });

  it('a link between two deleted pages comes back with the second of them, and says so meanwhile', () => {
    const before = dump();
    const order = pageIdsInOrder(lib.db, issueId, 0);
    const first = deletePage(lib.db, ids.p1);
    const second = deletePage(lib.db, ids.p2);
    expect(restoreFromTrash(lib.db, first).notes).toEqual([`a continued-article link goes to a page still in the trash (entry ${second}): it comes back when that is restored`]);
    expect(listIssueLinks(lib.db, issueId)).toEqual([]);
    expect(restoreFromTrash(lib.db, second).notes).toEqual([]);
    expect(listIssueLinks(lib.db, issueId)).toEqual([{ fromPage: ids.p1, fromArticle: 'a1', toPage: ids.p2, toArticle: 'a1' }]);
    // each went back to the place it was deleted from, which the other's restore moved: put in print order
    order.forEach((id, i) => placePage(lib.db, id, issueId, i + 1));
    expect(dump()).toEqual(before);
  });

  it('a link to a page deleted for good is named as gone, and the page\'s id is never given again', async () => {
    const first = deletePage(lib.db, ids.p1);
    const second = deletePage(lib.db, ids.alto);
    const third = deletePage(lib.db, ids.p2);
    purgeFromTrash(lib.db, third);
    expect(restoreFromTrash(lib.db, first).notes).toEqual(['a continued-article link went to a page deleted for good: it is gone']);
    const again = await importPaths(lib.db, [CONTINUED_PAGES[1]!], { publication: 'other' });
    expect(again.files[0]!.pageId).toBeGreaterThan(Math.max(...Object.values(ids)));
    expect(restoreFromTrash(lib.db, second).pageId).toBe(ids.alto);
  });
});

describe('what the trash keeps', () => {
  it('is every table that hangs on a page or an issue (a new one must be kept or rebuilt)', () => {
    const tables = (lib.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[])
      .filter((t) => (lib.db.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(t) as string[]).some((r) => r === 'pages' || r === 'issues'));
    expect(tables.sort()).toEqual([...PAGE_TABLES, ...ISSUE_TABLES, ...DERIVED_TABLES, 'article_links', 'pages'].filter((t) => t !== 'search_dirty').sort());
  });

  it('restores an entry made before the trash kept rows, from the issue export it kept then', () => {
    const doc = buildIssueExport(lib.db, issueId);
    purgeFromTrash(lib.db, deleteIssue(lib.db, issueId));
    const legacy = putInTrash(lib.db, { kind: 'issue', label: 'old', issueId, position: null, pages: doc.pages.length }, JSON.stringify(doc));
    const { issueId: back } = restoreFromTrash(lib.db, legacy);
    expect(pageIdsInOrder(lib.db, back, 0)).toHaveLength(4);
    // a page, as such an entry held it: the issue export of that page alone, back at its place
    const alto = pageIdsInOrder(lib.db, back, 0).find((id) => getPage(lib.db, id).page.file.endsWith('p4.xml'))!;
    const { number } = getPage(lib.db, alto).page;
    const whole = buildIssueExport(lib.db, back);
    const pageDoc = { ...whole, pages: whole.pages.filter((p) => p.number === number), continuations: [], journal: whole.journal.filter((j) => j.page === number) };
    purgeFromTrash(lib.db, deletePage(lib.db, alto));
    const oldPage = putInTrash(lib.db, { kind: 'page', label: 'old page', issueId: back, position: number, pages: 1 }, JSON.stringify(pageDoc));
    const restored = restoreFromTrash(lib.db, oldPage);
    expect(restored.issueId).toBe(back);
    expect(getPage(lib.db, restored.pageId!).page.number).toBe(number);
    expect(pageIdsInOrder(lib.db, back, 0)).toHaveLength(4);
  });
});

describe('deleting for good', () => {
  it('removes one entry with everything it kept; it cannot be restored', () => {
    const trashId = deletePage(lib.db, ids.alto);
    const other = deletePage(lib.db, ids.pdf);
    expect(purgeFromTrash(lib.db, trashId)).toMatchObject({ id: trashId, kind: 'page', pages: 1 });
    expect(trashList(lib.db).map((t) => t.id)).toEqual([other]);
    expect(lib.db.prepare('SELECT count(*) FROM trash_rows WHERE trash_id = ?').pluck().get(trashId)).toBe(0);
    expect(galleyErrorOf(() => restoreFromTrash(lib.db, trashId))).toMatchObject({ code: 'NOT_FOUND' });
    expect(galleyErrorOf(() => purgeFromTrash(lib.db, trashId))).toMatchObject({ code: 'NOT_FOUND', message: `nothing in the trash with id ${trashId}` });
    expect(lib.db.prepare("SELECT count(*) FROM edit_journal WHERE op = 'purge'").pluck().get()).toBe(1);
  });

  it('empties the whole trash and says what went', () => {
    const page = deletePage(lib.db, ids.alto);
    const issue = deleteIssue(lib.db, issueId);
    expect(emptyTrash(lib.db).map((t) => [t.id, t.kind])).toEqual([[issue, 'issue'], [page, 'page']]);
    expect(trashList(lib.db)).toEqual([]);
    expect(lib.db.prepare('SELECT count(*) FROM trash_rows').pluck().get()).toBe(0);
    expect(emptyTrash(lib.db)).toEqual([]);
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });
});

describe('the trash calls', () => {
  it('tell every window the library changed on a delete, a restore and a purge, so each lists the trash again', async () => {
    const events: unknown[] = [];
    const ctx = { emit: (event: string, payload: unknown) => void events.push([event, payload]) };
    const handlers = createHandlers(lib, 'cli', 'test');
    const deleted = await dispatch(handlers, 'library:page:delete', { pageId: ids.alto }, ctx);
    expect(deleted).toMatchObject({ ok: true });
    const { trashId } = (deleted as { value: { trashId: number } }).value;
    expect(await dispatch(handlers, 'library:restore', { trashId }, ctx)).toMatchObject({ ok: true });
    const again = (await dispatch(handlers, 'library:page:delete', { pageId: ids.alto }, ctx)) as { value: { trashId: number } };
    expect(await dispatch(handlers, 'library:purge', { trashId: again.value.trashId }, ctx)).toMatchObject({ ok: true });
    expect(events).toEqual(Array.from({ length: 4 }, () => ['library:changed', { reason: 'delete' }]));
  });
});
