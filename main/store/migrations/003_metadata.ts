import type { Migration } from './migration.js';

/** Article metadata and tags, and a search index that answers one- and two-character CJK queries. */
export const metadata: Migration = {
  version: 3,
  name: 'metadata',
  up(db) {
    db.exec(`
      -- Keyed by the article's page-scoped key, not by articles.id, and without a foreign key to
      -- articles: merging two articles deletes one row of articles, and undoing the merge brings
      -- the key back; its metadata must still be there. A key no article has is kept and ignored.
      -- data is the whole ArticleMetadata (checked by zod on the way in and out); anchored_text is
      -- the article text its entity offsets were last placed in, so a changed text is noticed.
      CREATE TABLE article_metadata (
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        article_key TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'),
        anchored_text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (page_id, article_key)
      ) STRICT, WITHOUT ROWID;

      -- What search and autocomplete find an article by, one row per value: its resolved title
      -- parts, authors, keywords, tags and entity names (kind), and the line to open it at.
      CREATE TABLE article_terms (
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        article_key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('title', 'author', 'keyword', 'tag', 'person', 'place', 'org')),
        text TEXT NOT NULL,
        n INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX article_terms_by_kind ON article_terms(kind, text);
      CREATE INDEX article_terms_by_page ON article_terms(page_id);

      -- One row per stored line in the character index (search_grams, rowid = id). tail is the head
      -- of the line it joins in its paragraph, so a word broken over two lines is found too.
      CREATE TABLE search_lines (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        part INTEGER NOT NULL,
        article_key TEXT,
        tail TEXT NOT NULL
      ) STRICT;
      CREATE INDEX search_lines_by_page ON search_lines(page_id);
      CREATE VIRTUAL TABLE search_grams USING fts5(text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER search_lines_delete AFTER DELETE ON search_lines BEGIN
        DELETE FROM search_grams WHERE rowid = old.id;
      END;

      -- Pages whose search rows are out of date. Triggers mark a page whatever writes it (an
      -- import, an edit, an undo, another process); the search service re-indexes marked pages
      -- before it answers, a few at a time, and says when some are still waiting.
      CREATE TABLE search_dirty (page_id INTEGER PRIMARY KEY) STRICT;
      INSERT INTO search_dirty (page_id) SELECT id FROM pages;
      CREATE TRIGGER search_dirty_line_insert AFTER INSERT ON lines BEGIN
        INSERT OR IGNORE INTO search_dirty (page_id) VALUES (new.page_id);
      END;
      CREATE TRIGGER search_dirty_line_update AFTER UPDATE OF text ON lines BEGIN
        INSERT OR IGNORE INTO search_dirty (page_id) VALUES (new.page_id);
      END;
      CREATE TRIGGER search_dirty_line_delete AFTER DELETE ON lines BEGIN
        INSERT OR IGNORE INTO search_dirty (page_id) VALUES (old.page_id);
      END;
      CREATE TRIGGER search_dirty_break AFTER UPDATE ON line_breaks BEGIN
        INSERT OR IGNORE INTO search_dirty (page_id) VALUES (new.page_id);
      END;
      CREATE TRIGGER search_dirty_span_insert AFTER INSERT ON spans BEGIN
        INSERT OR IGNORE INTO search_dirty (page_id) VALUES (new.page_id);
      END;
      CREATE TRIGGER search_dirty_span_delete AFTER DELETE ON spans BEGIN
        INSERT OR IGNORE INTO search_dirty (page_id) VALUES (old.page_id);
      END;
      CREATE TRIGGER search_dirty_article_write AFTER UPDATE ON articles BEGIN
        INSERT OR IGNORE INTO search_dirty (page_id) VALUES (new.page_id);
      END;
      CREATE TRIGGER search_dirty_page_delete AFTER DELETE ON pages BEGIN
        DELETE FROM search_dirty WHERE page_id = old.id;
      END;
    `);
  },
};
