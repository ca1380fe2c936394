import type Database from 'better-sqlite3';
import type { AnnotatedLine, ArticleMeta, LineLabel, Reason } from '../../../app/model/page.js';
import { prepared } from '../statements.js';

// Row-level writers shared by saving a whole annotation and by applying one edit's patch, so both
// store a line, an article and a span the same way.

/** The rule of a Reason written for a decision a person made, so it can be told from the engine's. */
export const EDITOR_RULE = 'editor';

/** Where a line sits: source line n, or part `part` of it once split (absent or 0: not split). */
export interface LinePosition {
  n: number;
  part?: number;
}

export function compareLines(a: LinePosition, b: LinePosition): number {
  return a.n - b.n || (a.part ?? 0) - (b.part ?? 0);
}

export function json(value: Reason | undefined): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

// A line and the decision at its end are one row; each Reason is three columns (rule NULL: none).
const LINE_COLUMNS = `(page_id, n, part, text, edited, kind, hyphen, label_rule, label_confidence, label_detail,
  brk_rule, brk_confidence, brk_detail, hyphen_rule, hyphen_confidence, hyphen_detail)`;
const LINE_WIDTH = 16;
/**
 * Rows a multi-row INSERT carries: an import stores a page's lines in a few statements instead of
 * one per line. A page's last chunk is shorter; its statement is prepared once per size and kept.
 */
const ROWS_PER_INSERT = 64;
const sqlByRows = new Map<string, string>();
/** The multi-row INSERT for `rows` rows, built once: a page's chunks reuse the same string (and so its prepared statement). */
function insertSql(into: string, columns: number, rows: number): string {
  const key = `${into}/${rows}`;
  let sql = sqlByRows.get(key);
  if (sql === undefined) {
    sql = `INSERT INTO ${into} VALUES ${Array(rows).fill(`(${Array(columns).fill('?').join(', ')})`).join(', ')}`;
    sqlByRows.set(key, sql);
  }
  return sql;
}

/**
 * Inserts `items` as rows of `into` (its table and column list) in multi-row statements; `fill`
 * writes one item's `width` values into `params` from index k.
 */
function insertRows<T>(db: Database.Database, into: string, width: number, items: readonly T[], fill: (params: unknown[], k: number, item: T) => void): void {
  for (let from = 0; from < items.length; from += ROWS_PER_INSERT) {
    const to = Math.min(items.length, from + ROWS_PER_INSERT);
    const params: unknown[] = new Array((to - from) * width);
    for (let i = from; i < to; i++) fill(params, (i - from) * width, items[i]!);
    prepared(db, insertSql(into, width, to - from)).run(params);
  }
}

/** Inserts lines with their break and hyphen choice (which sit at the same line end). */
export function insertLines(db: Database.Database, pageId: number, lines: readonly AnnotatedLine[]): void {
  insertRows(db, `lines ${LINE_COLUMNS}`, LINE_WIDTH, lines, (params, k, line) => {
    params[k] = pageId;
    params[k + 1] = line.n;
    params[k + 2] = line.part ?? 0;
    params[k + 3] = line.text;
    params[k + 4] = edited(line);
    params[k + 5] = line.brk;
    params[k + 6] = line.hyphen ?? null;
    reasonParams(params, reasonParams(params, reasonParams(params, k + 7, line.why.label), line.why.brk), line.why.hyphen);
  });
}

/** Rewrites a line in place; the text only when it changed, so a correction is told from a relabel. */
export function updateLine(db: Database.Database, pageId: number, line: AnnotatedLine, textChanged: boolean): void {
  const decision = `edited = ?, kind = ?, hyphen = ?, label_rule = ?, label_confidence = ?, label_detail = ?,
    brk_rule = ?, brk_confidence = ?, brk_detail = ?, hyphen_rule = ?, hyphen_confidence = ?, hyphen_detail = ?`;
  const params: unknown[] = [edited(line), line.brk, line.hyphen ?? null];
  let k = 3;
  k = reasonParams(params, k, line.why.label);
  k = reasonParams(params, k, line.why.brk);
  reasonParams(params, k, line.why.hyphen);
  const key = [pageId, line.n, line.part ?? 0];
  if (textChanged) {
    prepared(db, `UPDATE lines SET text = ?, ${decision} WHERE page_id = ? AND n = ? AND part = ?`).run(line.text, ...params, ...key);
  } else {
    prepared(db, `UPDATE lines SET ${decision} WHERE page_id = ? AND n = ? AND part = ?`).run(...params, ...key);
  }
}

const edited = (line: AnnotatedLine): number | null => (line.edited === undefined ? null : Number(line.edited));

function reasonParams(params: unknown[], k: number, reason: Reason | undefined): number {
  params[k] = reason === undefined ? null : reason.rule;
  params[k + 1] = reason === undefined ? null : reason.confidence;
  params[k + 2] = reason?.detail ?? null;
  return k + 3;
}

