import type Database from 'better-sqlite3';
import { prepared } from './statements.js';

export interface LineHit {
  pageId: number;
  n: number;
  /** 0 for a whole source line, k for part k of a line an editor split. */
  part: number;
  text: string;
}

/** FTS5's trigram tokenizer indexes nothing shorter than three characters. */
const TRIGRAM = 3;

/**
 * Lines containing `query` as a substring. Queries of three or more characters use the trigram
 * index; one- and two-character queries (common in Chinese) fall back to a scan with instr(), which
 * is correct but linear in the library's size — a bigram side table is the planned fast path.
 */
export function searchLines(db: Database.Database, query: string, limit = 100): LineHit[] {
  if (query.trim() === '') return [];
  if ([...query].length >= TRIGRAM) {
    return prepared(db, `SELECT l.page_id AS pageId, l.n, l.part, l.text FROM line_fts f JOIN lines l ON l.id = f.rowid
      WHERE line_fts MATCH ? ORDER BY l.page_id, l.n, l.part LIMIT ?`).all(phrase(query), limit) as LineHit[];
  }
  return prepared(db, 'SELECT page_id AS pageId, n, part, text FROM lines WHERE instr(text, ?) > 0 ORDER BY page_id, n, part LIMIT ?')
    .all(query, limit) as LineHit[];
}

/** Article ids (rows of `articles`) whose cleaned text contains `query` (three characters or more). */
export function searchArticles(db: Database.Database, query: string, limit = 100): number[] {
  if ([...query].length < TRIGRAM) return [];
  return prepared(db, 'SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid LIMIT ?').pluck()
    .all(phrase(query), limit) as number[];
}

/** The query as one FTS5 string, so its characters are matched literally, not as query syntax. */
function phrase(query: string): string {
  return `"${query.replaceAll('"', '""')}"`;
}
