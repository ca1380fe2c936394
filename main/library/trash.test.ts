import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyEditToPage, undoEdit } from '../edits/edits.js';
import { buildIssueExport } from '../export/export.js';
import { importPaths } from '../import/import.js';
import { checkIntegrity } from '../store/integrity.js';
import { listJournal } from '../store/journal.js';
import { KAILI_PAGE, PAGES_DIR } from '../../tests/support/fixtures.js';
import { galleyErrorOf, tempDir } from '../../tests/support/temp-dir.js';
import { getPage, type Library, libraryTree, openLibrary } from './library.js';
import { deleteIssue, deletePage, restoreFromTrash, trashList } from './trash.js';

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
let issueId: number;
let pageIds: number[];
beforeEach(async () => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
  const report = await importPaths(lib.db, [KAILI_PAGE, join(PAGES_DIR, 'en_chronam_1873.txt'), join(PAGES_DIR, 'en_headline_first.txt')], { publication: '凯里日报', date: '2021-01-06' });
  issueId = report.issueId!;
  pageIds = report.files.map((f) => f.pageId!);
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

const pagesOf = (id: number) => libraryTree(lib.db).publications.flatMap((p) => p.issues).find((i) => i.id === id)?.pages.map((p) => [p.id, p.number]);
/** The issue as its export says it; the issue's own fields aside (a restored issue is a new row). */
const exported = (id: number) => {
  const { issue: _issue, ...doc } = buildIssueExport(lib.db, id);
  return doc;
};

describe('deleting and restoring', () => {
  it('takes a page out of its issue (the rest renumbered) and puts it back at its place with its edits and undo', () => {
    const labelled = getPage(lib.db, pageIds[1]!).annotation.lines.find((l) => l.label !== null)!;
    applyEditToPage(lib.db, pageIds[1]!, { op: 'toggleBreak', n: labelled.n });
    const before = exported(issueId);
    const trashId = deletePage(lib.db, pageIds[1]!);
    expect(pagesOf(issueId)).toEqual([[pageIds[0], 1], [pageIds[2], 2]]);
    expect(galleyErrorOf(() => getPage(lib.db, pageIds[1]!))).toMatchObject({ code: 'NOT_FOUND' });
    expect(trashList(lib.db)).toMatchObject([{ id: trashId, kind: 'page', pages: 1, label: expect.stringContaining('p2 · en_chronam_1873.txt') }]);
    expect(listJournal(lib.db).at(-1)).toMatchObject({ op: 'delete', pageId: null });
    expect(checkIntegrity(lib.db).ok).toBe(true);

    const restored = restoreFromTrash(lib.db, trashId);
    expect(restored.issueId).toBe(issueId);
    expect(pagesOf(issueId)).toEqual([[pageIds[0], 1], [restored.pageId, 2], [pageIds[2], 3]]);
    expect(exported(issueId)).toEqual(before);
    expect(undoEdit(lib.db, restored.pageId!).outcome.history.canUndo).toBe(false);
    expect(trashList(lib.db)).toEqual([]);
    expect(libraryTree(lib.db).publications).toHaveLength(1);
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });

  it('takes a whole issue out of the library and brings it back as it was', () => {
    const before = exported(issueId);
    const trashId = deleteIssue(lib.db, issueId);
    expect(libraryTree(lib.db).publications).toEqual([]);
    expect(trashList(lib.db)).toMatchObject([{ id: trashId, kind: 'issue', pages: 3, label: expect.stringMatching(/^凯里日报 · 2021-01-06/) }]);
    const { issueId: back, pageId } = restoreFromTrash(lib.db, trashId);
    expect(pageId).toBeNull();
    expect(exported(back)).toEqual(before);
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });

  it('brings a page back as an issue of its own when its issue was deleted meanwhile', () => {
    const pageTrash = deletePage(lib.db, pageIds[0]!);
    deleteIssue(lib.db, issueId);
    const { issueId: back, pageId } = restoreFromTrash(lib.db, pageTrash);
    expect(pagesOf(back)).toEqual([[pageId, 1]]);
  });

  it('refuses what is not there, changing nothing', () => {
    expect(galleyErrorOf(() => deletePage(lib.db, 999))).toMatchObject({ code: 'NOT_FOUND', message: 'no page with id 999' });
    expect(galleyErrorOf(() => deleteIssue(lib.db, 999))).toMatchObject({ code: 'NOT_FOUND' });
    expect(galleyErrorOf(() => restoreFromTrash(lib.db, 5))).toMatchObject({ code: 'NOT_FOUND', message: 'nothing in the trash with id 5' });
    expect(pagesOf(issueId)).toHaveLength(3);
  });
});
