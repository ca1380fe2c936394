import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportFileResult, ImportOptions, ImportReport } from '../../app/contract.js';
import { GalleyError } from '../../app/errors.js';
import { proposePage, splitLines, type PublicationProfile } from '../../app/engine/index.js';
import { insertProposedPage } from '../store/annotation/annotations.js';
import { setPageNumber } from '../store/pages.js';
import { ensureDailyBackup } from '../store/backup.js';
import { inBulkTransaction } from '../store/bulk.js';
import { storeError } from '../store/errors.js';
import { toProposedPage } from '../store/annotation/proposal.js';
import { createIssue } from '../store/issues.js';
import { ensurePublication, listPublications, UNTITLED_PUBLICATION } from '../store/publications.js';
import { profileForProposing } from '../publication/profile.js';
import { countLines, MAX_PAGE_LINES, tooLarge, tooManyLines } from './encoding.js';
import { IMPORT_EXTENSIONS, isImportable, maxBytesFor, readPageFile } from './formats.js';
import { type HeaderFacts, headerFacts } from './page-header.js';
import { insertPageGeometry, insertPdfSource } from '../store/page-sources.js';
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

export { UNTITLED_PUBLICATION };

/** Imports files and folders (their page files of any format, not recursively) into one new issue. */
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
      if (pages.length === 0) sources.push(unreadable(path, `folder has no pages (${IMPORT_EXTENSIONS.map((e) => `.${e}`).join(', ')})`));
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
  return entries.filter((e) => e.isFile() && isImportable(e.name) && !e.name.startsWith('.')).map((e) => join(folder, e.name));
}

function fileSource(path: string, size: number): Source {
  const source: Source = { file: path, order: pageOrderFromName(path), read: async () => new Uint8Array(await readFile(path)) };
  // Refused from its size alone, so a huge file is never read into memory.
  if (size > maxBytesFor(path)) source.problem = tooLarge(size, maxBytesFor(path));
  return source;
}

function unreadable(file: string, problem: string): Source {
  return { file, order: null, problem, read: async () => new Uint8Array() };
}

interface IssueDescription {
  publication: string;
  date: string | null;
  /** Null: the date names the issue, else the time of the import. */
  label: string | null;
}

function describeIssue(options: ImportOptions, folders: readonly string[], sources: readonly Source[]): IssueDescription {
  const names = [...folders.map((f) => basename(f)), ...sources.map((s) => stemOf(s.file))];
  const date = options.date ?? names.map(dateFromName).find((d) => d !== null) ?? null;
  // A folder named only by its date (…/凯里日报/2021-01-06/) gets its publication from its parent.
  const publication = options.publication
    ?? folders.flatMap((f) => [basename(f), basename(dirname(f))]).map(publicationFromFolder).find((p) => p !== null)
    ?? UNTITLED_PUBLICATION;
  return { publication, date, label: options.label ?? null };
}

async function importSources(db: Database.Database, unsorted: readonly Source[], issue: IssueDescription, onProgress?: ProgressListener): Promise<ImportReport> {
  const sources = byPageOrder(unsorted);
  const results: ImportFileResult[] = [];
  const seen = new Map<string, string>();
  let issueId: number | null = null;
  let done = 0;
  // What this paper's editors taught the engine so far: the new pages start from it.
  const known = listPublications(db).find((p) => p.name === issue.publication);
  const learned = known && profileForProposing(db, known.id);
  // The page each stored page prints (第2版), for pages whose file names give no order.
  const printed = new Map<number, number | null>();

  // Progress counts pages: a many-page file (a PDF) adds its pages to the total once it is read.
  let total = sources.length;
  for (const source of sources) {
    let counted = false;
    const pageDone = (file: string, pagesOfFile: number) => {
      if (!counted) total += pagesOfFile - 1;
      counted = true;
      onProgress?.({ done: ++done, total, file });
    };
    const pages: StoredPage[] = await importSource(db, source, issueId, { issue, seen, learned, printed }, pageDone).catch((err: unknown) => {
      pageDone(source.file, 1);
      return [{ file: source.file, error: problemOf(err, db.name) }];
    });
    for (const page of pages) {
      const result: ImportFileResult = { file: page.file, pageId: null, encoding: null, lines: 0, error: null };
      if ('error' in page) result.error = page.error;
      else {
        issueId = page.issueId;
        Object.assign(result, { pageId: page.pageId, encoding: page.encoding, lines: page.lines }, page.warning && { warning: page.warning });
      }
      results.push(result);
    }
    await turn();
  }
  numberAsPrinted(db, printed);
  const imported = results.filter((r) => r.pageId !== null).length;
  // A library's first pages get their backup now, not when the app next starts. A failed backup
  // does not undo the import: `galley check` lists the backups there are.
  if (imported > 0 && db.name !== ':memory:' && db.name !== '') await ensureDailyBackup(db, db.name).catch(() => null);
  return { issueId, files: results, imported, failed: results.length - imported };
}

/**
 * Pages whose names gave no order take the numbers they print (第2版, 第3版), when every one prints
 * a different one; otherwise they keep the order of their names.
 */
