import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { z } from 'zod';
import { editOp } from '../../app/edits/ops.js';
import { applyPatch, type Patch, sameJson } from '../../app/edits/patch.js';
import { validateAnnotation } from '../../app/edits/validate.js';
import type { PageAnnotation } from '../../app/model/page.js';
import { hasLoneSurrogate } from '../../app/well-formed.js';
import { METADATA_OP } from '../metadata/metadata.js';
import { splitLines } from '../../app/engine/index.js';
import { firstIssue, GalleyError } from '../../app/errors.js';
import { issueDocument, journalLinkChange, journalLinkParams, journalMetadata, journalPatch, type ParsedIssueDocument } from '../../app/export/document-schema.js';
import type { ContinuationDocument } from '../../app/export/document.js';
import { LINK_OP, UNLINK_OP } from '../edits/edits.js';
import { type ArticleLink, insertLink } from '../store/article-links.js';
import { articleText } from '../../app/metadata/text.js';
import { saveAnnotation } from '../store/annotation/annotations.js';
import { createIssue } from '../store/issues.js';
import { putArticleMetadata } from '../store/metadata.js';
import { insertPageGeometry } from '../store/page-sources.js';
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
      // The boxes come back; the PDF the page was drawn from does not travel in the export.
      if (p.geometry) insertPageGeometry(db, pageId, p.geometry, null);
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
    // Links name pages by number in the file and by row id in the library.
    const onRows = (c: ContinuationDocument): ArticleLink => ({ fromPage: pageIds.get(c.from.page)!, fromArticle: c.from.article, toPage: pageIds.get(c.to.page)!, toArticle: c.to.article });
    const changeOnRows = (value: unknown) => {
      const c = journalLinkChange.parse(value);
      return { ...(c.add && { add: onRows(c.add) }), ...(c.remove && { remove: onRows(c.remove) }) };
    };
    for (const c of doc.continuations) insertLink(db, onRows(c));
    for (const row of doc.journal) {
      const link = row.op === LINK_OP || row.op === UNLINK_OP;
      insertJournalRow(db, {
        ...row, pageId: row.page === null ? null : pageIds.get(row.page)!,
        ...(link && { payload: changeOnRows(row.payload), inverse: changeOnRows(row.inverse) }),
      });
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
  const bad = badString(raw, 'document');
  if (bad) throw new GalleyError('BAD_INPUT', `${name} is not a valid issue export: ${bad}`);
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
    // A page read from a PDF or XML source keeps the digest of that file, which its text cannot make again.
    const digest = p.geometry ? null : sourceDigest(p.rawText, p.encoding);
    if (digest !== null && digest !== p.sha256) throw new GalleyError('BAD_INPUT', `${where}: sha256 ${p.sha256} is not that of its raw text (${p.encoding}: ${digest})`);
    if (lines.length !== p.lineCount) throw new GalleyError('BAD_INPUT', `${where}: lineCount ${p.lineCount} but the raw text has ${lines.length} lines`);
    if (p.geometry && p.geometry.lines.length !== lines.length) throw new GalleyError('BAD_INPUT', `${where}: geometry has ${p.geometry.lines.length} line boxes but the raw text has ${lines.length} lines`);
    const problem = validateAnnotation(p.annotation)[0] ?? (p.annotation.lines.at(-1)?.n !== lines.length ? `the annotation does not cover the ${lines.length} source lines` : undefined);
    if (problem) throw new GalleyError('BAD_INPUT', `${where}: ${problem}`);
    const keys = new Set(p.annotation.articles.map((a) => a.id));
    const orphan = p.metadata.find((m) => !keys.has(m.article) && m.anchoredText === undefined);
    if (orphan) throw new GalleyError('BAD_INPUT', `${where}: metadata for article ${orphan.article}, which the page does not have`);
  }
  const articlesOf = new Map(doc.pages.map((p) => [p.number, new Set(p.annotation.articles.map((a) => a.id))]));
  const partProblem = (c: ContinuationDocument): string | null =>
    c.from.page === c.to.page ? `links two parts on page ${c.from.page}`
      : [c.from, c.to].map((e) => articlesOf.get(e.page)?.has(e.article) ? null : `names article ${e.article} of page ${e.page}, which the file does not have`).find((m) => m !== null) ?? null;
  for (const [i, c] of doc.continuations.entries()) {
    const problem = partProblem(c);
    if (problem) throw new GalleyError('BAD_INPUT', `${name}: continuation ${i + 1} ${problem}`);
  }
  for (const side of ['from', 'to'] as const) {
    const seen = new Set<string>();
    for (const c of doc.continuations) {
      const key = `${c[side].page}:${c[side].article}`;
      if (seen.has(key)) throw new GalleyError('BAD_INPUT', `${name}: article ${c[side].article} of page ${c[side].page} is linked twice`);
      seen.add(key);
    }
  }
  const stray = doc.journal.find((j) => j.page !== null && !numbers.has(j.page));
  if (stray) throw new GalleyError('BAD_INPUT', `${name}: the journal names page ${stray.page}, which the file does not have`);
  const journalProblem = checkJournal(doc, numbers);
  if (journalProblem) throw new GalleyError('BAD_INPUT', `${name}: ${journalProblem}`);
  return doc;
}

