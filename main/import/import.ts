import { createHash } from 'node:crypto';
import { open as openFile, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, posix, relative, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportFileResult, ImportGuess, ImportOptions, ImportReport } from '../../app/contract.js';
import { GalleyError } from '../../app/errors.js';
import { applySourceStructure, proposePage, splitLines, type PublicationProfile } from '../../app/engine/index.js';
import { insertProposedPage } from '../store/annotation/annotations.js';
import { setPageNumber } from '../store/pages.js';
import { ensureDailyBackup } from '../store/backup.js';
import { inBulkTransaction } from '../store/bulk.js';
import { storeError } from '../store/errors.js';
import { toProposedPage } from '../store/annotation/proposal.js';
import { createIssue } from '../store/issues.js';
import { finishImportRun, pageHashes, startImportRun, unfinishedImport } from '../store/import-runs.js';
import { ensurePublication, listPublications, UNTITLED_PUBLICATION } from '../store/publications.js';
import { profileForProposing } from '../publication/profile.js';
import { countLines, MAX_PAGE_LINES, tooLarge, tooManyLines } from './encoding.js';
import { extensionOf, IMPORT_EXTENSIONS, isImportable, isMets, maxBytesFor, readPageFile } from './formats.js';
import type { Companions, ReadPage } from './formats/page-lines.js';
import { SCAN_EXTENSIONS } from '../../app/model/page-formats.js';
import { imageTooLarge, MAX_IMAGE_BYTES, scanImage, type ScanImage } from './images.js';
import { type HeaderFacts, headerFacts } from './page-header.js';
import { insertPageGeometry, insertPageImage, insertPdfSource } from '../store/page-sources.js';
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
  /** The files beside it: the scans and (for a METS) the ALTO files it names. */
  companions: Companions;
  problem?: string;
}

export { UNTITLED_PUBLICATION };

/** Imports files and folders (their page files of any format, not recursively) into one new issue. */
export async function importPaths(db: Database.Database, paths: readonly string[], options: ImportOptions, onProgress?: ProgressListener): Promise<ImportReport> {
  const { sources, folders } = await sourcesOfPaths(paths);
  // The same paths imported again go on with an import of them that was cut short.
  const resume = JSON.stringify(paths.map((p) => resolve(p)).sort());
  return importSources(db, sources, { ...describeIssue(options, folders, sources), resume }, onProgress);
}

/** The pages files and folders hold, and the folders they are in (whose names may say the paper and day). */
async function sourcesOfPaths(paths: readonly string[]): Promise<{ sources: Source[]; folders: string[] }> {
  const sources: Source[] = [];
  const folders: string[] = [];
  const scans: string[] = [];
  const picked: { path: string; size: number }[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => err);
    if (info instanceof Error) {
      sources.push(unreadable(path, info.code === 'ENOENT' ? 'no such file or folder' : `cannot read (${info.code ?? info.message})`));
    } else if (info.isDirectory()) {
      folders.push(resolve(path));
      const pages = await pagesInFolder(path);
      if (pages.length === 0) sources.push(unreadable(path, `folder has no pages (${IMPORT_EXTENSIONS.map((e) => `.${e}`).join(', ')})`));
      sources.push(...pages.map((file) => fileSource(file, info.size)));
    } else if (isImage(path)) {
      // a scan picked with its page is found beside it on disk; one picked alone is reported
      scans.push(path);
    } else {
      folders.push(dirname(resolve(path)));
      picked.push({ path, size: info.size });
    }
  }
  const metsPicked = await metsOnly(picked.map((p) => p.path));
  sources.push(...picked.filter((p) => metsPicked.includes(p.path)).map((p) => fileSource(p.path, p.size)));
  if (sources.length === 0) sources.push(...scans.map((scan) => unreadable(scan, SCAN_ALONE)));
  return { sources, folders };
}

/**
 * Imports page files given as bytes into one new issue. Scans sent with them are their pages'
 * images, not pages; where a METS is among them, its pages come through it (the other XML files
 * are what it points to).
 */
