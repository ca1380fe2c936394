import type Database from 'better-sqlite3';
import type { Events } from '../../app/contract.js';
import { dataVersion } from '../store/connection.js';
import { pageRevisions } from '../store/pages.js';

/**
 * Watches for page changes another process committed to the same library file (a second
 * browser-mode server, the CLI) and reports each changed page once. Returns the check to call on a
 * timer: it costs one PRAGMA while nothing changed, because SQLite's `data_version` moves only when
 * another connection commits; then one pass over the pages' revisions (edits, undos and redos all
 * bump it). Pages imported or deleted there are reported as one change of the library (its tree).
 * This process's own edits are announced by the edit handlers as they happen.
 */
export function watchOtherWriters(db: Database.Database, report: (changed: Events['page:changed']) => void, pagesAddedOrGone: () => void): () => void {
  let version = dataVersion(db);
  let known = pageRevisions(db);
  return () => {
    const now = dataVersion(db);
    if (now === version) return;
    version = now;
    const current = pageRevisions(db);
    for (const [pageId, revision] of current) {
      const before = known.get(pageId);
      if (before !== undefined && before !== revision) report({ pageId, revision });
    }
    if (current.size !== known.size || [...current.keys()].some((pageId) => !known.has(pageId))) pagesAddedOrGone();
    known = current;
  };
}
