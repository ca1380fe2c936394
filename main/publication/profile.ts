import type Database from 'better-sqlite3';
import type { ProfileFile, ProfileSummary } from '../../app/contract.js';
import { emptyPublicationProfile, learnFromPage, parsePublicationProfile, type PublicationProfile, splitLines } from '../../app/engine/index.js';
import { GalleyError } from '../../app/errors.js';
import type { PageAnnotation } from '../../app/model/page.js';
import { loadPage, pageRevision as loadPageRevision } from '../store/annotation/page-cache.js';
import { getRawText } from '../store/pages.js';
import { forgetProfile, learnedPages, profilePage, profilePages, publicationOfPage, readProfile, writeProfile, writeProfilePage } from '../store/profiles.js';
import { getPublication } from '../store/publications.js';

/**
 * A publication's learned profile as the editor manages it: learning from a page (when it is marked
 * done, or when the editor leaves a page they corrected), reset, export and import. Learning writes
 * the profile only: no page's annotation changes, corrected or not. The profile is proposed with by
 * the next import and by a re-run (main/import, main/edits).
 */

export function profileSummary(db: Database.Database, publicationId: number): ProfileSummary {
  const publication = getPublication(db, publicationId);
  if (!publication) throw new GalleyError('NOT_FOUND', `no publication with id ${publicationId}`);
  const { profile, base } = readProfile(db, publicationId);
  const pages = profilePages(db, publicationId);
  return {
    publicationId, name: publication.name, pages: profile.pages, imported: base !== null,
    learnedPageIds: pages.filter((p) => p.revision !== null).map((p) => p.pageId), donePageIds: pages.filter((p) => p.done).map((p) => p.pageId),
  };
}

/**
 * Learns from the page as it is now. A page not learned before is added to the profile (one pass
 * over it); a page learned at an older revision is replaced: the profile is recomputed from the
 * imported base and every learned page as they are now (about 5 ms a page), so no page counts twice.
 * A page unchanged since it was learned costs nothing. `done` marks the page done (it stays so).
 */
export function learnPage(db: Database.Database, pageId: number, done: boolean): ProfileSummary {
  return db.transaction((): ProfileSummary => {
    const publicationId = publicationOfPage(db, pageId);
    const current = loadPage(db, pageId);
    if (publicationId === undefined || !current) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
    const before = profilePage(db, pageId);
    const row = { pageId, revision: current.revision, done: done || (before?.done ?? false) };
    const learned = before?.revision ?? null;
    if (learned !== current.revision) {
      const stored = readProfile(db, publicationId);
      const profile = learned === null
        ? learnOne(db, stored.profile, pageId, current.annotation)
        : relearn(db, publicationId, stored.base);
      writeProfile(db, publicationId, { base: stored.base, profile });
    }
    writeProfilePage(db, publicationId, row);
    return profileSummary(db, publicationId);
  }).immediate();
}

/**
 * The profile to propose with for the publication's next page or re-run. A page learned before and
 * corrected further since (marked done, then fixed again without leaving it) is learned again first,
 * so no correction is lost to the moment learning ran; when none changed, this only reads.
 */
export function profileForProposing(db: Database.Database, publicationId: number): PublicationProfile | undefined {
  return db.transaction(() => {
    const stored = readProfile(db, publicationId);
    const stale = learnedPages(db, publicationId).some((p) => loadPageRevision(db, p.pageId) !== p.revision);
    const profile = stale ? relearn(db, publicationId, stored.base) : stored.profile;
    if (stale) writeProfile(db, publicationId, { base: stored.base, profile });
    return profile.pages > 0 ? profile : undefined;
  }).immediate();
}

function learnOne(db: Database.Database, profile: PublicationProfile, pageId: number, annotation: PageAnnotation): PublicationProfile {
  return learnFromPage(profile, splitLines(getRawText(db, pageId) ?? ''), annotation);
}

/** The base plus every page the publication learned from, each as it is now (their revisions move with them). */
function relearn(db: Database.Database, publicationId: number, base: PublicationProfile | null): PublicationProfile {
  let profile = base ?? emptyPublicationProfile();
  for (const page of learnedPages(db, publicationId)) {
    const now = loadPage(db, page.pageId);
    if (!now) continue;
    profile = learnOne(db, profile, page.pageId, now.annotation);
    if (now.revision !== page.revision) writeProfilePage(db, publicationId, { ...page, revision: now.revision });
  }
  return profile;
}

export function resetProfile(db: Database.Database, publicationId: number): ProfileSummary {
  return db.transaction(() => {
    profileSummary(db, publicationId);
    forgetProfile(db, publicationId);
    return profileSummary(db, publicationId);
  }).immediate();
}

export function exportProfile(db: Database.Database, publicationId: number): ProfileFile {
  const { name } = profileSummary(db, publicationId);
  const { profile } = readProfile(db, publicationId);
  // A file name every system accepts, still telling which paper it is.
  const safe = name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || 'publication';
  return { fileName: `${safe}.galley-profile.json`, json: `${JSON.stringify(profile, null, 1)}\n` };
}

/**
 * Replaces the publication's profile with the one in `json`, which becomes the base later learning
 * adds to; the pages learned before are forgotten (the file stands for what was learned). A file
 * that is not a profile is refused with a message saying why, and nothing changes.
 */
export function importProfile(db: Database.Database, publicationId: number, json: string): ProfileSummary {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new GalleyError('BAD_INPUT', 'not a publication profile: the file is not JSON');
  }
  const profile = parsePublicationProfile(value);
  return db.transaction(() => {
    profileSummary(db, publicationId);
    forgetProfile(db, publicationId);
    writeProfile(db, publicationId, { base: profile, profile });
    return profileSummary(db, publicationId);
  }).immediate();
}
