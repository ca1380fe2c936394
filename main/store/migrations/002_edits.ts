import type { Migration } from './migration.js';

const jsonOrNull = (column: string) => `CHECK (${column} IS NULL OR json_valid(${column}))`;

/** What the editor needs on top of 001: the engine's hyphen choices, a page revision, and a journal that undo/redo can walk. */
export const edits: Migration = {
  version: 2,
  name: 'edits',
  up(db) {
    db.exec(`
      -- The hyphen choice belongs to the line end, like the break: whether a hyphen before a join
      -- stays (well-known) or goes (news-paper). NULL: decided when the text is derived.
      ALTER TABLE line_breaks ADD COLUMN hyphen TEXT CHECK (hyphen IS NULL OR hyphen IN ('keep', 'drop'));
      ALTER TABLE line_breaks ADD COLUMN hyphen_reason TEXT ${jsonOrNull('hyphen_reason')};

      -- Grows with every write to a page's annotation (edit, undo, redo, re-save), so a cached
      -- annotation is known stale with one lookup, whichever process wrote.
      ALTER TABLE pages ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

      -- params: the operation as the editor asked for it (provenance; payload holds its effect).
      -- discarded: an undone edit that a later edit replaced; kept as history, never redone.
      ALTER TABLE edit_journal ADD COLUMN params TEXT ${jsonOrNull('params')};
      ALTER TABLE edit_journal ADD COLUMN discarded INTEGER NOT NULL DEFAULT 0 CHECK (discarded IN (0, 1) AND (discarded = 0 OR undone = 1));
      -- The redo stack is the few undone, not discarded entries of a page: found without a scan.
      CREATE INDEX edit_journal_redo ON edit_journal(page_id, id) WHERE undone = 1 AND discarded = 0;
    `);
  },
};
