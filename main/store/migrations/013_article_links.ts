import type { Migration } from './migration.js';

/**
 * An article a paper runs over two pages (转第2版 … 上接第1版) is one article in two parts: a row
 * says that the part `from_article` on one page goes on as `to_article` on another page of the
 * same issue. Each part goes on at most once and is the rest of at most one, so parts chain in order.
 */
export const articleLinks: Migration = {
  version: 13,
  name: 'article_links',
  up(db) {
    db.exec(`
      CREATE TABLE article_links (
        from_page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        from_article TEXT NOT NULL,
        to_page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        to_article TEXT NOT NULL,
        CHECK (from_page_id <> to_page_id),
        PRIMARY KEY (from_page_id, from_article),
        UNIQUE (to_page_id, to_article)
      ) STRICT;
    `);
  },
};
