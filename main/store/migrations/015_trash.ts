import type { Migration } from './migration.js';

/**
 * Deleted issues and pages, restorable: a deleted one leaves its tables (so search, QA and export
 * never meet it) and is kept here whole, as the issue export it would have written (raw text,
 * every decision, metadata, its journal), with where it stood. A page's `issue_id` names the
 * issue it goes back into while that issue exists; `position` its number there.
 */
export const trash: Migration = {
  version: 15,
  name: 'trash',
  up(db) {
    db.exec(`
      CREATE TABLE trash (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('issue', 'page')),
        label TEXT NOT NULL,
        issue_id INTEGER,
        position INTEGER CHECK ((kind = 'page') = (position IS NOT NULL)),
        pages INTEGER NOT NULL CHECK (pages >= 0),
        document TEXT NOT NULL CHECK (json_valid(document)),
        deleted_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
