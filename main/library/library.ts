import type Database from 'better-sqlite3';
import type { LibraryTree, PageDetail, PageSummary } from '../../app/contract.js';
import { GalleyError } from '../../app/errors.js';
import { ensureDailyBackup } from '../store/backup.js';
import { openDatabase, type OpenOptions } from '../store/connection.js';
import { storeError } from '../store/errors.js';
import { unfinishedIssues } from '../store/import-runs.js';
import { listIssues } from '../store/issues.js';
import { schemaVersion } from '../store/migrate.js';
import { loadPage } from '../store/annotation/page-cache.js';
import { getPageRow, getRawText, listPages, type PageRow } from '../store/pages.js';
import { listPublications } from '../store/publications.js';
import { pageHistory } from '../edits/edits.js';

/**
 * One open library: its file, its connection and today's backup. Every domain function takes the
 * connection it works on (`importPaths(lib.db, …)`, `getPage(lib.db, …)`), so the worker, browser
 * mode, the CLI and the tests all call them one way.
 */
export interface Library {
  readonly path: string;
  readonly db: Database.Database;
  /** Today's backup, started on open: its file, null when none was due, or why it could not be made. */
  readonly dailyBackup: Promise<string | null | GalleyError>;
  close(): void;
}

export function openLibrary(path: string, options: OpenOptions = {}): Library {
  const db = openDatabase(path, options);
  // Never awaited by the opener: a failed backup must not keep an editor from working, and
  // `galley check` shows when the newest one was made.
  const dailyBackup = ensureDailyBackup(db, path).catch((err: unknown) =>
    err instanceof GalleyError ? err : storeError(err, path) ?? new GalleyError('IO', `backup failed: ${String(err)}`));
  return { path, db, dailyBackup, close: () => db.close() };
}

export function libraryInfo(lib: Library): { libraryPath: string; schemaVersion: number } {
  return { libraryPath: lib.path, schemaVersion: schemaVersion(lib.db) };
}

/** A page with its annotation, raw text and undo/redo state; GalleyError NOT_FOUND for an unknown id. */
export function getPage(db: Database.Database, pageId: number): PageDetail {
  // One snapshot: an edit landing in between cannot mix row, annotation and history.
  return db.transaction((): PageDetail => {
    const row = getPageRow(db, pageId);
    const current = row && loadPage(db, pageId);
    const rawText = getRawText(db, pageId);
    if (!row || !current || rawText === undefined) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
    const { annotation, revision } = current;
    return {
      page: { ...summary(row, annotation.articles.length), sha256: row.sha256, encoding: row.encoding, importedAt: row.importedAt },
      annotation, rawText, history: pageHistory(db, pageId, revision),
    };
  })();
}

/** Publications, their issues and pages, as the library panel lists them. */
export function libraryTree(db: Database.Database): LibraryTree {
  return db.transaction(() => {
    const pagesByIssue = groupBy(listPages(db), (p) => p.issueId);
    const issuesByPublication = groupBy(listIssues(db), (i) => i.publicationId);
    const unfinished = unfinishedIssues(db);
    return {
      // A publication whose issues were all deleted keeps what it learned, but is not listed.
      publications: listPublications(db).filter((pub) => issuesByPublication.has(pub.id)).map((pub) => ({
        id: pub.id,
        name: pub.name,
        issues: (issuesByPublication.get(pub.id) ?? []).map((issue) => ({
          id: issue.id,
          publicationId: pub.id,
          date: issue.date,
          label: issue.label,
          incomplete: unfinished.has(issue.id),
          pages: (pagesByIssue.get(issue.id) ?? []).map((p) => summary(p, p.articleCount)),
        })),
      })),
    };
  })();
}

function summary(row: PageRow, articleCount: number): PageSummary {
  return { id: row.id, issueId: row.issueId, number: row.number, file: row.file, section: row.section, lineCount: row.lineCount - row.finalBreak, articleCount };
}

/** Map.groupBy, which Node 20 does not have yet. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
