import type Database from 'better-sqlite3';
import { prepared } from './statements.js';
import { now } from './time.js';

export { UNTITLED_PUBLICATION } from '../../app/metadata/qa.js';

export interface PublicationRow {
  id: number;
  name: string;
}

/** The publication called `name`, created on first use. */
export function ensurePublication(db: Database.Database, name: string): number {
  const existing = prepared(db, 'SELECT id FROM publications WHERE name = ?').pluck().get(name) as number | undefined;
  if (existing !== undefined) return existing;
  return Number(prepared(db, 'INSERT INTO publications (name, created_at) VALUES (?, ?)').run(name, now()).lastInsertRowid);
}

export function listPublications(db: Database.Database): PublicationRow[] {
  return prepared(db, 'SELECT id, name FROM publications ORDER BY name, id').all() as PublicationRow[];
}

export function getPublication(db: Database.Database, id: number): PublicationRow | undefined {
  return prepared(db, 'SELECT id, name FROM publications WHERE id = ?').get(id) as PublicationRow | undefined;
}

/** Removes the publications no issue belongs to any more. */
export function dropPublicationsWithoutIssues(db: Database.Database): void {
  prepared(db, 'DELETE FROM publications WHERE id NOT IN (SELECT publication_id FROM issues)').run();
}