export async function importFiles(db: Database.Database, files: readonly ImportFile[], options: ImportOptions, onProgress?: ProgressListener): Promise<ImportReport> {
  const byName = new Map(files.map((f) => [posix.normalize(f.name.replace(/\\/g, '/')), f]));
  const uploaded = (from: string): Companions => ({
    open: async (name) => {
      const path = posix.join(posix.dirname(posix.normalize(from.replace(/\\/g, '/'))), safeName(name));
      const file = byName.get(path);
      return file ? { name: path, size: file.bytes.length, read: async () => file.bytes } : null;
    },
  });
  const pages = files.filter((f) => !isImage(f.name));
  const mets = pages.filter((f) => isMets(new TextDecoder().decode(f.bytes.subarray(0, 4096))));
  const sources = (mets.length ? mets : pages).map((f): Source => ({ file: f.name, order: pageOrderFromName(f.name), read: async () => f.bytes, companions: uploaded(f.name) }));
  if (pages.length === 0) sources.push(...files.map((f) => unreadable(f.name, SCAN_ALONE)));
  const folders = files.map((f) => f.name.split(/[\\/]/).slice(0, -1).join('/')).filter((folder) => folder !== '');
  return importSources(db, sources, describeIssue(options, folders, sources), onProgress);
}

/** Imports the bundled sample issue into a library that has nothing yet (the first start). */
export async function importSampleIfEmpty(db: Database.Database, samplePath: string, options: ImportOptions = {}): Promise<ImportReport | null> {
  if (listPublications(db).length > 0) return null;
  return importPaths(db, [samplePath], options);
}

/** A folder's page files; a folder holding a METS is its issue, so only the METS files are. */
async function pagesInFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  // Names starting with a dot are hidden files, e.g. macOS's binary "._p1.txt" companions.
  return metsOnly(entries.filter((e) => e.isFile() && isImportable(e.name) && !e.name.startsWith('.')).map((e) => join(folder, e.name)));
}

/** The METS files among page files when there is one (the others are what it points to), else all of them. */
async function metsOnly(pages: readonly string[]): Promise<string[]> {
  const mets: string[] = [];
  for (const page of pages) if (['xml', 'mets'].includes(extensionOf(page)) && isMets(await headOf(page).catch(() => ''))) mets.push(page);
  return mets.length ? mets : [...pages];
}

