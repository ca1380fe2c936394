import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTINUED_PAGES } from '../../../tests/support/fixtures.js';
import { runGalley } from '../../../tests/support/cli.js';
import { tempDir } from '../../../tests/support/temp-dir.js';
import { libraryTree, openLibrary } from '../../library/library.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const galley = (...args: string[]) => runGalley(tmp.dir, ...args);

/** Each issue of the library: its paper, date and its pages' numbers. */
function issues(db: string) {
  const lib = openLibrary(db);
  try {
    return libraryTree(lib.db).publications.flatMap((p) => p.issues.map((i) => ({ paper: p.name, date: i.date, pages: i.pages.map((pg) => pg.number) })));
  } finally {
    lib.close();
  }
}

describe('galley import: the issue details, given or guessed as the import dialog guesses them', () => {
  it('guesses paper, date and first page of two real pages and says where each came from', () => {
    const db = join(tmp.dir, 'lib.db');
    const res = galley('import', ...CONTINUED_PAGES, '--db', db);
    expect(res).toMatchObject({ code: 0, stdout: '1\n' });
    expect(res.stderr).toBe('galley import: publication 凯里日报 (guessed from the header of kaili-2021-10-28-p1.txt), '
      + 'date 2021-10-28 (guessed from the name kaili-2021-10-28-p1), first page 1 (guessed from the name kaili-2021-10-28-p1.txt)\n');
    expect(issues(db)).toEqual([{ paper: '凯里日报', date: '2021-10-28', pages: [1, 2] }]);
  });

  it('takes what is given and guesses the rest from the page header when the name says nothing', () => {
    const db = join(tmp.dir, 'lib.db');
    const page = join(tmp.dir, 'page.txt');
    copyFileSync(CONTINUED_PAGES[1]!, page);
    const res = galley('import', page, '--db', db, '--date', '2021-10-29');
    expect(res.stderr).toBe('galley import: publication 凯里日报 (guessed from the header of page.txt), date 2021-10-29 (given), first page 2 (guessed from the header of page.txt)\n');
    expect(issues(db)).toEqual([{ paper: '凯里日报', date: '2021-10-29', pages: [2] }]);

    const given = galley('import', ...CONTINUED_PAGES, '--db', db, '--paper', '黔东南日报', '--first-page', '5');
    expect(given.stderr).toMatch(/^galley import: publication 黔东南日报 \(given\), date 2021-10-28 \(guessed from .*\), first page 5 \(given\)\n$/);
    expect(issues(db)).toContainEqual({ paper: '黔东南日报', date: '2021-10-28', pages: [5, 6] });
  });

  it('refuses a day that does not exist, page 0 and an empty paper, and stores nothing', () => {
    const db = join(tmp.dir, 'lib.db');
    for (const [args, message] of [
      [['--date', '2021-02-30'], '--date: not a day of the calendar'],
      [['--first-page', '0'], '--first-page: expected the number the first page prints, from 1 to 9999'],
      [['--first-page', 'two'], '--first-page: expected the number the first page prints, from 1 to 9999'],
      [['--paper', ' '], "--paper: the publication's name is empty"],
      [['--paper', 'A', '--publication', 'B'], '--paper and --publication are the same option: give one'],
    ] as const) {
      const res = galley('import', ...CONTINUED_PAGES, '--db', db, ...args);
      expect([args, res.code, res.stderr.split('\n')[0]]).toEqual([args, 2, `galley import: ${message}`]);
    }
    expect(existsSync(db)).toBe(false);
  });
});