/** The Reason stored in a line's three columns for it (rule NULL: none). */
export function reasonOf(rule: string | null, confidence: number | null, detail: string | null): Reason | undefined {
  if (rule === null) return undefined;
  const reason: Reason = { rule, confidence: confidence! };
  if (detail !== null) reason.detail = detail;
  return reason;
}

/** Inserts or updates an article by its page-scoped key, so its row id (and what points at it) survives; returns the id. */
export function upsertArticle(db: Database.Database, pageId: number, meta: ArticleMeta, ordinal: number): number {
  // UPDATE, then INSERT when there was nothing to update, rather than an upsert: an upsert's conflict
  // policy overrides the one of every statement its triggers run.
  const values = [ordinal, meta.genre, JSON.stringify(meta.authors), JSON.stringify(meta.flags), json(meta.why)];
  const updated = prepared(db, 'UPDATE articles SET ordinal = ?, genre = ?, authors = ?, flags = ?, reason = ? WHERE page_id = ? AND key = ? RETURNING id')
    .pluck().get(...values, pageId, meta.id) as number | undefined;
  return updated ?? prepared(db, 'INSERT INTO articles (ordinal, genre, authors, flags, reason, page_id, key) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id')
    .pluck().get(...values, pageId, meta.id) as number;
}

/**
 * Makes the page's articles exactly `articles` (in this order) and returns their row ids by key:
 * one read of the ids already there, then an UPDATE for a kept key (its id survives), an INSERT
 * for a new one and a DELETE for a key that went. A page stored for the first time only inserts.
 */
export function writeArticles(db: Database.Database, pageId: number, articles: readonly ArticleMeta[]): Map<string, number> {
  const existing = new Map((prepared(db, 'SELECT key, id FROM articles WHERE page_id = ?').raw().all(pageId) as [string, number][]));
  const ids = new Map<string, number>();
  articles.forEach((meta, ordinal) => {
    const values = [ordinal, meta.genre, JSON.stringify(meta.authors), JSON.stringify(meta.flags), json(meta.why)];
    const id = existing.get(meta.id);
    if (id === undefined) {
      ids.set(meta.id, prepared(db, 'INSERT INTO articles (ordinal, genre, authors, flags, reason, page_id, key) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id')
        .pluck().get(...values, pageId, meta.id) as number);
    } else {
      prepared(db, 'UPDATE articles SET ordinal = ?, genre = ?, authors = ?, flags = ?, reason = ? WHERE id = ?').run(...values, id);
      ids.set(meta.id, id);
    }
  });
  for (const [key, id] of existing) if (!ids.has(key)) prepared(db, 'DELETE FROM articles WHERE id = ?').run(id);
  return ids;
}

export function articleRowId(db: Database.Database, pageId: number, key: string): number | undefined {
  return prepared(db, 'SELECT id FROM articles WHERE page_id = ? AND key = ?').pluck().get(pageId, key) as number | undefined;
}

export interface LabelRun {
  label: LineLabel;
  from: LinePosition;
  to: LinePosition;
}

/**
 * Maximal runs of stored lines with the same label: what the spans table holds. An unlabelled
 * (blank) line ends a run, so a span never covers a stored line it does not label and the
 * annotation reads back exactly.
 */
export function labelRuns(lines: readonly AnnotatedLine[]): LabelRun[] {
  const runs: LabelRun[] = [];
  let run: LabelRun | null = null;
  for (const line of lines) {
    if (run && line.label && sameLabel(run.label, line.label)) {
      run.to = line;
      continue;
    }
    run = line.label ? { label: line.label, from: line, to: line } : null;
    if (run) runs.push(run);
  }
  return runs;
}

export function sameLabel(a: LineLabel, b: LineLabel): boolean {
  if (a.kind === 'article' && b.kind === 'article') return a.article === b.article && a.role === b.role;
  return a.kind === b.kind && a.role === b.role;
}

export function insertSpan(db: Database.Database, pageId: number, run: LabelRun, articleId: number | null): void {
  insertSpans(db, pageId, [run], () => articleId);
}

const SPAN_WIDTH = 7;

/** Inserts spans in multi-row statements (a page has dozens); `articleOf` gives a run's article row id (null: furniture). */
export function insertSpans(db: Database.Database, pageId: number, runs: readonly LabelRun[], articleOf: (run: LabelRun) => number | null): void {
  insertRows(db, 'spans (page_id, article_id, role, from_n, from_part, to_n, to_part)', SPAN_WIDTH, runs, (params, k, run) => {
    params[k] = pageId;
    params[k + 1] = articleOf(run);
    params[k + 2] = run.label.role;
    params[k + 3] = run.from.n;
    params[k + 4] = run.from.part ?? 0;
    params[k + 5] = run.to.n;
    params[k + 6] = run.to.part ?? 0;
  });
}
