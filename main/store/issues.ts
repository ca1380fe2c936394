import type Database from 'better-sqlite3';
import { prepared } from './statements.js';
import { now } from './time.js';

export interface IssueRow {
  id: number;
  publicationId: number;
  date: string | null;
  label: string;
  createdAt: string;
}

const COLUMNS = 'id, publication_id AS publicationId, date, label, created_at AS createdAt';

export function createIssue(db: Database.Database, issue: { publicationId: number; date: string | null; label: string }): number {
  return Number(
    prepared(db, 'INSERT INTO issues (publication_id, date, label, created_at) VALUES (?, ?, ?, ?)')
      .run(issue.publicationId, issue.date, issue.label, now()).lastInsertRowid,
  );
}

export function getIssue(db: Database.Database, id: number): IssueRow | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM issues WHERE id = ?`).get(id) as IssueRow | undefined;
}

/** All issues, newest date first within a publication; undated issues last. */
export function listIssues(db: Database.Database): IssueRow[] {
  return prepared(db, `SELECT ${COLUMNS} FROM issues ORDER BY publication_id, date IS NULL, date DESC, id`).all() as IssueRow[];
}

/** Sets the fields given of an issue: its publication, date (null: undated) and label. */
export function setIssueFields(db: Database.Database, issueId: number, fields: { publicationId?: number; date?: string | null; label?: string }): void {
  if (fields.publicationId !== undefined) prepared(db, 'UPDATE issues SET publication_id = ? WHERE id = ?').run(fields.publicationId, issueId);
  if (fields.date !== undefined) prepared(db, 'UPDATE issues SET date = ? WHERE id = ?').run(fields.date, issueId);
  if (fields.label !== undefined) prepared(db, 'UPDATE issues SET label = ? WHERE id = ?').run(fields.label, issueId);
}
