import type Database from 'better-sqlite3';
import { schemaVersion } from './migrate.js';
import { LATEST_SCHEMA_VERSION } from './migrations/index.js';

export const COUNTED_TABLES = [
  'publications', 'issues', 'pages', 'lines', 'articles', 'spans', 'line_breaks', 'tags', 'article_tags', 'edit_journal',
] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

export interface IntegrityReport {
  /** True when SQLite, the foreign keys and both search indexes all check out. */
  ok: boolean;
  /** PRAGMA integrity_check's rows: ['ok'] when the file is sound. */
  integrity: string[];
  /** One line per row that points at a missing parent. */
  foreignKeys: string[];
  /** 'ok' or the search index's complaint. */
  search: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  counts: Record<CountedTable, number>;
}

export function checkIntegrity(db: Database.Database): IntegrityReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
  const foreignKeys = (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[])
    .map((r) => `${r.table} row ${r.rowid} points at a missing ${r.parent} row`);
  let search = 'ok';
  try {
    db.exec("INSERT INTO line_fts (line_fts) VALUES ('integrity-check')");
  } catch (err) {
    search = `line search index: ${err instanceof Error ? err.message : String(err)}`;
  }
  const counts = Object.fromEntries(COUNTED_TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number])) as
    Record<CountedTable, number>;
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0 && search === 'ok',
    integrity, foreignKeys, search,
    schemaVersion: schemaVersion(db), latestSchemaVersion: LATEST_SCHEMA_VERSION, counts,
  };
}
