import type { Migration } from './migration.js';

/**
 * Which files an import of paths was asked to read into an issue, and whether it got to the end.
 * An import cut short (the app closed, the machine stopped) leaves its issue unfinished: the
 * library says so, and the same import run again goes on into that issue, skipping the pages it
 * already holds, instead of starting a second copy.
 */
export const importRuns: Migration = {
  version: 16,
  name: 'import_runs',
  up(db) {
    db.exec(`
      CREATE TABLE import_runs (
        issue_id INTEGER PRIMARY KEY REFERENCES issues(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX import_runs_unfinished ON import_runs (source) WHERE finished_at IS NULL;
    `);
  },
};
