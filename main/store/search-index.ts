import type Database from 'better-sqlite3';
import type { EntityType } from '../../app/metadata/model.js';
import { gramText, termGrams, termQuery } from '../../app/search/grams.js';
import { prepared } from './statements.js';

export const TERM_KINDS = ['title', 'author', 'keyword', 'tag', 'person', 'place', 'org'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export interface IndexedLine {
  n: number;
  /** 0 for a whole source line, k for part k of a split one (as the lines table keys it). */
  part: number;
  articleKey: string | null;
  text: string;
  /** The head of the line this one joins within its paragraph ('' when none). */
  tail: string;
}

export interface IndexedTerm {
  articleKey: string;
  kind: TermKind;
  text: string;
  n: number;
}

/**
 * A term's id is its page's id × TERM_SLOTS + its place in the page by line (migration 005), so
 * id order, which term_grams hands matches over in, is library order.
 */
const TERM_SLOTS = 2 ** 20;

/** Replaces a page's rows in the search index and clears its dirty mark; the caller holds the transaction. */
export function writePageIndex(db: Database.Database, pageId: number, lines: readonly IndexedLine[], terms: readonly IndexedTerm[]): void {
  prepared(db, 'DELETE FROM search_lines WHERE page_id = ?').run(pageId);
  prepared(db, 'DELETE FROM article_terms WHERE page_id = ?').run(pageId);
  const line = prepared(db, 'INSERT INTO search_lines (page_id, n, part, article_key, text, tail) VALUES (?, ?, ?, ?, ?, ?)');
  const gram = prepared(db, 'INSERT INTO search_grams (rowid, text) VALUES (?, ?)');
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const id = line.run(pageId, l.n, l.part, l.articleKey, l.text, l.tail).lastInsertRowid;
    gram.run(id, gramText(l.text + l.tail));
  }
  if (terms.length > TERM_SLOTS) throw new RangeError(`page ${pageId} has ${terms.length} terms, more than the ${TERM_SLOTS} its ids have room for`);
  const term = prepared(db, 'INSERT INTO article_terms (id, page_id, article_key, kind, text, n) VALUES (?, ?, ?, ?, ?, ?)');
  const termGram = prepared(db, 'INSERT INTO term_grams (rowid, kind, text, sfx) VALUES (?, ?, ?, ?)');
  // Array sort is stable: terms on one line keep the order they came in.
  [...terms].sort((a, b) => a.n - b.n).forEach((t, i) => {
    const id = pageId * TERM_SLOTS + i;
    term.run(id, pageId, t.articleKey, t.kind, t.text, t.n);
    const grams = termGrams(t.text);
    termGram.run(id, t.kind, grams.text, grams.sfx);
  });
  prepared(db, 'DELETE FROM search_dirty WHERE page_id = ?').run(pageId);
}

/** Marks pages for the index refresh (pages written back whole, as a restore does). */
export function markDirty(db: Database.Database, pageIds: readonly number[]): void {
  prepared(db, 'INSERT OR IGNORE INTO search_dirty (page_id) SELECT value FROM json_each(?)').run(JSON.stringify(pageIds));
}

/** Pages whose index rows are out of date, oldest mark first. */
export function dirtyPages(db: Database.Database, limit: number): number[] {
  return prepared(db, 'SELECT page_id FROM search_dirty ORDER BY rowid LIMIT ?').pluck().all(limit) as number[];
}

export function dirtyCount(db: Database.Database): number {
  return prepared(db, 'SELECT count(*) FROM search_dirty').pluck().get() as number;
}

export function clearDirty(db: Database.Database, pageId: number): void {
  prepared(db, 'DELETE FROM search_dirty WHERE page_id = ?').run(pageId);
}

/** Where a search hit is, and what to show for it. */
export interface HitRow {
  pageId: number;
  issueId: number;
  pageNumber: number;
  n: number;
  part: number;
  articleKey: string | null;
  text: string;
  /** For a line hit: the joined head of the next line (to tell a match that starts on the next line). */
  tail: string;
}

const PLACE = 'p.issue_id AS issueId, p.number AS pageNumber';

/** Lines matching an FTS5 query over the character index, in library order. */
export function matchLines(db: Database.Database, ftsQuery: string, limit: number): HitRow[] {
  return prepared(db, `SELECT s.page_id AS pageId, ${PLACE}, s.n, s.part, s.article_key AS articleKey, s.text, s.tail
    FROM search_grams g JOIN search_lines s ON s.id = g.rowid JOIN pages p ON p.id = s.page_id
    WHERE search_grams MATCH ? ORDER BY g.rowid LIMIT ?`).all(ftsQuery, limit) as HitRow[];
}

/**
 * Terms of the given kinds containing `query` (case-insensitive for ASCII), in library order (page,
 * then line). term_grams finds the candidates in id order, which is that order, so the LIMIT stops
 * at the first hits; instr() then keeps exactly the terms that contain the query.
 */
export function matchTerms(db: Database.Database, kinds: readonly TermKind[], query: string, limit: number): HitRow[] {
  const fts = termQuery(query);
  if (fts === null || kinds.length === 0) {
    // Nothing the index tokenises (punctuation only): look through the terms themselves, in id order.
    return prepared(db, `SELECT t.page_id AS pageId, ${PLACE}, t.n, 0 AS part, t.article_key AS articleKey, t.text, '' AS tail
      FROM article_terms t JOIN pages p ON p.id = t.page_id
      WHERE t.kind IN (SELECT value FROM json_each(?)) AND instr(lower(t.text), lower(?)) > 0
      ORDER BY t.id LIMIT ?`).all(JSON.stringify(kinds), query, limit) as HitRow[];
  }
  const match = `kind : (${kinds.join(' OR ')}) AND (${fts})`;
  return prepared(db, `SELECT t.page_id AS pageId, ${PLACE}, t.n, 0 AS part, t.article_key AS articleKey, t.text, '' AS tail
    FROM term_grams g JOIN article_terms t ON t.id = g.rowid JOIN pages p ON p.id = t.page_id
    WHERE term_grams MATCH ? AND instr(lower(t.text), lower(?)) > 0
    ORDER BY g.rowid LIMIT ?`).all(match, query, limit) as HitRow[];
}

/** Values of one kind starting with `prefix`, most used first. */
export function completeTerms(db: Database.Database, kind: TermKind, prefix: string, limit: number): { text: string; count: number }[] {
  // Under BINARY collation U+10FFFF sorts after every character that can follow the prefix, so
  // the range is a prefix match the (kind, text) index answers.
  return prepared(db, `SELECT text, count(*) AS count FROM article_terms WHERE kind = ? AND text >= ? AND text < ? || char(1114111)
    GROUP BY text ORDER BY count DESC, text LIMIT ?`).all(kind, prefix, prefix, limit) as { text: string; count: number }[];
}

/** Entities tagged in any other article of the library whose text occurs in `text`. */
export function entitiesIn(db: Database.Database, text: string, except: { pageId: number; articleKey: string }): { type: EntityType; text: string }[] {
  return prepared(db, `SELECT DISTINCT kind AS type, text FROM article_terms
    WHERE kind IN ('person', 'place', 'org') AND instr(?, text) > 0 AND NOT (page_id = ? AND article_key = ?)
    ORDER BY kind, text`).all(text, except.pageId, except.articleKey) as { type: EntityType; text: string }[];
}
