import type Database from 'better-sqlite3';

/**
 * Runs `fn` as one transaction that commits without waiting for the disk (synchronous=NORMAL),
 * then puts the connection back to synchronous=FULL for whatever writes next.
 *
 * Only for writes that can be made again from their source, i.e. importing page files: in WAL
 * mode a power cut may lose the last such transactions, never corrupt the library or store a
 * page half, and the next FULL commit (the editor's first edit) makes them durable with it.
 * An import of thousands of pages otherwise waits for one flush per page.
 */
export function inBulkTransaction<T>(db: Database.Database, fn: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(fn)();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
