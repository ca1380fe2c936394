import { accessSync, constants, existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { GalleyError } from '../../app/errors.js';

/**
 * Turns what SQLite or the file system say about the library file into one line an editor can act
 * on. Returns null for anything else (a GalleyError already says it; a bug stays a bug). SQLite's extended codes
 * (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, …) map as their primary code.
 */
export function storeError(err: unknown, libraryPath: string): GalleyError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const name = basename(libraryPath);
  const detail = firstLine(err);
  const io = (message: string) => new GalleyError('IO', message, { cause: err });
  const readOnly = () => io(`the library folder is read-only: ${dirname(libraryPath)} (Galley must write ${name} and its -wal and -shm files there)`);
  switch (primary(code)) {
    case 'SQLITE_FULL':
    case 'ENOSPC':
    case 'EDQUOT':
      return io(`the disk is full: ${name} could not be written; free some space and try again (nothing of this change was saved)`);
    case 'SQLITE_READONLY':
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return readOnly();
    case 'SQLITE_CANTOPEN':
      // SQLite says only that it could not open the file; a folder we may not write is the usual cause.
      return existsSync(dirname(libraryPath)) && !writable(dirname(libraryPath))
        ? readOnly()
        : io(`cannot open the library ${libraryPath}: its folder is missing or not accessible`);
    case 'SQLITE_NOTADB':
      return new GalleyError('UNSUPPORTED', `${name} is not a Galley library (not an SQLite database)`, { cause: err });
    case 'SQLITE_CORRUPT':
      return io(`the library ${name} is damaged (${detail}); restore a backup, see "Backups and restoring" in the README`);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return io(`the library ${name} is busy in another Galley window or command; try again when it is done`);
    case 'SQLITE_IOERR':
    case 'EIO':
      return io(`the disk failed while reading or writing ${name} (${detail})`);
    default:
      return null;
  }
}

/** Runs `fn`, rethrowing a store failure as its one-line GalleyError. */
export function withStoreErrors<T>(libraryPath: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw storeError(err, libraryPath) ?? err;
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function primary(code: string): string {
  const m = /^SQLITE_[A-Z]+/.exec(code);
  return m ? m[0] : code;
}

/** An error's message, its first line only: what a user is shown. */
export function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error';
}

/**
 * Wraps every function of a handler table so a store failure reaches the caller as its one-line
 * GalleyError (IO, UNSUPPORTED) instead of an INTERNAL error, whichever transport called it.
 */
export function guardStoreErrors<T extends Record<string, (...args: never[]) => unknown>>(libraryPath: string, table: T): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(table)) {
    guarded[name] = (...args: never[]) => {
      const result = withStoreErrors(libraryPath, () => fn(...args));
      return result instanceof Promise ? result.catch((err: unknown) => { throw storeError(err, libraryPath) ?? err; }) : result;
    };
  }
  return guarded as T;
}
