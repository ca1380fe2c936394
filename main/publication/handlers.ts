import type Database from 'better-sqlite3';
import type { ChannelsOf, HandlersOf } from '../../app/rpc.js';
import { exportProfile, importProfile, learnPage, profileSummary, resetProfile } from './profile.js';

/** A publication's learned profile: learn from a page, show, reset, export and import it. */
export function publicationHandlers(db: Database.Database): HandlersOf<ChannelsOf<'publication'>> {
  return {
    'publication:profile': ({ publicationId }) => profileSummary(db, publicationId),
    'publication:learnPage': ({ pageId, done }) => learnPage(db, pageId, done),
    'publication:resetProfile': ({ publicationId }) => resetProfile(db, publicationId),
    'publication:exportProfile': ({ publicationId }) => exportProfile(db, publicationId),
    'publication:importProfile': ({ publicationId, json }) => importProfile(db, publicationId, json),
  };
}
