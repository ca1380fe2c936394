import { mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { IssueDocument, JournalDocument, PageDocument } from '../../app/export/document.js';
import { issueFileStem } from '../../app/export/file-names.js';
import { type ExportFile, type ExportFormat, exportIssue, hasOwnFolder } from '../../app/export/index.js';
import { GalleyError } from '../../app/errors.js';
import { articlePlacement } from '../../app/export/layout.js';
import { getIssue } from '../store/issues.js';
import { getPageSource } from '../store/page-sources.js';
import { listJournal } from '../store/journal.js';
import { getRawText, listPages } from '../store/pages.js';
import { getPublication } from '../store/publications.js';
import { readPageArticles } from '../metadata/page-articles.js';
import { liveLinks } from '../metadata/continuations.js';
import { type LinkChange, LINK_OP, UNLINK_OP } from '../edits/edits.js';
import type { ArticleLink } from '../store/article-links.js';

export { EXPORT_FORMATS, type ExportFormat } from '../../app/export/index.js';

/** The full-fidelity export of an issue (see app/export/document.ts). */
export type IssueExport = IssueDocument;

export interface ExportProgress {
  done: number;
  total: number;
}

/** Everything the library knows about one issue, enough to restore it. */
export function buildIssueExport(db: Database.Database, issueId: number, onPage?: (done: number, total: number) => void): IssueDocument {
  // One read transaction: a page imported or edited meanwhile cannot tear the export.
  return db.transaction(() => {
    const issue = getIssue(db, issueId);
    if (!issue) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    const publication = getPublication(db, issue.publicationId);
    if (!publication) throw new GalleyError('INTERNAL', `issue ${issueId} has no publication`);
    const rows = listPages(db, issueId);
    const pages = rows.map((p, i): PageDocument => {
      const page = readPageArticles(db, p.id);
      const rawText = getRawText(db, p.id);
      if (rawText === undefined) throw new GalleyError('NOT_FOUND', `page ${p.id} disappeared during the export`);
      const geometry = getPageSource(db, p.id)?.geometry ?? null;
      onPage?.(i + 1, rows.length);
      return {
        number: p.number, file: p.file, sha256: p.sha256, encoding: p.encoding, importedAt: p.importedAt, lineCount: p.lineCount,
        rawText, annotation: page.annotation, segmentation: page.segmentation,
        geometry,
        metadata: [
          ...page.articles.map((a) => ({ article: a.article.id, metadata: a.metadata, resolved: a.resolved, pages: articlePlacement({ number: p.number, annotation: page.annotation, geometry }, a.article.id) })),
          ...page.orphans.map((o) => ({ article: o.articleKey, metadata: o.metadata, anchoredText: o.anchoredText })),
        ],
      };
    });
    const numberOf = new Map(rows.map((p) => [p.id, p.number]));
    // Links name pages by row id in the library; the document names them by page number, as the journal does.
    const onPages = (l: ArticleLink) => ({ from: { page: numberOf.get(l.fromPage)!, article: l.fromArticle }, to: { page: numberOf.get(l.toPage)!, article: l.toArticle } });
    const continuations = liveLinks(db, issueId, rows.map((p, i) => ({ pageId: p.id, number: p.number, articles: pages[i]!.segmentation.articles }))).map(onPages);
    const changeOnPages = (c: LinkChange) => ({ ...(c.add && { add: onPages(c.add) }), ...(c.remove && { remove: onPages(c.remove) }) });
    const journal = listJournal(db, rows.map((p) => p.id)).map(({ id: _id, pageId, ...row }): JournalDocument => ({
      ...row, page: pageId === null ? null : (numberOf.get(pageId) ?? null),
      ...((row.op === LINK_OP || row.op === UNLINK_OP) && { payload: changeOnPages(row.payload as LinkChange), inverse: changeOnPages(row.inverse as LinkChange) }),
    }));
    return {
      format: 'galley-issue', formatVersion: 2,
      publication: { name: publication.name },
      issue: { date: issue.date, label: issue.label, createdAt: issue.createdAt },
      pages, continuations, journal,
    } satisfies IssueDocument;
  })();
}

/** An issue rendered in one format, and the folder name its files go in when there are several. */
export interface RenderedExport {
  files: ExportFile[];
  /** For md, txt, mets, alto and page (several files): a folder name for them; null for one-file formats. */
  folder: string | null;
}

/** Builds and renders an issue in one format, reporting progress page by page. */
export function renderIssueExport(db: Database.Database, issueId: number, format: ExportFormat, onProgress?: (p: ExportProgress) => void): RenderedExport {
  const doc = buildIssueExport(db, issueId, (done, total) => onProgress?.({ done, total: total + 1 }));
  const base = issueFileStem(doc.publication.name, doc.issue.date, issueId);
  const files = exportIssue(doc, format, base);
  onProgress?.({ done: doc.pages.length + 1, total: doc.pages.length + 1 });
  return { files, folder: hasOwnFolder(format) ? base : null };
}


/**
 * Exports an issue into `outDir` (created when missing): one-file formats as
 * `<publication>_<date>_<id>.<ext>`, md, txt, mets, alto and page into a folder of that name. Returns the paths written.
 */
export function exportIssueToFolder(db: Database.Database, issueId: number, format: ExportFormat, outDir: string, onProgress?: (p: ExportProgress) => void): string[] {
  const { files, folder } = renderIssueExport(db, issueId, format, onProgress);
  return writeExportFiles(files, folder === null ? outDir : join(outDir, folder));
}

/**
 * Creates the export folder and the folders above it that are missing, one at a time: a recursive
 * mkdir never stops where creating a folder fails with ENOENT under a parent that exists (/proc).
 */
function makeFolder(dir: string, depth = 0): void {
  const refuse = (why: string) => new GalleyError('IO', `cannot export into ${dir}: ${why}`);
  const existing = statSync(dir, { throwIfNoEntry: false });
  if (existing) {
    if (!existing.isDirectory()) throw new GalleyError('BAD_INPUT', `cannot export into ${dir}: it is a file, not a folder`);
    return;
  }
  const parent = dirname(dir);
  if (parent !== dir && !statSync(parent, { throwIfNoEntry: false })) {
    if (depth > 64) throw refuse('too many missing folders above it');
    makeFolder(parent, depth + 1);
  }
  try {
    mkdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    throw refuse(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'no permission to create a folder there' : `a folder cannot be created there (${code ?? (err as Error).message})`);
  }
}

/**
 * Writes export files into `outDir` and nowhere else: every name must be a plain file name that
 * resolves inside the folder (checked for all files before the first is written), and each file
 * is written next to its target and renamed over it, so a symlink planted in the folder is
 * replaced, never followed, and a failed export leaves no half-written file.
 */
export function writeExportFiles(files: readonly ExportFile[], outDir: string): string[] {
  makeFolder(resolve(outDir));
  const root = realpathSync(resolve(outDir));
  const targets = files.map((f) => {
    const target = resolve(root, f.name);
    if (f.name === '' || basename(f.name) !== f.name || /[\\/]/.test(f.name) || f.name === '.' || f.name === '..' || dirname(target) !== root) {
      throw new GalleyError('BAD_INPUT', `refusing to write "${f.name.slice(0, 80)}": not a plain file name inside the export folder`);
    }
    return target;
  });
  const seen = new Set<string>();
  for (const t of targets) {
    const key = t.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new GalleyError('INTERNAL', `two export files would be named ${basename(t)}`);
    seen.add(key);
  }
  return files.map((f, i) => {
    const target = targets[i]!;
    const temp = join(root, `.${process.pid}-${i}.galley-tmp`);
    try {
      writeFileSync(temp, f.content, { flag: 'wx' });
      renameSync(temp, target);
    } catch (err) {
      rmSync(temp, { force: true });
      throw new GalleyError('IO', `cannot write ${basename(target)}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
    return target;
  });
}
