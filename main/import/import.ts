import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportFileResult, ImportOptions, ImportReport } from '../../app/contract.js';
import { GalleyError } from '../../app/errors.js';
import { proposePage, splitLines } from '../../app/engine/index.js';
import { insertProposedPage } from '../store/annotation/annotations.js';
import { ensureDailyBackup } from '../store/backup.js';
import { inBulkTransaction } from '../store/bulk.js';
import { storeError } from '../store/errors.js';
import { toProposedPage } from '../store/annotation/proposal.js';
import { createIssue } from '../store/issues.js';
import { ensurePublication, listPublications } from '../store/publications.js';
import { decodeBytes, MAX_PAGE_BYTES, tooLarge } from './encoding.js';
import { byPageOrder, dateFromName, pageOrderFromName, publicationFromFolder, stemOf } from './naming.js';

/** A page file sent as bytes (the UI's upload path); `name` may carry folders, e.g. `2021-01-06/p1.txt`. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}
export type ProgressListener = (progress: ImportProgress) => void;

/** One page to import: how to get its bytes, or why it cannot be imported at all. */
interface Source {
  file: string;
  order: number | null;
  read: () => Promise<Uint8Array>;
  problem?: string;
}

export const UNTITLED_PUBLICATION = 'Untitled';

/** Imports files and folders (their `.txt` pages, not recursively) into one new issue. */
export async function importPaths(db: Database.Database, paths: readonly string[], options: ImportOptions, onProgress?: ProgressListener): Promise<ImportReport> {
  const sources: Source[] = [];
  const folders: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => err);
    if (info instanceof Error) {
      sources.push(unreadable(path, info.code === 'ENOENT' ? 'no such file or folder' : `cannot read (${info.code ?? info.message})`));
    } else if (info.isDirectory()) {
      folders.push(resolve(path));
      const pages = await pagesInFolder(path);
      if (pages.length === 0) sources.push(unreadable(path, 'folder has no .txt pages'));
      sources.push(...pages.map((file) => fileSource(file, info.size)));
    } else {
      folders.push(dirname(resolve(path)));
      sources.push(fileSource(path, info.size));
    }
  }
  return importSources(db, sources, describeIssue(options, folders, sources), onProgress);
}

/** Imports page files given as bytes into one new issue. */
export async function importFiles(db: Database.Database, files: readonly ImportFile[], options: ImportOptions, onProgress?: ProgressListener): Promise<ImportReport> {
  const sources = files.map((f): Source => ({ file: f.name, order: pageOrderFromName(f.name), read: async () => f.bytes }));
  const folders = files.map((f) => f.name.split(/[\\/]/).slice(0, -1).join('/')).filter((folder) => folder !== '');
  return importSources(db, sources, describeIssue(options, folders, sources), onProgress);
}

/** Imports the bundled sample issue into a library that has nothing yet (the first start). */
export async function importSampleIfEmpty(db: Database.Database, samplePath: string, options: ImportOptions = {}): Promise<ImportReport | null> {
  if (listPublications(db).length > 0) return null;
  return importPaths(db, [samplePath], options);
}

async function pagesInFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  // Names starting with a dot are hidden files, e.g. macOS's binary "._p1.txt" companions.
  return entries.filter((e) => e.isFile() && /\.txt$/i.test(e.name) && !e.name.startsWith('.')).map((e) => join(folder, e.name));
}

function fileSource(path: string, size: number): Source {
  const source: Source = { file: path, order: pageOrderFromName(path), read: async () => new Uint8Array(await readFile(path)) };
  // Refused from its size alone, so a huge file is never read into memory.
  if (size > MAX_PAGE_BYTES) source.problem = tooLarge(size);
  return source;
}

function unreadable(file: string, problem: string): Source {
  return { file, order: null, problem, read: async () => new Uint8Array() };
}

interface IssueDescription {
  publication: string;
  date: string | null;
  label: string;
}

function describeIssue(options: ImportOptions, folders: readonly string[], sources: readonly Source[]): IssueDescription {
  const names = [...folders.map((f) => basename(f)), ...sources.map((s) => stemOf(s.file))];
  const date = options.date ?? names.map(dateFromName).find((d) => d !== null) ?? null;
  // A folder named only by its date (…/凯里日报/2021-01-06/) gets its publication from its parent.
  const publication = options.publication
    ?? folders.flatMap((f) => [basename(f), basename(dirname(f))]).map(publicationFromFolder).find((p) => p !== null)
    ?? UNTITLED_PUBLICATION;
  const label = options.label ?? date ?? `imported ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
  return { publication, date, label };
}

async function importSources(db: Database.Database, unsorted: readonly Source[], issue: IssueDescription, onProgress?: ProgressListener): Promise<ImportReport> {
  const sources = byPageOrder(unsorted);
  const results: ImportFileResult[] = [];
  const seen = new Map<string, string>();
  let issueId: number | null = null;
  let lastTurn = performance.now();

  for (const source of sources) {
    const result: ImportFileResult = { file: source.file, pageId: null, encoding: null, lines: 0, error: null };
    try {
      if (source.problem) throw new PageProblem(source.problem);
      const bytes = await source.read().catch((err: NodeJS.ErrnoException) => {
        throw new PageProblem(`cannot read (${err.code ?? err.message})`);
      });
      const { text, encoding, warning } = decodeBytes(bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const twin = seen.get(sha256);
      if (twin !== undefined) throw new PageProblem(`same page as ${twin} (identical content), imported once`);
      const lines = splitLines(text);
      const proposed = toProposedPage(proposePage(lines), lines);
      // A page and its annotation (and the issue, with the first page) commit together or not at all.
      const stored = inBulkTransaction(db, () => {
        const into = issueId ?? createIssue(db, { publicationId: ensurePublication(db, issue.publication), date: issue.date, label: issue.label });
        const page = { issueId: into, number: seen.size + 1, file: fileNameOf(source.file), rawText: text, sha256, encoding, lineCount: lines.length };
        return { into, pageId: insertProposedPage(db, page, proposed) };
      });
      issueId = stored.into;
      seen.set(sha256, source.file);
      Object.assign(result, { pageId: stored.pageId, encoding, lines: lines.length }, warning && { warning });
    } catch (err) {
      result.error = problemOf(err, db.name);
    }
    results.push(result);
    onProgress?.({ done: results.length, total: sources.length, file: source.file });
    // Let pending events and other calls through between pages, every few milliseconds: a big
    // import must not freeze the app, and a turn of the event loop per page costs more than it gives.
    if (performance.now() - lastTurn >= TURN_EVERY_MS) {
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
      lastTurn = performance.now();
    }
  }
  const imported = results.filter((r) => r.pageId !== null).length;
  // A library's first pages get their backup now, not when the app next starts. A failed backup
  // does not undo the import: `galley check` lists the backups there are.
  if (imported > 0 && db.name !== ':memory:' && db.name !== '') await ensureDailyBackup(db, db.name).catch(() => null);
  return { issueId, files: results, imported, failed: results.length - imported };
}

/** How long an import may hold the thread between turns of the event loop. */
const TURN_EVERY_MS = 8;

class PageProblem extends Error {}

/** The file's own name; upload names use '/', Windows paths '\\'. */
function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function problemOf(err: unknown, libraryPath: string): string {
  if (err instanceof PageProblem) return err.message;
  const known = storeError(err, libraryPath);
  if (known) return known.message;
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof GalleyError) return message.split('\n')[0] ?? message;
  return `could not store the page: ${message.split('\n')[0]}`;
}