async function headOf(path: string): Promise<string> {
  const file = await openFile(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(new Uint8Array(4096), 0, 4096, 0);
    return new TextDecoder().decode(buffer.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

/** Files beside a page file, in its folder or below: a name cannot lead out of it (.., an absolute path, a URL). */
export function besideOnDisk(path: string): Companions {
  const folder = dirname(resolve(path));
  return {
    open: async (name) => {
      const target = resolve(folder, safeName(name));
      const rel = relative(folder, target);
      if (rel.startsWith('..') || isAbsolute(rel)) throw new PageProblem(`${name} is outside the folder of ${basename(path)}; only files beside it are read`);
      const info = await stat(target).catch(() => null);
      return info?.isFile() ? { name: target, size: info.size, read: async () => new Uint8Array(await readFile(target)) } : null;
    },
  };
}

/** A name a file gives another by: relative and inside its folder, else refused. */
function safeName(name: string): string {
  const plain = name.replace(/\\/g, '/');
  if (/^[a-z][a-z0-9+.-]*:/i.test(plain) || plain.startsWith('/') || plain.split('/').includes('..')) {
    throw new PageProblem(`${name} is not a file beside this one (only relative names inside its folder are read)`);
  }
  return plain;
}

const SCAN_ALONE = 'a scan is imported with its page file (ALTO, PAGE-XML, hOCR or METS), not alone';

function isImage(name: string): boolean {
  return (SCAN_EXTENSIONS as readonly string[]).includes(extensionOf(name));
}

function fileSource(path: string, size: number): Source {
  const source: Source = { file: path, order: pageOrderFromName(path), read: async () => new Uint8Array(await readFile(path)), companions: besideOnDisk(path) };
  // Refused from its size alone, so a huge file is never read into memory.
  if (size > maxBytesFor(path)) source.problem = tooLarge(size, maxBytesFor(path));
  return source;
}

function unreadable(file: string, problem: string): Source {
  return { file, order: null, problem, read: async () => new Uint8Array(), companions: { open: async () => null } };
}

interface IssueDescription {
  publication: string;
  date: string | null;
  /** Null: the date names the issue, else the time of the import. */
  label: string | null;
  /** An import of paths: what names it, so that a second run of it can finish it (import_runs). */
  resume?: string;
  /** What the editor said the first page prints; null: names and headers number the pages. */
  firstPage: number | null;
}

/** How many files' first pages a guess reads: the header of an issue is on its first pages. */
const GUESS_FILES = 3;

/**
 * What an import of these files would take for its issue, before anything is stored: the date and
 * page from the names, else what the first pages' headers print (2021年10月28日, 第2版, 凯里日报);
 * the same rules `importSources` follows, so confirming the guess changes nothing.
 */
export async function guessIssue(files: readonly ImportFile[]): Promise<ImportGuess> {
  return guessFrom(files.map((f) => ({ file: f.name, order: pageOrderFromName(f.name), read: async () => f.bytes })), []);
}

/** The guess of `guessIssue` for files and folders on disk (the CLI, the desktop menu), folder names included. */
export async function guessPaths(paths: readonly string[]): Promise<ImportGuess> {
  const { sources, folders } = await sourcesOfPaths(paths);
  return guessFrom(sources.filter((s) => !s.problem), folders);
}

async function guessFrom(unsorted: readonly Pick<Source, 'file' | 'order' | 'read'>[], folders: readonly string[]): Promise<ImportGuess> {
  const sources = byPageOrder(unsorted);
  const named = fromNames(folders, sources);
  // a name's number sorts the pages; only from 1 on is it a page a paper prints (000_… is no page 0)
  const first = sources[0];
  const order = first?.order ?? null;
  const guess: ImportGuess = {
    publication: null, date: named.date?.value ?? null, firstPage: order !== null && order >= 1 ? order : null,
    from: {
      ...(named.date && { date: `the name ${named.date.from}` }),
      ...(order !== null && order >= 1 && { firstPage: `the name ${basename(first!.file)}` }),
    },
  };
  for (const [i, source] of sources.slice(0, GUESS_FILES).entries()) {
    const bytes = await source.read().catch(() => new Uint8Array());
    const text = await readPageFile(fileNameOf(source.file), bytes).then((r) => r.pages[0]?.text ?? '', () => '');
    if (text.trim() === '' || countLines(text) > MAX_PAGE_LINES) continue;
    const facts = headerFacts(proposePage(splitLines(text)));
    const header = `the header of ${basename(source.file)}`;
    if (guess.date === null && facts.date !== null) [guess.date, guess.from!.date] = [facts.date, header];
    if (guess.publication === null && facts.publication !== null) [guess.publication, guess.from!.publication] = [facts.publication, header];
    if (i === 0 && guess.firstPage === null && facts.page !== null) [guess.firstPage, guess.from!.firstPage] = [facts.page, header];
  }
  // The paper's name its header prints beats a folder's name (files are often picked from any folder).
  if (guess.publication === null && named.publication) [guess.publication, guess.from!.publication] = [named.publication.value, `the name ${named.publication.from}`];
  return guess;
}

/** What the folder and file names say of the issue, and which name said it. */
function fromNames(folders: readonly string[], sources: readonly { file: string }[]) {
  const names = [...folders.map((f) => basename(f)), ...sources.map((s) => stemOf(s.file))];
  const dated = names.find((n) => dateFromName(n) !== null);
  // A folder named only by its date (…/凯里日报/2021-01-06/) gets its publication from its parent.
  const paper = folders.flatMap((f) => [basename(f), basename(dirname(f))]).find((n) => publicationFromFolder(n) !== null);
  return {
    date: dated === undefined ? null : { value: dateFromName(dated)!, from: dated },
    publication: paper === undefined ? null : { value: publicationFromFolder(paper)!, from: paper },
  };
}

function describeIssue(options: ImportOptions, folders: readonly string[], sources: readonly { file: string }[]): IssueDescription {
  const named = fromNames(folders, sources);
  return {
    publication: options.publication ?? named.publication?.value ?? UNTITLED_PUBLICATION,
    date: options.date ?? named.date?.value ?? null,
    label: options.label ?? null,
    firstPage: options.firstPage ?? null,
  };
}

async function importSources(db: Database.Database, unsorted: readonly Source[], issue: IssueDescription, onProgress?: ProgressListener): Promise<ImportReport> {
  const sources = byPageOrder(unsorted);
  const results: ImportFileResult[] = [];
  // An import of the same paths that was cut short is gone on with: its pages are skipped.
  let issueId: number | null = issue.resume === undefined ? null : (unfinishedImport(db, issue.resume) ?? null);
  const already = issueId === null ? new Map<string, string>() : pageHashes(db, issueId);
  const seen = new Map(already);
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
    const pages: StoredPage[] = await importSource(db, source, issueId, { issue, seen, already, learned, printed }, pageDone).catch((err: unknown) => {
      pageDone(source.file, 1);
      return [{ file: source.file, error: problemOf(err, db.name) }];
    });
    for (const page of pages) {
      const result: ImportFileResult = { file: page.file, pageId: null, encoding: null, lines: 0, error: null };
      if ('error' in page) result.error = page.error;
      else if ('skipped' in page) result.skipped = true;
      else {
        issueId = page.issueId;
        Object.assign(result, { pageId: page.pageId, encoding: page.encoding, lines: page.lines }, page.warning && { warning: page.warning });
      }
      results.push(result);
    }
    await turn();
  }
  if (issue.firstPage === null) numberAsPrinted(db, printed);
  else numberFrom(db, issue.firstPage, [...printed.keys()]);
  if (issueId !== null && issue.resume !== undefined) finishImportRun(db, issueId);
  const imported = results.filter((r) => r.pageId !== null).length;
  const skipped = results.filter((r) => r.skipped).length;
  // A library's first pages get their backup now, not when the app next starts. A failed backup
  // does not undo the import: `galley check` lists the backups there are.
  if (imported > 0 && db.name !== ':memory:' && db.name !== '') await ensureDailyBackup(db, db.name).catch(() => null);
  return { issueId, files: results, imported, failed: results.length - imported - skipped, skipped };
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

/** The editor said which page the first one is: the pages follow it in their order. */
function numberFrom(db: Database.Database, first: number, pageIds: readonly number[]): void {
  inBulkTransaction(db, () => pageIds.forEach((pageId, i) => setPageNumber(db, pageId, first + i)));
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
  /** Pages the issue held before this run (an import cut short, gone on with): skipped, not refused. */
  already: ReadonlyMap<string, string>;
  /** What the publication learned: the new pages start from it. */
  learned: PublicationProfile | undefined;
  /** The page each stored page prints (第2版), for pages whose file names give no order. */
  printed: Map<number, number | null>;
}

type StoredPage = { file: string; pageId: number; issueId: number; encoding: string; lines: number; warning?: string | undefined } | { file: string; error: string } | { file: string; skipped: true };

/**
 * One file's pages (a PDF gives several): each page, with its geometry and the issue when it is the
 * first, commits on its own; a PDF's bytes are stored with its first stored page.
 */
async function importSource(db: Database.Database, source: Source, issueId: number | null, run: ImportRun, pageDone: (file: string, pagesOfFile: number) => void): Promise<StoredPage[]> {
  const { issue, seen, already, learned, printed } = run;
  if (source.problem) throw new PageProblem(source.problem);
  const bytes = await source.read().catch((err: NodeJS.ErrnoException) => {
    throw new PageProblem(`cannot read (${err.code ?? err.message})`);
  });
  const fileSha = createHash('sha256').update(bytes).digest('hex');
  const read = await readPageFile(fileNameOf(source.file), bytes, source.companions);
  const several = read.pages.length > 1;
  let into = issueId;
  let pdfSource: number | null = null;
  const out: StoredPage[] = [];
  for (const [index, page] of read.pages.entries()) {
    const file = several ? `${source.file}#${index + 1}` : source.file;
    try {
      if (page.problem) throw new PageProblem(page.problem);
      if (page.text.trim() === '') throw new PageProblem(several ? 'no text on this page' : 'no text in this file');
      // a text page was counted as it was decoded; a page extracted from a PDF or XML is counted here
      const count = countLines(page.text);
      if (count > MAX_PAGE_LINES) throw new PageProblem(tooManyLines(count));
      // A page of a many-page file is told apart from the file's other pages by its number.
      const sha256 = several ? createHash('sha256').update(`${fileSha}#${index + 1}`).digest('hex') : fileSha;
      if (already.has(sha256)) {
        out.push({ file, skipped: true });
        pageDone(file, read.pages.length);
        continue;
      }
      const twin = seen.get(sha256);
      if (twin !== undefined) throw new PageProblem(`same page as ${twin} (identical content), imported once`);
      const lines = splitLines(page.text);
      const annotation = applySourceStructure(proposePage(lines, { learned, boxes: page.geometry?.lines }), page.articles ?? []);
      const proposed = toProposedPage(annotation, lines);
      // A scan that cannot be kept leaves the page's text to be imported, with the reason as its warning.
      const scan = read.pdf || !page.geometry ? null : await scanOf(page, source).catch((err: unknown) => err instanceof Error ? err : new Error(String(err)));
      const warning = [page.warning, scan instanceof Error ? scan.message : undefined].filter(Boolean).join('; ') || undefined;
      const facts = headerFacts(annotation);
      // A page and its annotation (and the issue, with the first page) commit together or not at all.
      const stored = inBulkTransaction(db, () => {
        const issueOf = into ?? createIssue(db, issueRow(db, issue, facts));
        if (into === null && issue.resume !== undefined) startImportRun(db, issueOf, issue.resume);
        const row = { issueId: issueOf, number: seen.size + 1, file: fileNameOf(file), rawText: page.text, sha256, encoding: page.encoding, lineCount: lines.length };
        const pageId = insertProposedPage(db, row, proposed);
        const sourceId = pdfSource ?? (read.pdf ? insertPdfSource(db, issueOf, fileNameOf(source.file), fileSha, read.pdf) : null);
        if (page.geometry) insertPageGeometry(db, pageId, page.geometry, sourceId === null ? null : { sourceId, pageIndex: index }, page.articles);
        if (scan && !(scan instanceof Error)) insertPageImage(db, pageId, { ...scan, sha256: createHash('sha256').update(scan.bytes).digest('hex') });
        return { issueOf, pageId, sourceId };
      });
      into = stored.issueOf;
      pdfSource = stored.sourceId;
      printed.set(stored.pageId, source.order === null ? facts.page : null);
      seen.set(sha256, file);
      out.push({ file, pageId: stored.pageId, issueId: stored.issueOf, encoding: page.encoding, lines: lines.length, warning });
    } catch (err) {
      out.push({ file, error: problemOf(err, db.name) });
    }
    pageDone(file, read.pages.length);
    // A 300-page PDF is one file: the app stays responsive between its pages too.
    await turn();
  }
  return out;
}

/**
 * The scan beside an XML page: the image the file names (as named, then by its own name beside
 * the page, since producers write paths of their own machines), else one named like the page file
 * (p1.xml, p1.alto.xml → p1.jpg, .png, .tif …). Null when there is none.
 */
async function scanOf(page: ReadPage, source: Source): Promise<ScanImage | null> {
  const named = page.imageName?.trim();
  const stem = fileNameOf(source.file).replace(/(\.(alto|page|mets|hocr))?\.[^.]+$/i, '');
  const candidates = [
    ...(named ? [named, fileNameOf(named)] : []),
    ...SCAN_EXTENSIONS.flatMap((ext) => [`${stem}.${ext}`, `${stem}.${ext.toUpperCase()}`]),
  ];
  for (const name of new Set(candidates)) {
    const found = await source.companions.open(name).catch(() => null);
    if (!found) continue;
    // Refused from its size alone, so a huge scan is never read into memory.
    if (found.size > MAX_IMAGE_BYTES) throw imageTooLarge(fileNameOf(name), found.size);
    return scanImage(fileNameOf(name), await found.read());
  }
  return null;
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
