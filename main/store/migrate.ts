import type Database from 'better-sqlite3';
import { GalleyError } from '../../app/errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';

/** Marks the file as a Galley library (PRAGMA application_id, 'Glly'), so another program's SQLite file is told apart. */
export const GALLEY_APPLICATION_ID = 0x476c6c79;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one transaction and records the new version in user_version,
 * so a crash leaves the library at the old version, never half way. IMMEDIATE takes the write lock
 * before reading the version: two processes opening an old library cannot both migrate it.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new GalleyError('INTERNAL', `migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const run = db.transaction(() => {
    const current = schemaVersion(db);
    if (current > latest) throw newerSchemaError(current, latest);
    for (const m of migrations.slice(current)) m.up(db);
    if (current < latest) {
      db.pragma(`application_id = ${GALLEY_APPLICATION_ID}`);
      db.pragma(`user_version = ${latest}`);
    }
    return latest;
  });
  return run.immediate();
}

export function newerSchemaError(found: number, latest: number, file?: string): GalleyError {
  const what = file ? `${file} was` : 'this library was';
  return new GalleyError('UNSUPPORTED', `${what} made by a newer Galley (schema ${found}; this version reads up to ${latest}); update Galley to open it`);
}
