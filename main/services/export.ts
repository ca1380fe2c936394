import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { renderPage } from '../../app/engine/index.js';
import { GalleyError } from '../../app/errors.js';
import type { PageAnnotation } from '../../app/model/page.js';
import type { PageSegmentation } from '../../app/model/segmentation.js';
import { getPageAnnotation } from '../store/annotations.js';
import { getIssue } from '../store/issues.js';
import { listJournal, type JournalRow } from '../store/journal.js';
import { schemaVersion } from '../store/migrate.js';
import { getRawText, listPages } from '../store/pages.js';
import { getPublication } from '../store/publications.js';

export const EXPORT_FORMATS = ['json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Everything the library knows about one issue, enough to restore it: the full-fidelity export. */
export interface IssueExport {
  format: 'galley-issue';
  formatVersion: 1;
  schemaVersion: number;
  exportedAt: string;
  publication: { id: number; name: string };
  issue: { id: number; date: string | null; label: string; createdAt: string };
  pages: {
    id: number;
    number: number;
    file: string;
    sha256: string;
    encoding: string;
    importedAt: string;
    lineCount: number;
    rawText: string;
    annotation: PageAnnotation;
    segmentation: PageSegmentation;
  }[];
  journal: JournalRow[];
}

export function buildIssueExport(db: Database.Database, issueId: number): IssueExport {
  // One read transaction: a page imported or edited meanwhile cannot tear the export.
  return db.transaction(() => {
    const issue = getIssue(db, issueId);
    if (!issue) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    const publication = getPublication(db, issue.publicationId);
    if (!publication) throw new GalleyError('INTERNAL', `issue ${issueId} has no publication`);
    const pages = listPages(db, issueId).map((p) => {
      const annotation = getPageAnnotation(db, p.id);
      const rawText = getRawText(db, p.id);
      if (!annotation || rawText === undefined) throw new GalleyError('NOT_FOUND', `page ${p.id} disappeared during the export`);
      return {
        id: p.id, number: p.number, file: p.file, sha256: p.sha256, encoding: p.encoding, importedAt: p.importedAt,
        lineCount: p.lineCount, rawText, annotation, segmentation: renderPage(annotation, { file: p.file, sha256: p.sha256 }),
      };
    });
    return {
      format: 'galley-issue', formatVersion: 1, schemaVersion: schemaVersion(db), exportedAt: new Date().toISOString(),
      publication, issue: { id: issue.id, date: issue.date, label: issue.label, createdAt: issue.createdAt },
      pages, journal: listJournal(db, pages.map((p) => p.id)),
    } satisfies IssueExport;
  })();
}

/** Writes `<publication>_<date>_<issueId>.json` into `outDir` (created when missing); returns its path. */
export function writeIssueExport(data: IssueExport, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, exportFileName(data.publication.name, data.issue.date, data.issue.id));
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/**
 * A file name every system accepts: no characters Windows, macOS or Linux reserve, no trailing dot
 * or space, short enough in UTF-8 bytes (names are limited to 255 bytes; CJK takes 3 each).
 */
export function exportFileName(publication: string, date: string | null, issueId: number): string {
  return `${safePart(publication, 120)}_${safePart(date ?? 'undated', 20)}_${issueId}.json`;
}

function safePart(text: string, maxBytes: number): string {
  let safe = text.normalize('NFC').replace(/[<>:"/\\|?*\p{Cc}]/gu, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  while (Buffer.byteLength(safe) > maxBytes) safe = [...safe].slice(0, -1).join('');
  return safe === '' ? '_' : safe;
}
