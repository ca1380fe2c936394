import type { Migration } from './migration.js';

/**
 * A search hit shows its line's text, which was read from the lines table; a page stored as the
 * engine's proposal (007) has no line rows, and reading its source text per hit made a search
 * several times slower. The index keeps each line's text itself now; every page is indexed again
 * in the background to fill it.
 */
export const searchLineText: Migration = {
  version: 8,
  name: 'search_line_text',
  up(db) {
    db.exec(`
      ALTER TABLE search_lines ADD COLUMN text TEXT NOT NULL DEFAULT '';
      INSERT OR IGNORE INTO search_dirty (page_id) SELECT id FROM pages;
    `);
  },
};
