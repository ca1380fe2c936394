import type Database from 'better-sqlite3';
import { deepFreeze } from '../../../app/deep-freeze.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import { getPageAnnotation } from './annotations.js';
import { prepared } from '../statements.js';

/** A page's annotation as of one revision. Frozen: it is shared by every caller until the page changes. */
export interface CachedPage {
  revision: number;
  annotation: PageAnnotation;
}

// An edit on a 400-line page must not read the whole page back from SQLite each time. SQLite
// stays the source of truth: a cached annotation is used only while the page's revision, which
// every write bumps whichever process made it, is still the one it was read or written at.
const caches = new WeakMap<Database.Database, Map<number, CachedPage>>();
const PAGES_KEPT = 16;

export function pageRevision(db: Database.Database, pageId: number): number | undefined {
  return prepared(db, 'SELECT revision FROM pages WHERE id = ?').pluck().get(pageId) as number | undefined;
}

/** The page's current annotation, from memory when still current; undefined for an unknown page. Call inside a transaction. */
export function loadPage(db: Database.Database, pageId: number): CachedPage | undefined {
  const revision = pageRevision(db, pageId);
  if (revision === undefined) return undefined;
  const hit = cacheOf(db).get(pageId);
  if (hit?.revision === revision) {
    remember(db, pageId, hit);
    return hit;
  }
  const page = { revision, annotation: getPageAnnotation(db, pageId)! };
  remember(db, pageId, page);
  return page;
}

/** Keeps what a committed write left; the least recently used page goes when too many are kept. */
export function remember(db: Database.Database, pageId: number, page: CachedPage): void {
  const cache = cacheOf(db);
  cache.delete(pageId);
  // Unchanged lines are shared with the previous revision and already frozen: only what is new is walked.
  cache.set(pageId, deepFreeze(page));
  if (cache.size > PAGES_KEPT) cache.delete(cache.keys().next().value!);
}

/** Bumps the revision of a page being written (inside the write's transaction) and returns the new one. */
export function bumpRevision(db: Database.Database, pageId: number): number {
  return prepared(db, 'UPDATE pages SET revision = revision + 1 WHERE id = ? RETURNING revision').pluck().get(pageId) as number;
}

function cacheOf(db: Database.Database): Map<number, CachedPage> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}
