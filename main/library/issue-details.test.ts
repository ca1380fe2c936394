import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { galleyErrorOf, tempDir } from '../../tests/support/temp-dir.js';
import { importFiles, importPaths } from '../import/import.js';
import { getArticleMetadata } from '../metadata/metadata.js';
import { getPage, type Library, libraryTree, openLibrary } from './library.js';
import { movePage, updateIssue } from './issue-details.js';

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
beforeEach(() => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

const page = (n: number) => ({ name: `p${n}.txt`, bytes: new TextEncoder().encode(`第${n}页。本报讯（记者 张三）凯里市完成住房公积金归集。\n会议要求，各级各部门要提高认识。\n`) });
const issues = () => libraryTree(lib.db).publications.flatMap((p) => p.issues.map((i) => ({ publication: p.name, date: i.date, label: i.label, pages: i.pages.map((x) => x.file) })));

describe('issue details after import', () => {
  it('renames an issue: its publication, date and label', async () => {
    const { issueId } = await importFiles(lib.db, [page(1)], {});
    updateIssue(lib.db, issueId!, { publication: '凯里日报', date: '2021-10-28', label: '第 4521 期' });
    expect(issues()).toEqual([{ publication: '凯里日报', date: '2021-10-28', label: '第 4521 期', pages: ['p1.txt'] }]);
    updateIssue(lib.db, issueId!, { date: null });
    expect(issues()[0]?.date).toBeNull();
    expect(galleyErrorOf(() => updateIssue(lib.db, 999, { label: 'x' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('moves a page to another issue and sets the page order, numbering pages 1…n', async () => {
    const a = (await importFiles(lib.db, [page(1), page(2), page(3)], { publication: '凯里日报', date: '2021-10-28' })).issueId!;
    const b = (await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' })).issueId!;
    const ids = libraryTree(lib.db).publications[0]!.issues.find((i) => i.id === a)!.pages.map((p) => p.id);
    movePage(lib.db, ids[2]!, a, 1);
    expect(issues().find((i) => i.date === '2021-10-28')?.pages).toEqual(['p3.txt', 'p1.txt', 'p2.txt']);
    movePage(lib.db, ids[0]!, b, 1);
    const tree = libraryTree(lib.db).publications[0]!.issues;
    expect(tree.find((i) => i.id === b)!.pages.map((p) => [p.number, p.file])).toEqual([[1, 'p1.txt'], [2, '000_274485b1067f232e.txt']]);
    expect(tree.find((i) => i.id === a)!.pages.map((p) => [p.number, p.file])).toEqual([[1, 'p3.txt'], [2, 'p2.txt']]);
    expect(galleyErrorOf(() => movePage(lib.db, ids[1]!, 999, 1))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives articles the new issue date where the editor set none', async () => {
    const { issueId, files } = await importFiles(lib.db, [page(1)], {});
    const pageId = files[0]!.pageId!;
    const articleId = getPage(lib.db, pageId).annotation.articles[0]!.id;
    expect(getArticleMetadata(lib.db, pageId, articleId).resolved.date).toBeNull();
    updateIssue(lib.db, issueId!, { date: '2021-10-28' });
    expect(getArticleMetadata(lib.db, pageId, articleId).resolved.date).toBe('2021-10-28');
  });
});
