import type { Migration } from './migration.js';

/**
 * Search moved to the deferred character index of 003 (search_fts, filled from search_dirty after
 * the write), so the trigram indexes written inside every import and edit go: line_fts cost a
 * trigram posting per character of every line stored, and article_fts a render of every touched
 * article, while answering nothing the character index does not.
 */
export const deferredSearch: Migration = {
  version: 4,
  name: 'deferred_search',
  up(db) {
    db.exec(`
      DROP TRIGGER lines_fts_insert;
      DROP TRIGGER lines_fts_delete;
      DROP TRIGGER lines_fts_update;
      DROP TABLE line_fts;
      DROP TRIGGER articles_fts_delete;
      DROP TABLE article_fts;
    `);
  },
};
