import type { Migration } from './migration.js';

/**
 * What a publication's editors taught the engine (app/engine/learn/publication.ts), kept per
 * publication. `profile` is what proposing reads; it is `base` (a profile imported from a file, or
 * nothing) plus every page in profile_pages, so re-learning a page recomputes from that set instead
 * of counting the page twice. profile_pages says whether the editor marked a page done, and the
 * revision it was learned at (a page unchanged since is not learned again); NULL when the profile
 * does not hold it (reset since, or replaced by an imported one), while the page stays done.
 */
export const publicationProfiles: Migration = {
  version: 10,
  name: 'publication_profiles',
  up(db) {
    db.exec(`
      CREATE TABLE publication_profiles (
        publication_id INTEGER PRIMARY KEY REFERENCES publications(id) ON DELETE CASCADE,
        base TEXT CHECK (base IS NULL OR (json_valid(base) AND json_type(base) = 'object')),
        profile TEXT NOT NULL CHECK (json_valid(profile) AND json_type(profile) = 'object'),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE profile_pages (
        page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
        publication_id INTEGER NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
        revision INTEGER,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        updated_at TEXT NOT NULL,
        CHECK (revision IS NOT NULL OR done = 1)
      ) STRICT;
      CREATE INDEX profile_pages_by_publication ON profile_pages (publication_id);
    `);
  },
};
