import type Database from 'better-sqlite3';
import { firstIssue, GalleyError } from '../../app/errors.js';
import { type ArticleMetadata, articleMetadata } from '../../app/metadata/model.js';
import { prepared } from './statements.js';
import { now } from './time.js';

/** An article's stored metadata and the article text its entity offsets were placed in. */
export interface StoredMetadata {
  articleKey: string;
  metadata: ArticleMetadata;
  anchoredText: string;
}

/** Every metadata row of a page, including rows of keys no article has now (kept for an undo that brings the key back). */
export function listPageMetadata(db: Database.Database, pageId: number): StoredMetadata[] {
  return (prepared(db, 'SELECT article_key AS articleKey, data, anchored_text AS anchoredText FROM article_metadata WHERE page_id = ? ORDER BY article_key')
    .all(pageId) as { articleKey: string; data: string; anchoredText: string }[])
    .map((r) => ({ articleKey: r.articleKey, anchoredText: r.anchoredText, metadata: parseMetadata(r.data, pageId, r.articleKey) }));
}

export function getArticleMetadata(db: Database.Database, pageId: number, articleKey: string): StoredMetadata | undefined {
  const row = prepared(db, 'SELECT data, anchored_text AS anchoredText FROM article_metadata WHERE page_id = ? AND article_key = ?')
    .get(pageId, articleKey) as { data: string; anchoredText: string } | undefined;
  return row && { articleKey, anchoredText: row.anchoredText, metadata: parseMetadata(row.data, pageId, articleKey) };
}

export function putArticleMetadata(db: Database.Database, pageId: number, articleKey: string, metadata: ArticleMetadata, anchoredText: string): void {
  prepared(db, `INSERT INTO article_metadata (page_id, article_key, data, anchored_text, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (page_id, article_key) DO UPDATE SET data = excluded.data, anchored_text = excluded.anchored_text, updated_at = excluded.updated_at`)
    .run(pageId, articleKey, JSON.stringify(metadata), anchoredText, now());
}

function parseMetadata(data: string, pageId: number, key: string): ArticleMetadata {
  const parsed = articleMetadata.safeParse(JSON.parse(data));
  if (!parsed.success) throw new GalleyError('INTERNAL', `stored metadata of article ${key} on page ${pageId} is malformed: ${firstIssue(parsed.error)}`);
  return parsed.data;
}
