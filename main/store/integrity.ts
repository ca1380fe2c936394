import type Database from 'better-sqlite3';
import { validateAnnotation } from '../../app/edits/validate.js';
import { GalleyError } from '../../app/errors.js';
import type { PageAnnotation } from '../../app/model/page.js';
import { labelRuns } from './annotation/annotation-rows.js';
import { getPageAnnotation } from './annotation/annotations.js';
import { schemaVersion } from './migrate.js';
import { LATEST_SCHEMA_VERSION } from './migrations/index.js';

export const COUNTED_TABLES = [
  'publications', 'issues', 'pages', 'lines', 'articles', 'spans', 'edit_journal',
] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

export interface IntegrityReport {
  /** True when SQLite, the foreign keys, the search index and every page's annotation check out. */
  ok: boolean;
  /** PRAGMA integrity_check's rows: ['ok'] when the file is sound. */
  integrity: string[];
  /** One line per row that points at a missing parent. */
  foreignKeys: string[];
  /** 'ok' or the search index's complaint. */
  search: string;
  /** One line per page problem: an annotation that does not validate, a missing source line, spans that are not the runs of the labels. */
  annotations: string[];
  schemaVersion: number;
  latestSchemaVersion: number;
  /** Rows per table; lines and spans include those of unedited pages, which are stored in one value each. */
  counts: Record<CountedTable, number>;
  /** Pages nobody has edited yet, stored as the engine proposed them. */
  uneditedPages: number;
}

export function checkIntegrity(db: Database.Database): IntegrityReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
  const foreignKeys = (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[])
    .map((r) => `${r.table} row ${r.rowid} points at a missing ${r.parent} row`);
  let search = 'ok';
  const ftsTables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'").pluck().all() as string[];
  for (const table of ftsTables) {
    try {
      db.exec(`INSERT INTO "${table}" ("${table}") VALUES ('integrity-check')`);
    } catch (err) {
      search = `search index ${table}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  const annotations = checkAnnotations(db);
  const counts = Object.fromEntries(COUNTED_TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number])) as
    Record<CountedTable, number>;
  // Lines and spans of pages still stored as the engine's proposal count as the rows they become.
  const proposed = db.prepare(`SELECT count(*) AS pages, coalesce(sum(line_count), 0) AS lines,
      coalesce(sum(CASE WHEN json_valid(proposal) THEN json_array_length(proposal, '$.s') END), 0) AS spans,
      coalesce(sum(proposal_articles), 0) AS articles
    FROM pages WHERE proposal IS NOT NULL`).get() as { pages: number; lines: number; spans: number; articles: number };
  counts.lines += proposed.lines;
  counts.spans += proposed.spans;
  counts.articles += proposed.articles;
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0 && search === 'ok' && annotations.length === 0,
    integrity, foreignKeys, search, annotations,
    schemaVersion: schemaVersion(db), latestSchemaVersion: LATEST_SCHEMA_VERSION, counts, uneditedPages: proposed.pages,
  };
}

/**
 * Edits write single rows of lines, breaks and spans, so the check reads every page back as the
 * editor would and asks whether it is whole: every source line there, labels sound, and exactly
 * one span per run of equally labelled lines (overlapping or split spans would misread). A page
 * stored as the engine's proposal must decode against its source text and have no rows besides.
 */
function checkAnnotations(db: Database.Database): string[] {
  const pages = db.prepare(`SELECT id, line_count AS lineCount, proposal IS NOT NULL AS proposed, proposal_articles AS proposalArticles,
      (SELECT count(*) FROM spans s WHERE s.page_id = p.id) AS spans, (SELECT count(*) FROM lines l WHERE l.page_id = p.id) AS lineRows,
      (SELECT count(*) FROM articles a WHERE a.page_id = p.id) AS articleRows
    FROM pages p ORDER BY id`).all() as
    { id: number; lineCount: number; proposed: number; proposalArticles: number | null; spans: number; lineRows: number; articleRows: number }[];
  return pages.flatMap(({ id, lineCount, proposed, proposalArticles, spans, lineRows, articleRows }) => {
    let page: PageAnnotation;
    try {
      page = getPageAnnotation(db, id)!;
    } catch (err) {
      return [err instanceof GalleyError ? err.message : `page ${id}: cannot be read (${String(err)})`];
    }
    const problems = validateAnnotation(page);
    const last = page.lines[page.lines.length - 1]?.n ?? 0;
    if (last !== lineCount) problems.push(`has source lines up to ${last}, its raw text ${lineCount}`);
    const runs = labelRuns(page.lines).length;
    if (proposed && (spans > 0 || lineRows > 0 || articleRows > 0)) {
      problems.push(`has a stored proposal and ${lineRows} line rows, ${spans} spans, ${articleRows} article rows besides`);
    }
    if (proposed && proposalArticles !== page.articles.length) problems.push(`counts ${proposalArticles} articles for the ${page.articles.length} of its proposal`);
    if (!proposed && spans !== runs) problems.push(`has ${spans} spans for ${runs} runs of labelled lines`);
    return problems.map((problem) => `page ${id}: ${problem}`);
  });
}
