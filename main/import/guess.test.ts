import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { type Library, libraryTree, openLibrary } from '../library/library.js';
import { guessIssue, importFiles } from './import.js';

const text = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
const HEADED = text(['凯里日报', '2021年10月28日 星期四', '第3版', '', '本报讯（记者 张三）第三版的稿件，写到这里。', '']);

describe('guessing an issue before its import', () => {
  it('takes the date and page from the names, else from the first page\'s header, and the paper from the header', async () => {
    expect(await guessIssue([{ name: 'p3.txt', bytes: HEADED }])).toEqual({
      publication: '凯里日报', date: '2021-10-28', firstPage: 3,
      from: { publication: 'the header of p3.txt', date: 'the header of p3.txt', firstPage: 'the name p3.txt' },
    });
    expect(await guessIssue([{ name: '2021-10-29_p2.txt', bytes: HEADED }, { name: '2021-10-29_p1.txt', bytes: HEADED }]))
      .toMatchObject({ publication: '凯里日报', date: '2021-10-29', firstPage: 1 });
    expect(await guessIssue([{ name: '000_274485b1067f232e.txt', bytes: readFileSync(KAILI_PAGE) }])).toEqual({ publication: null, date: null, firstPage: null, from: {} });
  });

  it('guesses nothing from a file it cannot read, and does not fail', async () => {
    expect(await guessIssue([{ name: 'broken.pdf', bytes: new Uint8Array([1, 2, 3]) }])).toEqual({ publication: null, date: null, firstPage: null, from: {} });
  });
});

describe('an import told the first page', () => {
  let tmp: ReturnType<typeof tempDir>;
  let lib: Library;
  beforeEach(() => {
    tmp = tempDir();
    lib = openLibrary(`${tmp.dir}/lib.galley`);
  });
  afterEach(() => {
    lib.close();
    tmp.cleanup();
  });

  it('numbers the pages from it, whatever they print', async () => {
    const second = text(['本报讯（记者 李四）另一版的稿件，写到这里。', '']);
    await importFiles(lib.db, [{ name: 'a.txt', bytes: HEADED }, { name: 'b.txt', bytes: second }], { publication: '凯里日报', date: '2021-10-28', firstPage: 5 });
    const issue = libraryTree(lib.db).publications.find((p) => p.name === '凯里日报')!.issues[0]!;
    expect(issue.pages.map((p) => [p.file, p.number])).toEqual([['a.txt', 5], ['b.txt', 6]]);
  });
});
