import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { GALLEY_APPLICATION_ID, migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';
import { getPageAnnotation } from './annotation/annotations.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { openLibrary } from '../library/library.js';
import { searchLibrary } from '../search/search.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir(); });
afterEach(() => tmp.cleanup());

const tableNames = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();

describe('migrations', () => {
  it('are numbered 1..N in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('create STRICT tables and mark the file as a Galley library', () => {
    const db = openDatabase(join(tmp.dir, 'library.db'));
    expect(tableNames(db)).toEqual([
      'article_links', 'article_metadata', 'article_terms', 'articles', 'edit_journal', 'import_runs', 'issues', 'lines', 'page_geometry', 'page_images', 'page_sources', 'pages',
      'profile_pages', 'publication_profiles', 'publications', 'search_dirty', 'search_grams', 'search_grams_config', 'search_grams_data', 'search_grams_docsize',
      'search_grams_idx', 'search_lines', 'spans', 'term_grams', 'term_grams_config', 'term_grams_data', 'term_grams_docsize',
      'term_grams_idx', 'trash', 'trash_pages', 'trash_rows',
    ]);
    const notStrict = db.prepare("SELECT name FROM pragma_table_list WHERE type = 'table' AND strict = 0 AND schema = 'main' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'").pluck().all();
    expect(notStrict).toEqual([]);
    expect(db.pragma('application_id', { simple: true })).toBe(GALLEY_APPLICATION_ID);
    db.close();
  });

  it('apply all pending steps in one transaction: a failing step leaves version and tables as they were', () => {
    const db = new Database(join(tmp.dir, 'half.db'));
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'adds', up: (d) => d.exec('CREATE TABLE added (x INTEGER) STRICT') },
      { version: MIGRATIONS.length + 2, name: 'fails', up: (d) => d.exec('CREATE TABLE publications (x)') },
    ];
    expect(() => migrate(db, broken)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(db)).toEqual([]);
    db.close();
  });

  it('run only the steps a library has not had yet', () => {
    const file = join(tmp.dir, 'library.db');
    openDatabase(file).close();
    const db = new Database(file);
    const next: Migration = { version: MIGRATIONS.length + 1, name: 'next', up: (d) => d.exec('CREATE TABLE later (x INTEGER) STRICT') };
    expect(migrate(db, [...MIGRATIONS, next])).toBe(MIGRATIONS.length + 1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(tableNames(db)).toContain('later');
    db.close();
  });

  it('move a library of version 4 onto one row per line, every decision and its reason kept', () => {
    const db = new Database(join(tmp.dir, 'v4.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 4));
    db.exec(`INSERT INTO publications (id, name, created_at) VALUES (1, 'P', 'now');
      INSERT INTO issues (id, publication_id, label, created_at) VALUES (1, 1, 'i', 'now');
      INSERT INTO pages (id, issue_id, number, file, raw_text, sha256, encoding, line_count, imported_at, revision)
        VALUES (1, 1, 1, 'p1.txt', 'a-\nb\nc', '${'0'.repeat(64)}', 'utf-8', 3, 'now', 2);
      INSERT INTO articles (id, page_id, key, ordinal, genre) VALUES (1, 1, 'a1', 0, 'news');
      INSERT INTO lines (page_id, n, part, text, edited, label_reason) VALUES
        (1, 1, 0, 'a-', NULL, '{"rule":"body-flow","confidence":0.9}'), (1, 2, 1, 'b', 1, NULL), (1, 2, 2, 'c', 0, NULL), (1, 3, 0, 'c', NULL, NULL);
      INSERT INTO line_breaks (page_id, n, part, kind, source, reason, hyphen, hyphen_reason) VALUES
        (1, 1, 0, 'join', 'engine', '{"rule":"full-line","confidence":0.75,"detail":"4.5/4.5"}', 'drop', '{"rule":"vocab","confidence":1}'),
        (1, 2, 1, 'paragraph', 'editor', '{"rule":"editor","confidence":1}', NULL, NULL),
        (1, 2, 2, 'join', 'engine', NULL, NULL, NULL), (1, 3, 0, 'paragraph', 'engine', NULL, NULL, NULL);
      INSERT INTO spans (page_id, article_id, role, from_n, from_part, to_n, to_part) VALUES (1, 1, 'body', 1, 0, 3, 0);`);
    migrate(db);
    expect(tableNames(db)).not.toContain('line_breaks');
    const body = { kind: 'article', article: 'a1', role: 'body' };
    expect(getPageAnnotation(db, 1)).toStrictEqual({
      lines: [
        {
          n: 1, text: 'a-', label: body, brk: 'join', hyphen: 'drop',
          why: { label: { rule: 'body-flow', confidence: 0.9 }, brk: { rule: 'full-line', confidence: 0.75, detail: '4.5/4.5' }, hyphen: { rule: 'vocab', confidence: 1 } },
        },
        { n: 2, part: 1, text: 'b', label: body, brk: 'paragraph', edited: true, why: { brk: { rule: 'editor', confidence: 1 } } },
        { n: 2, part: 2, text: 'c', label: body, brk: 'join', edited: false, why: {} },
        { n: 3, text: 'c', label: body, brk: 'paragraph', why: {} },
      ],
      articles: [{ id: 'a1', genre: 'news', authors: [], flags: [] }],
      section: null,
      headlineOrder: 'unknown',
    });
    expect(db.prepare("SELECT n, part FROM lines WHERE source = 'editor'").raw().all()).toEqual([[2, 1]]);
    expect(db.prepare('SELECT proposal FROM pages').pluck().all()).toEqual([null]);
    db.close();
  });

  it('index every page of a version 7 library again, so search hits carry their line text', () => {
    const file = join(tmp.dir, 'v7.db');
    const db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, 7));
    db.exec(`INSERT INTO publications (id, name, created_at) VALUES (1, 'P', 'now');
      INSERT INTO issues (id, publication_id, label, created_at) VALUES (1, 1, 'i', 'now');
      INSERT INTO pages (id, issue_id, number, file, raw_text, sha256, encoding, line_count, imported_at, revision)
        VALUES (1, 1, 1, 'p1.txt', '会议召开', '${'0'.repeat(64)}', 'utf-8', 1, 'now', 1);
      INSERT INTO articles (id, page_id, key, ordinal, genre) VALUES (1, 1, 'a1', 0, 'news');
      INSERT INTO lines (page_id, n, part, text, kind) VALUES (1, 1, 0, '会议召开', 'paragraph');
      INSERT INTO spans (page_id, article_id, role, from_n, from_part, to_n, to_part) VALUES (1, 1, 'body', 1, 0, 1, 0);
      INSERT INTO search_lines (id, page_id, n, part, article_key, tail) VALUES (1, 1, 1, 0, 'a1', '');
      DELETE FROM search_dirty;`);
    db.close();
    const lib = openLibrary(file);
    expect(lib.db.prepare('SELECT page_id FROM search_dirty').pluck().all()).toEqual([1]);
    expect(searchLibrary(lib.db, '会议', 'text', 10).hits).toMatchObject([{ pageId: 1, line: 1, text: '会议召开' }]);
    lib.close();
  });

  it('refuse a list whose numbering has a gap', () => {
    const db = new Database(':memory:');
    const gap: Migration = { version: MIGRATIONS.length + 2, name: 'gap', up: () => undefined };
    expect(() => migrate(db, [...MIGRATIONS, gap])).toThrow(/expected/);
    db.close();
  });
});
