import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

// Row ids a table gives out and the times rows were written differ between a library and the same
// library after a delete and restore; everything else must not.
const TIMES = new Set(['at', 'imported_at', 'created_at', 'updated_at', 'finished_at']);

/**
 * Every row of every table that hangs on a page or an issue (a foreign key to `pages` or
 * `issues`, found in the schema, so a table a later migration adds is in it too), each as JSON,
 * sorted: row ids and timestamps left out, a row named by another by what it is (a page by its
 * issue, number and sha256; an article by its key; a PDF by its sha256), BLOBs by their sha256.
 * Rows that name no page or issue (a journal row of a delete) are left out.
 */
export function pageTablesDump(db: Database.Database): Record<string, string[]> {
  const page = (id: unknown) => id === null ? null : db.prepare("SELECT i.label || ' ' || coalesce(i.date, '') || ' p' || p.number || ' ' || p.sha256 FROM pages p JOIN issues i ON i.id = p.issue_id WHERE p.id = ?").pluck().get(id) ?? `gone page ${String(id)}`;
  const refs: Record<string, (id: unknown) => unknown> = {
    page_id: page, from_page_id: page, to_page_id: page,
    issue_id: (id) => db.prepare("SELECT label || ' ' || coalesce(date, '') FROM issues WHERE id = ?").pluck().get(id),
    publication_id: (id) => db.prepare('SELECT name FROM publications WHERE id = ?').pluck().get(id),
    article_id: (id) => id === null ? null : db.prepare('SELECT key FROM articles WHERE id = ?').pluck().get(id),
    source_id: (id) => id === null ? null : db.prepare('SELECT sha256 FROM page_sources WHERE id = ?').pluck().get(id),
  };
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[])
    .filter((t) => t === 'pages' || t === 'issues' || (db.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(t) as string[]).some((r) => r === 'pages' || r === 'issues'));
  const dump: Record<string, string[]> = {};
  for (const table of tables.sort()) {
    const info = db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(table) as { name: string; type: string; pk: number }[];
    const rowId = info.filter((c) => c.pk > 0).length === 1 ? info.find((c) => c.pk === 1 && c.type === 'INTEGER')?.name : undefined;
    const named = info.filter((c) => c.name in refs && c.name !== 'publication_id').map((c) => c.name);
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    dump[table] = rows
      .filter((r) => table === 'pages' || table === 'issues' || named.some((c) => r[c] !== null))
      .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => k !== rowId && !TIMES.has(k)).map(([k, v]) => [
        k, Buffer.isBuffer(v) ? `sha256:${createHash('sha256').update(v).digest('hex')}` : k in refs ? refs[k]!(v) : v,
      ]))))
      .sort();
  }
  return dump;
}
