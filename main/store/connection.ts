import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GalleyError } from '../../app/errors.js';
import { backupBeforeMigration, backupDir, checkLine, listBackups } from './backup.js';
import { firstLine, storeError, withStoreErrors } from './errors.js';
import { LATEST_SCHEMA_VERSION } from './migrations/index.js';
import { GALLEY_APPLICATION_ID, migrate, newerSchemaError, schemaVersion } from './migrate.js';

export interface OpenOptions {
  /**
   * Path of a better-sqlite3 native addon built for this runtime. The Electron app passes its own
   * build (Electron's ABI); tests, the CLI and browser mode use the package's default Node build.
   */
  nativeBinding?: string;
  /** Refuse instead of creating a new, empty library when the file does not exist. */
  mustExist?: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\0';
/**
 * How long a write waits for another process's write (an import, a second window) before it is
 * answered "busy": every call runs on the library's one thread, so a long wait would stall reads
 * and every other call with it. Reads never wait (WAL).
 */
export const BUSY_TIMEOUT_MS = 100;

/**
 * Opens (creating when missing) a library database, refuses files this version must not touch,
 * then sets the pragmas every writer relies on and applies pending migrations.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const name = basename(file);
  checkFileBeforeOpening(file, name, options);
  withStoreErrors(file, () => {
    mkdirSync(dirname(file), { recursive: true });
    // A library holds unpublished work: a new one is readable by its owner only (SQLite gives
    // its -wal and -shm files the same permissions).
    if (!existsSync(file)) closeSync(openSync(file, 'wx', 0o600));
  });

  let db: Database.Database;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw storeError(err, file) ?? new GalleyError('IO', `cannot open library ${name}: ${firstLine(err)}`, { cause: err });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Read-only checks first: the header check above can miss a newer schema still in the WAL.
    refuseForeignOrNewer(db, name);
    refuseDamaged(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    const version = schemaVersion(db);
    if (version > 0 && version < LATEST_SCHEMA_VERSION) backupBeforeMigration(db, file);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof GalleyError) throw err;
    if (primaryCode(err) === 'SQLITE_CORRUPT') throw damagedLibrary(file, firstLine(err));
    throw storeError(err, file) ?? new GalleyError('IO', `cannot open library ${name}: ${firstLine(err)}`, { cause: err });
  }
}

/**
 * Above this size the check at open reads only SQLite's own tables: a whole quick check of a
 * library of several GB would keep the app from starting for seconds. `galley check` checks all.
 */
export const QUICK_CHECK_MAX_BYTES = 1024 * 1024 * 1024;

/** SQLite's quick check at open: a damaged library is refused before anything is written into it or copied as a backup. */
function refuseDamaged(db: Database.Database, file: string): void {
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size === 0) return;
  let problem: string | null;
  try {
    if (size <= QUICK_CHECK_MAX_BYTES) {
      const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
      problem = rows[0]?.quick_check === 'ok' ? null : checkLine(rows[0]?.quick_check ?? 'no answer');
    } else {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      problem = null;
    }
  } catch (err) {
    problem = firstLine(err);
  }
  if (problem !== null) throw damagedLibrary(file, problem);
}

/** A damaged (or emptied) library: what SQLite says, and the backups to restore from with how. */
export function damagedLibrary(file: string, problem: string): GalleyError {
  const backups = listBackups(file).filter((b) => (statSync(b.file, { throwIfNoEntry: false })?.size ?? 0) > 0);
  const how = backups.length
    ? `Backups (newest first): ${backups.map((b) => `${b.file} (${b.kind}, ${b.takenAt})`).join('; ')}. To restore: quit Galley, move ${basename(file)} aside (with any -wal and -shm files beside it), copy a backup to ${file}, then run \`galley check --db ${file}\` (README, "Backups and restoring").`
    : `There is no backup in ${backupDir(file)}; see "Backups and restoring" in the README.`;
  return new GalleyError('IO', `the library ${basename(file)} is damaged and was not opened (${problem}). ${how}`);
}

function primaryCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1') : null;
}

/**
 * Reads the 100-byte database header without SQLite, so a text file or a newer library is refused
 * before anything (journal mode, WAL files) could be written next to or into it.
 */
function checkFileBeforeOpening(file: string, name: string, options: OpenOptions): void {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new GalleyError('BAD_INPUT', `${name} is a folder, not a library file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof GalleyError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !options.mustExist) return;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new GalleyError('NOT_FOUND', `no library at ${file}`);
    throw new GalleyError('IO', `cannot read ${name}: ${firstLine(err)}`, { cause: err });
  }
  if (size === 0) {
    // SQLite treats an empty file as an empty database; a library emptied by accident is not a new one
    if (listBackups(file).length > 0) throw damagedLibrary(file, 'the file is empty, and it has backups');
    return;
  }
  if ((statMode(file) & 0o200) === 0) {
    throw new GalleyError('IO', `the library file ${file} is read-only: Galley cannot save edits in it; make it writable (e.g. chmod u+w) or open a copy`);
  }
  const header = Buffer.alloc(100);
  const fd = withStoreErrors(file, () => openSync(file, 'r'));
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new GalleyError('UNSUPPORTED', `${name} is not a Galley library (not an SQLite database)`);
  }
  const version = header.readUInt32BE(60);
  const appId = header.readUInt32BE(68);
  if (appId !== 0 && appId !== GALLEY_APPLICATION_ID) throw foreignDatabase(name);
  if (version > LATEST_SCHEMA_VERSION) throw newerSchemaError(version, LATEST_SCHEMA_VERSION, name);
}

function statMode(file: string): number {
  return statSync(file).mode;
}

function refuseForeignOrNewer(db: Database.Database, name: string): void {
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) throw newerSchemaError(version, LATEST_SCHEMA_VERSION, name);
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === GALLEY_APPLICATION_ID) return;
  const tables = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
  if (appId !== 0 || version !== 0 || tables > 0) throw foreignDatabase(name);
}

function foreignDatabase(name: string): GalleyError {
  return new GalleyError('UNSUPPORTED', `${name} is an SQLite database of another program, not a Galley library`);
}

/** SQLite's count of commits other connections made to the file: it moves only when another one writes. */
export function dataVersion(db: Database.Database): number {
  return db.pragma('data_version', { simple: true }) as number;
}
