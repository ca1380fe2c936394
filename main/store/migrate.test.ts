import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { GALLEY_APPLICATION_ID, migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';
import { tempDir } from './testing.js';

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
      'article_metadata', 'article_tags', 'article_terms', 'articles', 'edit_journal', 'issues', 'lines', 'pages',
      'publications', 'search_dirty', 'search_grams', 'search_grams_config', 'search_grams_data', 'search_grams_docsize',
      'search_grams_idx', 'search_lines', 'spans', 'tags', 'term_grams', 'term_grams_config', 'term_grams_data', 'term_grams_docsize',
      'term_grams_idx',
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

  it('refuse a list whose numbering has a gap', () => {
    const db = new Database(':memory:');
    const gap: Migration = { version: MIGRATIONS.length + 2, name: 'gap', up: () => undefined };
    expect(() => migrate(db, [...MIGRATIONS, gap])).toThrow(/expected/);
    db.close();
  });
});