/** The first string of the document (by its path) that no page or row may hold: a NUL, or half a UTF-16 character. */
function badString(value: unknown, path: string): string | null {
  if (typeof value === 'string') {
    if (value.includes('\0')) return `${path} contains a NUL character`;
    if (hasLoneSurrogate(value)) return `${path} contains a lone surrogate (half of a character)`;
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badString(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = badString(k, `${path} key`) ?? badString(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The sha256 of the bytes the raw text was decoded from, made again from the text; null where
 * they cannot be made again (an encoding this importer cannot write, a replaced last character):
 * the digest is then taken as given.
 */
function sourceDigest(text: string, encoding: string): string | null {
  // a page cut short inside its last character was imported with U+FFFD for bytes it no longer says
  if (encoding.startsWith('utf-8') && text.endsWith('\uFFFD')) return null;
  let bytes: Buffer;
  if (encoding === 'utf-8') bytes = Buffer.from(text, 'utf8');
  else if (encoding === 'utf-8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  else if (encoding === 'utf-16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else if (encoding === 'utf-16be') bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  else if (encoding === 'gb18030' || encoding === 'big5') bytes = iconv.encode(text, encoding);
  else return null;
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Every journal row checked as undo and redo will read it: an edit row's op, params, payload and
 * inverse by their schemas, a metadata row's by its; then each page's edits replayed from the
 * exported annotation (back through the inverses of the edits in force, forward through the redo
 * stack), each step a sound page and each inverse undone by its payload.
 */
function checkJournal(doc: ParsedIssueDocument, numbers: ReadonlySet<number>): string | null {
  const edits = new Map<number, { row: number; payload: Patch; inverse: Patch; undone: boolean; discarded: boolean }[]>();
  for (const [i, row] of doc.journal.entries()) {
    const where = `journal row ${i + 1} (${row.op})`;
    if (row.discarded && !row.undone) return `${where}: discarded but not undone`;
    if (row.params === undefined) {
      if (row.op === METADATA_OP) {
        for (const [field, value] of [['payload', row.payload], ['inverse', row.inverse]] as const) {
          const parsed = journalMetadata.safeParse(value);
          if (!parsed.success) return `${where}: ${firstIssue(parsed.error, field)}`;
        }
      } else if (typeof row.payload !== 'object' || row.payload === null || typeof row.inverse !== 'object' || row.inverse === null) {
        return `${where}: payload and inverse must be objects`;
      }
      continue;
    }
    if (row.op === LINK_OP || row.op === UNLINK_OP) {
      const params = journalLinkParams.safeParse(row.params);
      if (!params.success) return `${where}: ${firstIssue(params.error, 'params')}`;
      for (const [field, value] of [['payload', row.payload], ['inverse', row.inverse]] as const) {
        const parsed = journalLinkChange.safeParse(value);
        if (!parsed.success) return `${where}: ${firstIssue(parsed.error, field)}`;
        const named = [parsed.data.add, parsed.data.remove].flatMap((l) => (l ? [l.from.page, l.to.page] : []));
        if (named.some((n) => !numbers.has(n))) return `${where}: its ${field} names a page the file does not have`;
      }
      if (row.page === null) return `${where}: a link change names no page`;
      continue;
    }
    const params = row.op === 'rerun' ? z.strictObject({ op: z.literal('rerun') }).safeParse(row.params) : editOp.safeParse(row.params);
    if (!params.success) return `${where}: ${firstIssue(params.error, 'params')}`;
    if (params.data.op !== row.op) return `${where}: its params are a ${params.data.op}`;
    const payload = journalPatch.safeParse(row.payload);
    if (!payload.success) return `${where}: ${firstIssue(payload.error, 'payload')}`;
    const inverse = journalPatch.safeParse(row.inverse);
    if (!inverse.success) return `${where}: ${firstIssue(inverse.error, 'inverse')}`;
    if (row.page === null) return `${where}: an edit names no page`;
    const list = edits.get(row.page) ?? [];
    list.push({ row: i + 1, payload: payload.data as Patch, inverse: inverse.data as Patch, undone: row.undone, discarded: row.discarded });
    edits.set(row.page, list);
  }
  for (const page of doc.pages) {
    const list = edits.get(page.number) ?? [];
    const inForce = list.filter((e) => !e.undone);
    const redo = list.filter((e) => e.undone && !e.discarded);
    if (redo.length && inForce.length && redo[0]!.row < inForce.at(-1)!.row) return `page ${page.number}: journal row ${redo[0]!.row} is undone before edits still in force`;
    const step = (from: PageAnnotation, patch: Patch, back: Patch, row: number, what: string): PageAnnotation | string => {
      const to = applyPatch(from, patch);
      const problem = validateAnnotation(to)[0];
      if (problem) return `page ${page.number}: journal row ${row} cannot be ${what}: ${problem}`;
      if (!sameJson(applyPatch(to, back), from)) return `page ${page.number}: journal row ${row} cannot be ${what}: its payload and inverse do not undo each other`;
      return to;
    };
    let at: PageAnnotation = page.annotation;
    for (const e of [...inForce].reverse()) {
      const next = step(at, e.inverse, e.payload, e.row, 'undone');
      if (typeof next === 'string') return next;
      at = next;
    }
    at = page.annotation;
    for (const e of redo) {
      const next = step(at, e.payload, e.inverse, e.row, 'redone');
      if (typeof next === 'string') return next;
      at = next;
    }
  }
  return null;
}
