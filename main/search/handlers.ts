import type Database from 'better-sqlite3';
import type { HandlersOf } from '../../app/rpc.js';
import { autocomplete, searchLibrary } from './search.js';

export function searchHandlers(db: Database.Database): HandlersOf<'library:search' | 'library:autocomplete'> {
  return {
    'library:search': ({ q, kind, limit }) => searchLibrary(db, q, kind, limit),
    'library:autocomplete': ({ field, prefix, limit }) => autocomplete(db, field, prefix, limit),
  };
}
