import { termGrams } from '../../../app/search/grams.js';
import type { Migration } from './migration.js';

/** Terms per page that fit between one page's article_terms ids and the next page's. */
const TERM_SLOTS = 2 ** 20;

/**
 * Title, author and tag search becomes an index lookup. article_terms gets an id (page_id × 2^20
 * + the term's place in its page by line) that the new character index term_grams shares as its
 * rowid, so the index hands its matches over in library order and a LIMIT stops at the first ones;
 * an explicit INTEGER PRIMARY KEY also keeps the ids through VACUUM. The index is filled here from
 * the rows already written, so search stays complete across the upgrade.
 */
export const termIndex: Migration = {
  version: 5,
  name: 'term_index',
  up(db) {
    db.exec(`
      CREATE TABLE article_terms_new (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        article_key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('title', 'author', 'keyword', 'tag', 'person', 'place', 'org')),
        text TEXT NOT NULL,
        n INTEGER NOT NULL
      ) STRICT;
      INSERT INTO article_terms_new (id, page_id, article_key, kind, text, n)
        SELECT page_id * ${TERM_SLOTS} + row_number() OVER (PARTITION BY page_id ORDER BY n, rowid) - 1, page_id, article_key, kind, text, n
        FROM article_terms;
      DROP TABLE article_terms;
      ALTER TABLE article_terms_new RENAME TO article_terms;
      CREATE INDEX article_terms_by_kind ON article_terms(kind, text);
      CREATE INDEX article_terms_by_page ON article_terms(page_id);

      -- kind and text as the character index has them, and sfx, the suffixes of the text's
      -- non-CJK words (termGrams), rowid = article_terms.id.
      CREATE VIRTUAL TABLE term_grams USING fts5(kind, text, sfx, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER article_terms_delete AFTER DELETE ON article_terms BEGIN
        DELETE FROM term_grams WHERE rowid = old.id;
      END;
    `);
    const insert = db.prepare('INSERT INTO term_grams (rowid, kind, text, sfx) VALUES (?, ?, ?, ?)');
    for (const row of db.prepare('SELECT id, kind, text FROM article_terms ORDER BY id').all() as { id: number; kind: string; text: string }[]) {
      const grams = termGrams(row.text);
      insert.run(row.id, row.kind, grams.text, grams.sfx);
    }
  },
};