function numberAsPrinted(db: Database.Database, printed: ReadonlyMap<number, number | null>): void {
  const numbers = [...printed.values()];
  if (numbers.length === 0 || numbers.some((n) => n === null) || new Set(numbers).size !== numbers.length) return;
  inBulkTransaction(db, () => {
    for (const [pageId, n] of printed) setPageNumber(db, pageId, n!);
  });
}

/** The new issue's row: what the editor and the names did not say, the first page's header may (its date, its paper). */
function issueRow(db: Database.Database, issue: IssueDescription, facts: HeaderFacts) {
  const date = issue.date ?? facts.date;
  const publication = issue.publication === UNTITLED_PUBLICATION && facts.publication ? facts.publication : issue.publication;
  const label = issue.label ?? date ?? `imported ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
  return { publicationId: ensurePublication(db, publication), date, label };
}

/** What every file of one import shares. */
interface ImportRun {
  issue: IssueDescription;
  /** Pages stored so far, by content hash: a second copy is refused. */
  seen: Map<string, string>;
  /** What the publication learned: the new pages start from it. */
  learned: PublicationProfile | undefined;
  /** The page each stored page prints (第2版), for pages whose file names give no order. */
  printed: Map<number, number | null>;
}

type StoredPage = { file: string; pageId: number; issueId: number; encoding: string; lines: number; warning?: string | undefined } | { file: string; error: string };

/**
 * One file's pages (a PDF gives several): each page, with its geometry and the issue when it is the
 * first, commits on its own; a PDF's bytes are stored with its first stored page.
 */
async function importSource(db: Database.Database, source: Source, issueId: number | null, run: ImportRun, pageDone: (file: string, pagesOfFile: number) => void): Promise<StoredPage[]> {
  const { issue, seen, learned, printed } = run;
  if (source.problem) throw new PageProblem(source.problem);
  const bytes = await source.read().catch((err: NodeJS.ErrnoException) => {
    throw new PageProblem(`cannot read (${err.code ?? err.message})`);
  });
  const fileSha = createHash('sha256').update(bytes).digest('hex');
  const read = await readPageFile(fileNameOf(source.file), bytes);
  const several = read.pages.length > 1;
  let into = issueId;
  let pdfSource: number | null = null;
  const out: StoredPage[] = [];
  for (const [index, page] of read.pages.entries()) {
    const file = several ? `${source.file}#${index + 1}` : source.file;
    try {
      if (page.text.trim() === '') throw new PageProblem(several ? 'no text on this page' : 'no text in this file');
      // a text page was counted as it was decoded; a page extracted from a PDF or XML is counted here
      const count = countLines(page.text);
      if (count > MAX_PAGE_LINES) throw new PageProblem(tooManyLines(count));
      // A page of a many-page file is told apart from the file's other pages by its number.
      const sha256 = several ? createHash('sha256').update(`${fileSha}#${index + 1}`).digest('hex') : fileSha;
      const twin = seen.get(sha256);
      if (twin !== undefined) throw new PageProblem(`same page as ${twin} (identical content), imported once`);
      const lines = splitLines(page.text);
      const annotation = proposePage(lines, { learned, boxes: page.geometry?.lines });
      const proposed = toProposedPage(annotation, lines);
      const facts = headerFacts(annotation);
      // A page and its annotation (and the issue, with the first page) commit together or not at all.
      const stored = inBulkTransaction(db, () => {
        const issueOf = into ?? createIssue(db, issueRow(db, issue, facts));
        const row = { issueId: issueOf, number: seen.size + 1, file: fileNameOf(file), rawText: page.text, sha256, encoding: page.encoding, lineCount: lines.length };
        const pageId = insertProposedPage(db, row, proposed);
        const sourceId = pdfSource ?? (read.pdf ? insertPdfSource(db, issueOf, fileNameOf(source.file), fileSha, read.pdf) : null);
        if (page.geometry) insertPageGeometry(db, pageId, page.geometry, sourceId === null ? null : { sourceId, pageIndex: index });
        return { issueOf, pageId, sourceId };
      });
      into = stored.issueOf;
      pdfSource = stored.sourceId;
      printed.set(stored.pageId, source.order === null ? facts.page : null);
      seen.set(sha256, file);
      out.push({ file, pageId: stored.pageId, issueId: stored.issueOf, encoding: page.encoding, lines: lines.length, warning: page.warning });
    } catch (err) {
      out.push({ file, error: problemOf(err, db.name) });
    }
    pageDone(file, read.pages.length);
    // A 300-page PDF is one file: the app stays responsive between its pages too.
    await turn();
  }
  return out;
}

let lastTurn = performance.now();

/**
 * Lets pending events and other calls through between pages, every few milliseconds: a big import
 * must not freeze the app, and a turn of the event loop per page costs more than it gives.
 */
async function turn(): Promise<void> {
  if (performance.now() - lastTurn < TURN_EVERY_MS) return;
  await new Promise((resolveTurn) => setImmediate(resolveTurn));
  lastTurn = performance.now();
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
