import type Database from 'better-sqlite3';
import { prepared } from './statements.js';
import { now } from './time.js';

export interface NewPage {
  issueId: number;
  number: number;
  file: string;
  rawText: string;
  sha256: string;
  encoding: string;
  lineCount: number;
  /** The engine's decisions when stored as one value (store/proposal.ts); absent: written as rows later. */
  proposal?: { value: string; articles: number; section: string | null; headlineOrder: 'before' | 'after' | 'unknown' };
}

export interface PageRow {
  id: number;
  issueId: number;
  number: number;
  file: string;
  sha256: string;
  encoding: string;
  /** Source lines, a final empty one included (one per annotation line). */
  lineCount: number;
  /** 1 when the raw text ends with a line break: that break ends the last line, it starts none an editor counts. */
  finalBreak: number;
  importedAt: string;
  section: string | null;
  headlineOrder: 'before' | 'after' | 'unknown';
}

/** A page row plus how many articles its annotation has: what the library tree shows. */
export interface PageListRow extends PageRow {
  articleCount: number;
}

const COLUMNS = `p.id, p.issue_id AS issueId, p.number, p.file, p.sha256, p.encoding, p.line_count AS lineCount,
  p.imported_at AS importedAt, p.section, p.headline_order AS headlineOrder,
  (substr(p.raw_text, -1) IN (char(10), char(13))) AS finalBreak`;

// A new page never takes the id of a page in the trash (or deleted from it for good): a restored
// page comes back under its own id, which other pages' journal rows and links name.
const NEW_PAGE_ID = '(SELECT max(coalesce((SELECT max(id) FROM pages), 0), coalesce((SELECT max(page_id) FROM trash_pages), 0)) + 1)';

export function insertPage(db: Database.Database, page: NewPage): number {
  const values = [page.issueId, page.number, page.file, page.rawText, page.sha256, page.encoding, page.lineCount, now()];
  if (!page.proposal) {
    return Number(prepared(db, `INSERT INTO pages (id, issue_id, number, file, raw_text, sha256, encoding, line_count, imported_at)
      VALUES (${NEW_PAGE_ID}, ?, ?, ?, ?, ?, ?, ?, ?)`).run(values).lastInsertRowid);
  }
  // A page stored with its decisions is at revision 1, as one whose annotation is saved afterwards.
  const { value, articles, section, headlineOrder } = page.proposal;
  return Number(prepared(db, `INSERT INTO pages (id, issue_id, number, file, raw_text, sha256, encoding, line_count, imported_at,
      section, headline_order, proposal, proposal_articles, revision) VALUES (${NEW_PAGE_ID}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`)
    .run([...values, section, headlineOrder, value, articles]).lastInsertRowid);
}

export function getPageRow(db: Database.Database, id: number): PageRow | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM pages p WHERE p.id = ?`).get(id) as PageRow | undefined;
}

export function getRawText(db: Database.Database, id: number): string | undefined {
  return prepared(db, 'SELECT raw_text FROM pages WHERE id = ?').pluck().get(id) as string | undefined;
}

export function listPages(db: Database.Database, issueId?: number): PageListRow[] {
  const where = issueId === undefined ? '' : 'WHERE p.issue_id = ?';
  const stmt = prepared(db, `SELECT ${COLUMNS}, coalesce(p.proposal_articles, (SELECT count(*) FROM articles a WHERE a.page_id = p.id)) AS articleCount
    FROM pages p ${where} ORDER BY p.issue_id, p.number, p.id`);
  return (issueId === undefined ? stmt.all() : stmt.all(issueId)) as PageListRow[];
}

/** Sets a page's number in its issue (the page it prints, or where the editor put it). */
export function setPageNumber(db: Database.Database, pageId: number, number: number): void {
  prepared(db, 'UPDATE pages SET number = ? WHERE id = ?').run(number, pageId);
}

/** Whether an issue holds another page with the same content as `pageId`. */
export function issueHoldsTwin(db: Database.Database, issueId: number, pageId: number): boolean {
  return prepared(db, 'SELECT 1 FROM pages WHERE issue_id = ? AND id <> ? AND sha256 = (SELECT sha256 FROM pages WHERE id = ?)').get(issueId, pageId, pageId) !== undefined;
}

/** Whether an issue holds a page with this content. */
export function issueHoldsContent(db: Database.Database, issueId: number, sha256: string): boolean {
  return prepared(db, 'SELECT 1 FROM pages WHERE issue_id = ? AND sha256 = ?').get(issueId, sha256) !== undefined;
}

/** The ids of an issue's pages in their order, `except` left out. */
export function pageIdsInOrder(db: Database.Database, issueId: number, except: number): number[] {
  return prepared(db, 'SELECT id FROM pages WHERE issue_id = ? AND id <> ? ORDER BY number, id').pluck().all(issueId, except) as number[];
}

/** Puts a page in an issue at a number. */
export function placePage(db: Database.Database, pageId: number, issueId: number, number: number): void {
  prepared(db, 'UPDATE pages SET issue_id = ?, number = ? WHERE id = ?').run(issueId, number, pageId);
}

/** Every page's revision, by page id. */
export function pageRevisions(db: Database.Database): Map<number, number> {
  return new Map(prepared(db, 'SELECT id, revision FROM pages').raw().all() as [number, number][]);
}
