import type { Migration } from './migration.js';

/**
 * The trash keeps a deleted issue or page as its rows, exactly as they were (`trash_rows`: a row's
 * columns as JSON, its one BLOB column, a PDF or a scan, beside them), so a restore gives back
 * everything that hung on it: scans, PDFs, line boxes, links, journal rows with their editors.
 * `trash_pages` holds the ids of the pages deleted: they are never given to another page, so a
 * restored page comes back under its own id and every row naming it (another page's journal, a
 * link) holds again. An entry deleted for good leaves its pages' ids there with no entry.
 * A later migration that changes a page or issue table changes the rows kept here the same way.
 */
export const trashRows: Migration = {
  version: 17,
  name: 'trash_rows',
  up(db) {
    db.exec(`
      CREATE TABLE trash_rows (
        id INTEGER PRIMARY KEY,
        trash_id INTEGER NOT NULL REFERENCES trash(id) ON DELETE CASCADE,
        tbl TEXT NOT NULL,
        row TEXT NOT NULL CHECK (json_valid(row) AND json_type(row) = 'object'),
        blob_column TEXT,
        bytes BLOB,
        CHECK ((blob_column IS NULL) = (bytes IS NULL))
      ) STRICT;
      CREATE INDEX trash_rows_by_entry ON trash_rows (trash_id, tbl);
      CREATE TABLE trash_pages (
        page_id INTEGER PRIMARY KEY,
        trash_id INTEGER REFERENCES trash(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX trash_pages_by_entry ON trash_pages (trash_id);
    `);
  },
};
