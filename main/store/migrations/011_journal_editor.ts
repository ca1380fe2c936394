import type { Migration } from './migration.js';

/**
 * Which editor made each page edit (a random id the app keeps per user profile), so that undo in
 * one window never reverts an edit another editor made on the same page. Rows from before are
 * nobody's in particular: anyone may undo them, as before.
 */
export const journalEditor: Migration = {
  version: 11,
  name: 'journal_editor',
  up(db) {
    db.exec('ALTER TABLE edit_journal ADD COLUMN editor TEXT CHECK (editor IS NULL OR length(editor) BETWEEN 1 AND 64)');
  },
};
