import type Database from 'better-sqlite3';
import { emptyPublicationProfile, type PublicationProfile } from '../../app/engine/index.js';
import { prepared } from './statements.js';
import { now } from './time.js';

/** A publication's stored profile: what proposing reads, and the imported base learning adds to. */
export interface StoredProfile {
  profile: PublicationProfile;
  base: PublicationProfile | null;
}

/** A page the profile learned from, with the revision it was learned at. */
export interface LearnedPageRow {
  pageId: number;
  revision: number;
  done: boolean;
}

/** The publication's profile; one that has learned nothing when none is stored. */
export function readProfile(db: Database.Database, publicationId: number): StoredProfile {
  const row = prepared(db, 'SELECT profile, base FROM publication_profiles WHERE publication_id = ?').get(publicationId) as { profile: string; base: string | null } | undefined;
  if (!row) return { profile: emptyPublicationProfile(), base: null };
  // Checked when it came in (learned here, or an imported file through parsePublicationProfile):
  // checking the store's own value again on every read would cost more than learning a page.
  return { profile: JSON.parse(row.profile) as PublicationProfile, base: row.base === null ? null : (JSON.parse(row.base) as PublicationProfile) };
}

/** The publication a page belongs to; undefined for an unknown page. */
export function publicationOfPage(db: Database.Database, pageId: number): number | undefined {
  return prepared(db, 'SELECT i.publication_id FROM pages p JOIN issues i ON i.id = p.issue_id WHERE p.id = ?').pluck().get(pageId) as number | undefined;
}

export function writeProfile(db: Database.Database, publicationId: number, stored: StoredProfile): void {
  prepared(db, `INSERT INTO publication_profiles (publication_id, base, profile, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (publication_id) DO UPDATE SET base = excluded.base, profile = excluded.profile, updated_at = excluded.updated_at`)
    .run(publicationId, stored.base === null ? null : JSON.stringify(stored.base), JSON.stringify(stored.profile), now());
}

export function learnedPages(db: Database.Database, publicationId: number): LearnedPageRow[] {
  const rows = prepared(db, 'SELECT page_id AS pageId, revision, done FROM profile_pages WHERE publication_id = ? ORDER BY page_id').all(publicationId) as { pageId: number; revision: number; done: number }[];
  return rows.map((r) => ({ ...r, done: r.done === 1 }));
}

export function learnedPage(db: Database.Database, pageId: number): LearnedPageRow | undefined {
  const row = prepared(db, 'SELECT page_id AS pageId, revision, done FROM profile_pages WHERE page_id = ?').get(pageId) as { pageId: number; revision: number; done: number } | undefined;
  return row && { ...row, done: row.done === 1 };
}

export function writeLearnedPage(db: Database.Database, publicationId: number, page: LearnedPageRow): void {
  prepared(db, `INSERT INTO profile_pages (page_id, publication_id, revision, done, learned_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (page_id) DO UPDATE SET revision = excluded.revision, done = excluded.done, learned_at = excluded.learned_at`)
    .run(page.pageId, publicationId, page.revision, page.done ? 1 : 0, now());
}

/** Forgets what the publication learned: its profile and the pages it learned from. */
export function deleteProfile(db: Database.Database, publicationId: number): void {
  prepared(db, 'DELETE FROM profile_pages WHERE publication_id = ?').run(publicationId);
  prepared(db, 'DELETE FROM publication_profiles WHERE publication_id = ?').run(publicationId);
}
