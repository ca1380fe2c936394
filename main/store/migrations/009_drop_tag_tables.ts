import type { Migration } from './migration.js';

/**
 * The first schema kept article tags in tags/article_tags; metadata (003) stores them with the
 * article's other metadata and indexes them in article_terms, and nothing ever wrote the old
 * tables. They go, so the schema says only what the app uses.
 */
export const dropTagTables: Migration = {
  version: 9,
  name: 'drop_tag_tables',
  up(db) {
    db.exec(`
      DROP INDEX article_tags_by_tag;
      DROP TABLE article_tags;
      DROP TABLE tags;
    `);
  },
};
