import type { Migration } from './migration.js';

/**
 * A page imported from ALTO, PAGE-XML, hOCR or METS keeps the scan given with it (page_images: as a
 * browser draws it, JPEG or PNG; a TIFF is stored as the PNG it was decoded to), so the library stays
 * one portable file. A METS page also keeps its logical structure (page_geometry.articles: per
 * article, the raw line numbers of its areas), the page's starting segmentation on every re-run.
 */
export const pageImages: Migration = {
  version: 14,
  name: 'page_images',
  up(db) {
    db.exec(`
      CREATE TABLE page_images (
        page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL
      ) STRICT;
      ALTER TABLE page_geometry ADD COLUMN articles TEXT CHECK (articles IS NULL OR json_valid(articles));
    `);
  },
};
