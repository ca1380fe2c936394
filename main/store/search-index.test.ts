import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { checkIntegrity } from './integrity.js';
import { createIssue } from './issues.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { insertPage } from './pages.js';
import { ensurePublication } from './publications.js';
import { type IndexedTerm, matchTerms, type TermKind, writePageIndex } from './search-index.js';
import { tempDir } from '../../tests/support/temp-dir.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir(); });
afterEach(() => tmp.cleanup());

function addPage(db: Database.Database, number: number): number {
  const issueId = createIssue(db, { publicationId: ensurePublication(db, 'P'), date: null, label: `i${number}` });
  return insertPage(db, { issueId, number: 1, file: `p${number}.txt`, rawText: '', sha256: String(number).padStart(64, '0'), encoding: 'utf-8', lineCount: 0 });
}

const term = (kind: TermKind, text: string, n: number, articleKey = 'a1'): IndexedTerm => ({ articleKey, kind, text, n });

/** What the lookup is asked to agree with: a scan of every term, in page then line order. */
function scan(db: Database.Database, kinds: readonly TermKind[], query: string): string[] {
  return (db.prepare(`SELECT text FROM article_terms WHERE kind IN (SELECT value FROM json_each(?)) AND instr(lower(text), lower(?)) > 0
    ORDER BY page_id, n, id`).pluck().all(JSON.stringify(kinds), query) as string[]);
}

describe('term index', () => {
  it('finds exactly the terms containing the query, in library order, and stops at the limit', () => {
    const db = openDatabase(join(tmp.dir, 'library.db'));
    const first = addPage(db, 1);
    const later = addPage(db, 2);
    const kinds: TermKind[] = ['title', 'author', 'tag', 'keyword', 'person', 'place', 'org'];
    // The later page is indexed first: order still follows the page, then the line.
    writePageIndex(db, later, [], [
      term('title', '工作会议在凯里召开', 9), term('author', '李靖', 2), term('tag', 'APEC Summit', 1), term('title', '2024年工作报告', 5),
      term('keyword', 'Newspaper', 5), term('person', 'café owner', 7), term('title', '会', 1, 'a2'),
    ]);
    writePageIndex(db, first, [], [term('title', '全会精神', 30), term('title', 'news of the day', 3), term('author', 'O\u2019Brien', 3)]);
    const queries = ['会', '工作', '凯里召开', 'apec', 'PEC', 'c sum', 'news', 'PAPER', 'paper', '4年', '024', 'Café', 'cafe', 'é', '‘',
      '\u2019', 'brien', '会议在', '不存在', 'n', 'the day', 'of the'];
    for (const q of queries) {
      const hits = matchTerms(db, kinds, q, 100);
      expect(hits.map((h) => h.text), q).toEqual(scan(db, kinds, q));
    }
    // Every piece of every term, from any character to any other: the lookup agrees with the scan.
    for (const text of db.prepare('SELECT text FROM article_terms').pluck().all() as string[]) {
      const chars = [...text];
      for (let i = 0; i < chars.length; i++) {
        for (let j = i + 1; j <= chars.length; j++) {
          const q = chars.slice(i, j).join('').trim();
          if (q !== '') expect(matchTerms(db, kinds, q, 100).map((h) => h.text), q).toEqual(scan(db, kinds, q));
        }
      }
    }
    expect(matchTerms(db, kinds, '会', 100).map((h) => [h.pageId, h.n])).toEqual([[first, 30], [later, 1], [later, 9]]);
    expect(matchTerms(db, kinds, '会', 2).map((h) => h.text)).toEqual(['全会精神', '会']);
    expect(matchTerms(db, ['author'], '会', 10)).toEqual([]);
    expect(matchTerms(db, ['tag', 'keyword'], 'news', 10)).toMatchObject([{ pageId: later, n: 5, part: 0, articleKey: 'a1', text: 'Newspaper', tail: '' }]);
    db.close();
  });

  it('follows rewrites and deleted pages, and passes the integrity check', () => {
    const db = openDatabase(join(tmp.dir, 'library.db'));
    const pageId = addPage(db, 1);
    writePageIndex(db, pageId, [], [term('title', '工作会议', 1)]);
    writePageIndex(db, pageId, [], [term('title', '全会', 2)]);
    expect(matchTerms(db, ['title'], '工作', 10)).toEqual([]);
    expect(matchTerms(db, ['title'], '会', 10).map((h) => h.text)).toEqual(['全会']);
    expect(checkIntegrity(db).search).toBe('ok');
    db.prepare('DELETE FROM pages WHERE id = ?').run(pageId);
    expect(db.prepare("SELECT count(*) FROM term_grams WHERE term_grams MATCH 'text : 会'").pluck().get()).toBe(0);
    expect(checkIntegrity(db).search).toBe('ok');
    db.close();
  });

  it('is filled from the terms a library already had when it is upgraded', () => {
    const db = new Database(join(tmp.dir, 'old.db'));
    const previous = MIGRATIONS.find((m) => m.name === 'term_index')!.version - 1;
    migrate(db, MIGRATIONS.slice(0, previous));
    // the page as a library of then held it (insertPage writes today's schema)
    const issueId = createIssue(db, { publicationId: ensurePublication(db, 'P'), date: null, label: 'i1' });
    const pageId = Number(db.prepare("INSERT INTO pages (issue_id, number, file, raw_text, sha256, encoding, line_count, imported_at) VALUES (?, 1, 'p1.txt', '', ?, 'utf-8', 0, '2021-01-01T00:00:00.000Z')")
      .run(issueId, '1'.padStart(64, '0')).lastInsertRowid);
    const insert = db.prepare('INSERT INTO article_terms (page_id, article_key, kind, text, n) VALUES (?, ?, ?, ?, ?)');
    insert.run(pageId, 'a1', 'title', '工作会议', 8);
    insert.run(pageId, 'a1', 'author', 'Anna Smith', 2);
    migrate(db, MIGRATIONS);
    expect(matchTerms(db, ['title', 'author'], '会', 10).map((h) => h.text)).toEqual(['工作会议']);
    expect(matchTerms(db, ['title', 'author'], 'mith', 10).map((h) => h.text)).toEqual(['Anna Smith']);
    expect(db.prepare('SELECT n FROM article_terms ORDER BY id').pluck().all()).toEqual([2, 8]);
    expect(checkIntegrity(db).search).toBe('ok');
    db.close();
  });
});
