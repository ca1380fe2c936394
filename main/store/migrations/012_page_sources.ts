import type { Migration } from './migration.js';

/**
 * Pages imported from PDF, ALTO, PAGE-XML or hOCR keep where each line stands on the printed page
 * (page_geometry, one row per page: size, unit, one box per raw line as JSON), and a PDF keeps its
 * bytes once per issue (page_sources) so the page can be drawn beside its text and the library
 * stays one portable file.
 */
export const pageSources: Migration = {
  version: 12,
  name: 'page_sources',
  up(db) {
    db.exec(`
      CREATE TABLE page_sources (
        id INTEGER PRIMARY KEY,
        issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('pdf')),
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL
      ) STRICT;
      CREATE INDEX page_sources_by_issue ON page_sources (issue_id);
      CREATE TABLE page_geometry (
        page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
        width REAL NOT NULL CHECK (width > 0),
        height REAL NOT NULL CHECK (height > 0),
        unit TEXT NOT NULL CHECK (unit IN ('pt', 'pixel', 'mm10', 'inch1200')),
        lines TEXT NOT NULL CHECK (json_valid(lines)),
        source_id INTEGER REFERENCES page_sources(id) ON DELETE CASCADE,
        source_page INTEGER CHECK ((source_id IS NULL) = (source_page IS NULL))
      ) STRICT;
      CREATE INDEX page_geometry_by_source ON page_geometry (source_id);
    `);
  },
};
