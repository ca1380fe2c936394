import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { GalleyError } from '../../app/errors.js';
import { storeError } from './errors.js';
import { schemaVersion } from './migrate.js';

/**
 * Copies of a library kept next to it in `<library>.backups/`: one a day while it is in use, and
 * one before every schema migration (the step a bug could ruin a library in). Each is a complete
 * SQLite file a user can copy back (README, "Backups and restoring").
 */

export type BackupKind = 'daily' | 'pre-migration';
/** How many of each kind rotation keeps, newest first. */
export const KEEP: Record<BackupKind, number> = { daily: 5, 'pre-migration': 3 };

export interface BackupFile {
  file: string;
  kind: BackupKind;
  /** When it was taken, as an ISO UTC timestamp. */
  takenAt: string;
}

export function backupDir(libraryPath: string): string {
  return `${libraryPath}.backups`;
}

/** Every backup of the library, newest first. */
export function listBackups(libraryPath: string): BackupFile[] {
  const dir = backupDir(libraryPath);
  if (!existsSync(dir)) return [];
  const stem = basename(libraryPath).replace(/\.db$/, '');
  const found: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const m = /^(.+)\.(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z\.(daily|pre-migration)(?:-v\d+)?\.db$/.exec(name);
    if (!m || m[1] !== stem) continue;
    found.push({ file: join(dir, name), kind: m[7] as BackupKind, takenAt: `${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z` });
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/**
 * An online backup with SQLite's backup API: it copies the library page by page between other
 * work, so the app stays responsive, and the copy is one consistent state even while edits land.
 * Written under a temporary name and renamed when complete, so a half copy never looks like a backup.
 */
export async function backupLibrary(db: Database.Database, libraryPath: string, kind: BackupKind = 'daily', now = new Date()): Promise<string> {
  const target = targetFor(libraryPath, kind, now, schemaVersion(db));
  const partial = `${target}.partial`;
  try {
    mkdirSync(backupDir(libraryPath), { recursive: true });
    await db.backup(partial);
  } catch (err) {
    discard(partial);
    throw backupFailed(err, libraryPath);
  }
  // A copy of a damaged library must never push a good backup out of the rotation.
  const problem = quickCheckFile(partial);
  if (problem !== null) {
    discard(partial);
    throw new GalleyError('IO', `backup of ${basename(libraryPath)} not kept: the copy is damaged (${problem}); the older backups are kept`);
  }
  try {
    chmodSync(partial, 0o600);
    renameSync(partial, target);
  } catch (err) {
    discard(partial);
    throw backupFailed(err, libraryPath);
  }
  rotate(libraryPath, kind);
  return target;
}

/** SQLite's quick check of a library file opened read-only: null when sound, else its first complaint. */
export function quickCheckFile(file: string): string | null {
  let copy: Database.Database | null = null;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const rows = copy.pragma('quick_check(1)') as { quick_check: string }[];
    return rows[0]?.quick_check === 'ok' ? null : checkLine(rows[0]?.quick_check ?? 'no answer');
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0]! : String(err);
  } finally {
    copy?.close();
  }
}

/** SQLite's complaint on one line: it opens with a '*** in database main ***' line of its own. */
export function checkLine(complaint: string): string {
  return complaint.replace(/^\*\*\* in database \w+ \*\*\*\s*/, '').replace(/\s+/g, ' ').trim();
}

const running = new WeakMap<Database.Database, Promise<string | null>>();

/** Takes today's backup unless there is one already (cheap: a folder listing). Empty libraries have nothing to keep. */
export function ensureDailyBackup(db: Database.Database, libraryPath: string, now = new Date()): Promise<string | null> {
  // one at a time per connection: the opener's and an import's would otherwise both find none today
  const pending = running.get(db);
  if (pending) return pending;
  const started = dailyBackupDue(db, libraryPath, now).finally(() => running.delete(db));
  running.set(db, started);
  return started;
}

async function dailyBackupDue(db: Database.Database, libraryPath: string, now: Date): Promise<string | null> {
  const today = now.toISOString().slice(0, 10);
  const newest = listBackups(libraryPath).find((b) => b.kind === 'daily');
  if (newest && newest.takenAt.slice(0, 10) === today) return null;
  if (!db.prepare('SELECT EXISTS (SELECT 1 FROM pages)').pluck().get()) return null;
  return backupLibrary(db, libraryPath, 'daily', now);
}

/**
 * The backup before migrating an existing library from schema `from`. Synchronous, because the
 * opener migrates synchronously: VACUUM INTO writes the same consistent snapshot in one statement.
 * Throws (and so stops the migration) when the copy cannot be made.
 */
export function backupBeforeMigration(db: Database.Database, libraryPath: string, now = new Date()): string {
  const target = targetFor(libraryPath, 'pre-migration', now, schemaVersion(db));
  const partial = `${target}.partial`;
  try {
    mkdirSync(backupDir(libraryPath), { recursive: true });
    rmSync(partial, { force: true });
    db.prepare('VACUUM INTO ?').run(partial);
    chmodSync(partial, 0o600);
    renameSync(partial, target);
  } catch (err) {
    discard(partial);
    const reason = backupFailed(err, libraryPath).message;
    throw new GalleyError('IO', `${basename(libraryPath)} was not upgraded, because it could not be backed up first: ${reason}`, { cause: err });
  }
  rotate(libraryPath, 'pre-migration');
  return target;
}

export interface BackupCheck extends BackupFile {
  /** 'ok' or SQLite's first complaint about the copy. */
  integrity: string;
  schemaVersion: number | null;
}

/** Opens each backup read-only and runs SQLite's integrity check on it. */
export function checkBackups(libraryPath: string): BackupCheck[] {
  return listBackups(libraryPath).map((backup) => {
    let copy: Database.Database | null = null;
    try {
      copy = new Database(backup.file, { readonly: true, fileMustExist: true });
      const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
      const integrity = rows.length === 1 && rows[0]?.integrity_check === 'ok' ? 'ok' : (rows[0]?.integrity_check ?? 'no answer');
      return { ...backup, integrity, schemaVersion: schemaVersion(copy) };
    } catch (err) {
      return { ...backup, integrity: err instanceof Error ? err.message.split('\n')[0]! : String(err), schemaVersion: null };
    } finally {
      copy?.close();
    }
  });
}

function targetFor(libraryPath: string, kind: BackupKind, now: Date, version: number): string {
  const stamp = now.toISOString().replaceAll(':', '');
  const stem = basename(libraryPath).replace(/\.db$/, '');
  const suffix = kind === 'pre-migration' ? `pre-migration-v${version}` : kind;
  return join(backupDir(libraryPath), `${stem}.${stamp}.${suffix}.db`);
}

function rotate(libraryPath: string, kind: BackupKind): void {
  for (const old of listBackups(libraryPath).filter((b) => b.kind === kind).slice(KEEP[kind])) discard(old.file);
}

/** Removes a half-written copy if it can; the failure being reported matters more. */
function discard(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // e.g. the backup folder is not a folder: there is no copy to remove.
  }
}

function backupFailed(err: unknown, libraryPath: string): GalleyError {
  const known = storeError(err, backupDir(libraryPath));
  if (known) return known;
  return new GalleyError('IO', `backup of ${basename(libraryPath)} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { cause: err });
}
