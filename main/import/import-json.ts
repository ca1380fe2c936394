import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { validateAnnotation } from '../../app/edits/validate.js';
import { splitLines } from '../../app/engine/index.js';
import { firstIssue, GalleyError } from '../../app/errors.js';
import { issueDocument, type ParsedIssueDocument } from '../../app/export/document-schema.js';
import { articleText } from '../../app/metadata/text.js';
import { saveAnnotation } from '../store/annotation/annotations.js';
import { createIssue } from '../store/issues.js';
import { putArticleMetadata } from '../store/metadata.js';
import { insertPage } from '../store/pages.js';
import { ensurePublication } from '../store/publications.js';
import { insertJournalRow, setIssueCreatedAt, setPageImportedAt } from '../store/restore.js';
import { readPageArticles } from '../metadata/page-articles.js';
import { countLines, MAX_PAGE_BYTES, MAX_PAGE_LINES, tooLarge, tooManyLines } from './encoding.js';

export interface JsonImportReport {
  issueId: number;
  pages: number;
  articles: number;
}

/** Imports an issue export file (format `json`) as a new issue. */
export async function importIssueFile(db: Database.Database, path: string): Promise<JsonImportReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new GalleyError('IO', `cannot read ${basename(path)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return importIssueJson(db, text, basename(path));
}

/**
 * Restores an issue export as a new issue: pages with their raw text, every annotation decision,
 * metadata and entities, and the journal, with their original timestamps. Checked whole before
 * anything is written, and written in one transaction: a bad file leaves the library untouched.
 */
export function importIssueJson(db: Database.Database, text: string, name = 'the file'): JsonImportReport {
  const doc = parseDocument(text, name);
  return db.transaction(() => {
    const issueId = createIssue(db, { publicationId: ensurePublication(db, doc.publication.name), date: doc.issue.date, label: doc.issue.label });
    setIssueCreatedAt(db, issueId, doc.issue.createdAt);
    const pageIds = new Map<number, number>();
    let articles = 0;
    for (const p of doc.pages) {
      const pageId = insertPage(db, { issueId, number: p.number, file: p.file, rawText: p.rawText, sha256: p.sha256, encoding: p.encoding, lineCount: p.lineCount });
      setPageImportedAt(db, pageId, p.importedAt);
      saveAnnotation(db, pageId, p.annotation);
      pageIds.set(p.number, pageId);
      // Offsets were placed in the text the exporting library rendered; anchoring them to what this
      // library renders moves any tag the two disagree on instead of leaving it crooked.
      const rendered = new Map(readPageArticles(db, pageId).articles.map((a) => [a.article.id, articleText(a.article)]));
      for (const m of p.metadata) {
        const current = rendered.get(m.article);
        putArticleMetadata(db, pageId, m.article, m.metadata, current ?? m.anchoredText ?? '');
        if (current !== undefined) articles++;
      }
    }
    for (const row of doc.journal) {
      insertJournalRow(db, { ...row, pageId: row.page === null ? null : pageIds.get(row.page)! });
    }
    return { issueId, pages: doc.pages.length, articles };
  })();
}

function parseDocument(text: string, name: string): ParsedIssueDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new GalleyError('BAD_INPUT', `${name} is not JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'galley-issue') {
    throw new GalleyError('BAD_INPUT', `${name} is not a Galley issue export (no "format": "galley-issue")`);
  }
  const parsed = issueDocument.safeParse(raw);
  if (!parsed.success) {
    throw new GalleyError('BAD_INPUT', `${name} is not a valid issue export: ${firstIssue(parsed.error, 'document')}`);
  }
  const doc = parsed.data as ParsedIssueDocument;
  const numbers = new Set<number>();
  for (const p of doc.pages) {
    const where = `${name}: page ${p.number}`;
    if (numbers.has(p.number)) throw new GalleyError('BAD_INPUT', `${where} appears twice`);
    numbers.add(p.number);
    // the same limits as a page file, checked before the text is split
    const size = Buffer.byteLength(p.rawText, 'utf8');
    if (size > MAX_PAGE_BYTES) throw new GalleyError('BAD_INPUT', `${where}: ${tooLarge(size)}`);
    const count = countLines(p.rawText);
    if (count > MAX_PAGE_LINES) throw new GalleyError('BAD_INPUT', `${where}: ${tooManyLines(count)}`);
    const lines = splitLines(p.rawText);
    if (lines.length !== p.lineCount) throw new GalleyError('BAD_INPUT', `${where}: lineCount ${p.lineCount} but the raw text has ${lines.length} lines`);
    const problem = validateAnnotation(p.annotation)[0] ?? (p.annotation.lines.at(-1)?.n !== lines.length ? `the annotation does not cover the ${lines.length} source lines` : undefined);
    if (problem) throw new GalleyError('BAD_INPUT', `${where}: ${problem}`);
    const keys = new Set(p.annotation.articles.map((a) => a.id));
    const orphan = p.metadata.find((m) => !keys.has(m.article) && m.anchoredText === undefined);
    if (orphan) throw new GalleyError('BAD_INPUT', `${where}: metadata for article ${orphan.article}, which the page does not have`);
  }
  const stray = doc.journal.find((j) => j.page !== null && !numbers.has(j.page));
  if (stray) throw new GalleyError('BAD_INPUT', `${name}: the journal names page ${stray.page}, which the file does not have`);
  return doc;
}
