import type Database from 'better-sqlite3';
import { prepared } from './statements.js';
import { now } from './time.js';

// An import of paths into an issue, until it reaches its end (migration 016).

export function startImportRun(db: Database.Database, issueId: number, source: string): void {
  prepared(db, 'INSERT INTO import_runs (issue_id, source) VALUES (?, ?)').run(issueId, source);
}

export function finishImportRun(db: Database.Database, issueId: number): void {
  prepared(db, 'UPDATE import_runs SET finished_at = ? WHERE issue_id = ? AND finished_at IS NULL').run(now(), issueId);
}

/** The latest issue an import of the same paths began and did not finish. */
export function unfinishedImport(db: Database.Database, source: string): number | undefined {
  return prepared(db, 'SELECT issue_id FROM import_runs WHERE source = ? AND finished_at IS NULL ORDER BY issue_id DESC LIMIT 1').pluck().get(source) as number | undefined;
}

/** The issues whose import has not reached its end. */
export function unfinishedIssues(db: Database.Database): Set<number> {
  return new Set(prepared(db, 'SELECT issue_id FROM import_runs WHERE finished_at IS NULL').pluck().all() as number[]);
}

/** The pages an issue holds, by content hash, with their file names. */
export function pageHashes(db: Database.Database, issueId: number): Map<string, string> {
  return new Map(prepared(db, 'SELECT sha256, file FROM pages WHERE issue_id = ?').raw().all(issueId) as [string, string][]);
}
