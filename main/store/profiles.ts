import type Database from 'better-sqlite3';
import { emptyPublicationProfile, type PublicationProfile } from '../../app/engine/index.js';
import { prepared } from './statements.js';
import { now } from './time.js';

/** A publication's stored profile: what proposing reads, and the imported base learning adds to. */
export interface StoredProfile {
  profile: PublicationProfile;
  base: PublicationProfile | null;
}

/** A page the editor marked done or the profile learned from (at `revision`; null: not in the profile now). */
export interface ProfilePageRow {
  pageId: number;
  revision: number | null;
  done: boolean;
}
export type LearnedPageRow = ProfilePageRow & { revision: number };

type Row = { pageId: number; revision: number | null; done: number };
const asPage = (r: Row): ProfilePageRow => ({ ...r, done: r.done === 1 });

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

/** The publication's pages that are done or learned from, in page order. */
export function profilePages(db: Database.Database, publicationId: number): ProfilePageRow[] {
  return (prepared(db, 'SELECT page_id AS pageId, revision, done FROM profile_pages WHERE publication_id = ? ORDER BY page_id').all(publicationId) as Row[]).map(asPage);
}

/** The pages the publication's profile holds, with the revision each was learned at. */
export function learnedPages(db: Database.Database, publicationId: number): LearnedPageRow[] {
  return profilePages(db, publicationId).filter((p): p is LearnedPageRow => p.revision !== null);
}

export function profilePage(db: Database.Database, pageId: number): ProfilePageRow | undefined {
  const row = prepared(db, 'SELECT page_id AS pageId, revision, done FROM profile_pages WHERE page_id = ?').get(pageId) as Row | undefined;
  return row && asPage(row);
}

export function writeProfilePage(db: Database.Database, publicationId: number, page: ProfilePageRow): void {
  prepared(db, `INSERT INTO profile_pages (page_id, publication_id, revision, done, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (page_id) DO UPDATE SET revision = excluded.revision, done = excluded.done, updated_at = excluded.updated_at`)
    .run(page.pageId, publicationId, page.revision, page.done ? 1 : 0, now());
}

/** Forgets what the publication learned: its profile, and which pages it learned from. Pages marked done stay done. */
export function forgetProfile(db: Database.Database, publicationId: number): void {
  prepared(db, 'DELETE FROM profile_pages WHERE publication_id = ? AND done = 0').run(publicationId);
  prepared(db, 'UPDATE profile_pages SET revision = NULL, updated_at = ? WHERE publication_id = ?').run(now(), publicationId);
  prepared(db, 'DELETE FROM publication_profiles WHERE publication_id = ?').run(publicationId);
}
