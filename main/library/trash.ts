import type Database from 'better-sqlite3';
import type { TrashItem } from '../../app/contract.js';
import { GalleyError } from '../../app/errors.js';
import { importIssueJson } from '../import/import-json.js';
import { insertLinkIfFree } from '../store/article-links.js';
import { createIssue, getIssue } from '../store/issues.js';
import { findPdfSource } from '../store/page-sources.js';
import { markDirty } from '../store/search-index.js';
import { appendJournal } from '../store/journal.js';
import { getPageRow, issueHoldsContent, issueHoldsTwin, pageIdsInOrder, placePage } from '../store/pages.js';
import { ensurePublication, getPublication } from '../store/publications.js';
import { setIssueCreatedAt } from '../store/restore.js';
import {
  deleteIssueRow, deletePageRows, forgetHome, getTrash, insertKeptRow, ISSUE_TABLES, keepRows, keptRows, type KeptRow, listTrash, moveKeptRow,
  PAGE_TABLES, pdfBytes, putInTrash, releasePages, removeFromTrash, reservePages, trashIds, type TrashRow, whereIsPage,
} from '../store/trash.js';

// A delete keeps the rows it takes, exactly (store/trash.ts, migration 017): the page, everything
// that hangs on it (lines, articles, metadata, line boxes, its scan, its journal with editors,
// whether it was learned) and its links to other pages; an issue also its PDFs and import run.
// A restore writes them back: the page under its own id, so what names it elsewhere holds again.
// Entries made before migration 017 kept the issue export instead and are restored by importing it.

const DELETE_OP = 'delete';
const RESTORE_OP = 'restore';
const PURGE_OP = 'purge';
const TWIN_AT_HOME = 'the issue it was in holds the same page again (identical content): delete that one first';

/** What a new entry's document says: where its pages go back when their issue is gone. */
interface EntryDocument {
  format: 'galley-trash';
  publication: string;
  issue: { date: string | null; label: string; createdAt: string };
}

/** Keeps the pages (and their links) in the entry, then deletes them. Call inside the delete's transaction. */
function keepPages(db: Database.Database, trashId: number, pageIds: readonly number[]): void {
  const ids = JSON.stringify(pageIds);
  const picked = 'page_id IN (SELECT value FROM json_each(?))';
  keepRows(db, trashId, 'pages', 'id IN (SELECT value FROM json_each(?)) ORDER BY number', [ids]);
  for (const table of PAGE_TABLES) keepRows(db, trashId, table, picked, [ids]);
  keepRows(db, trashId, 'article_links', 'from_page_id IN (SELECT value FROM json_each(?)) OR to_page_id IN (SELECT value FROM json_each(?))', [ids, ids]);
  reservePages(db, trashId, pageIds);
  deletePageRows(db, pageIds);
}

function entryDocument(db: Database.Database, issueId: number): EntryDocument {
  const issue = getIssue(db, issueId)!;
  const publication = getPublication(db, issue.publicationId)?.name ?? '';
  return { format: 'galley-trash', publication, issue: { date: issue.date, label: issue.label, createdAt: issue.createdAt } };
}

/** Deletes an issue with its pages into the trash; returns the trash entry. */
export function deleteIssue(db: Database.Database, issueId: number): number {
  return db.transaction(() => {
    const issue = getIssue(db, issueId);
    if (!issue) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    const doc = entryDocument(db, issueId);
    const pageIds = pageIdsInOrder(db, issueId, 0);
    const label = [doc.publication, issue.date ?? '', issue.label].filter(Boolean).join(' · ');
    const trashId = putInTrash(db, { kind: 'issue', label, issueId, position: null, pages: pageIds.length }, JSON.stringify(doc));
    // journaled first: the journal rows the delete takes keep ids below it, which no new row is given
    appendJournal(db, { pageId: null, op: DELETE_OP, payload: { trash: trashId, issue: issueId }, inverse: { trash: trashId } });
    keepPages(db, trashId, pageIds);
    for (const table of ISSUE_TABLES) keepRows(db, trashId, table, 'issue_id = ?', [issueId]);
    deleteIssueRow(db, issueId);
    // its id may be given to a new issue: the pages deleted from it come back as issues of their own
    forgetHome(db, issueId);
    return trashId;
  }).immediate();
}

/** Deletes one page into the trash; the issue's other pages are numbered 1…n again. Returns the trash entry. */
export function deletePage(db: Database.Database, pageId: number): number {
  return db.transaction(() => {
    const row = getPageRow(db, pageId);
    if (!row) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
    const doc = entryDocument(db, row.issueId);
    const label = [doc.publication, doc.issue.date ?? '', `p${row.number}`, row.file].filter(Boolean).join(' · ');
    const trashId = putInTrash(db, { kind: 'page', label, issueId: row.issueId, position: row.number, pages: 1 }, JSON.stringify(doc));
    appendJournal(db, { pageId: null, op: DELETE_OP, payload: { trash: trashId, page: pageId }, inverse: { trash: trashId } });
    // the PDF stays with its issue; the entry names it, and keeps its bytes only if the issue goes too
    keepRows(db, trashId, 'page_sources', 'id = (SELECT source_id FROM page_geometry WHERE page_id = ?)', [pageId], ['bytes']);
    keepPages(db, trashId, [pageId]);
    pageIdsInOrder(db, row.issueId, pageId).forEach((id, i) => placePage(db, id, row.issueId, i + 1));
    return trashId;
  }).immediate();
}

/** The trash, most recently deleted first. */
export function trashList(db: Database.Database): TrashItem[] {
  return listTrash(db).map(itemOf);
}

/** An entry as the editor sees it listed. */
const itemOf = ({ id, kind, label, pages, deletedAt }: TrashRow): TrashItem => ({ id, kind, label, pages, deletedAt });

/** Where a restore put things, and what it could not bring back as it was (each said in a sentence). */
export interface Restored {
  issueId: number;
  pageId: number | null;
  notes: string[];
}

/**
 * Brings a deleted issue or page back. An issue comes back as an issue; a page into the issue it
 * was in, at its place, while that issue exists (else as an issue of its own).
 */
export function restoreFromTrash(db: Database.Database, trashId: number): Restored {
  return db.transaction(() => {
    const entry = getTrash(db, trashId);
    if (!entry) throw new GalleyError('NOT_FOUND', `nothing in the trash with id ${trashId}`);
    const home = entry.kind === 'page' && entry.issueId !== null && getIssue(db, entry.issueId) ? entry.issueId : null;
    const doc = JSON.parse(entry.document) as EntryDocument | { format: 'galley-issue' };
    const restored = doc.format === 'galley-trash' ? restoreRows(db, trashId, doc, entry.kind, home) : restoreExport(db, trashId, entry.document, entry.kind, home);
    if (home !== null) {
      const target = pageIdsInOrder(db, home, restored.pageId!);
      target.splice(Math.max(0, Math.min(entry.position! - 1, target.length)), 0, restored.pageId!);
      target.forEach((id, i) => placePage(db, id, home, i + 1));
    }
    removeFromTrash(db, trashId);
    appendJournal(db, { pageId: null, op: RESTORE_OP, payload: { trash: trashId, issueId: restored.issueId, pageId: restored.pageId }, inverse: {} });
    return restored;
  }).immediate();
}

/** Writes an entry's rows back (see the header). */
function restoreRows(db: Database.Database, trashId: number, doc: EntryDocument, kind: 'issue' | 'page', home: number | null): Restored {
  const pages = keptRows(db, trashId, 'pages').map((k) => k.row);
  if (home !== null && pages.some((p) => issueHoldsContent(db, home, p.sha256 as string))) {
    throw new GalleyError('CONFLICT', TWIN_AT_HOME);
  }
  let issueId = home;
  if (issueId === null) {
    issueId = createIssue(db, { publicationId: ensurePublication(db, doc.publication), date: doc.issue.date, label: doc.issue.label });
    setIssueCreatedAt(db, issueId, doc.issue.createdAt);
  }
  const publicationId = getIssue(db, issueId)!.publicationId;
  const notes: string[] = [];
  const pageIds = pages.map((p) => insertKeptRow(db, 'pages', { ...p, issue_id: issueId }));
  releasePages(db, pageIds);

  // PDFs: an issue's come back with it; a page's is the one it was drawn from while that is stored
  // (or one its issue holds), else a copy of the bytes wherever they are kept
  const sources = new Map<number, number | null>();
  for (const { row } of keptRows(db, trashId, 'page_sources')) {
    const { id, ...source } = row;
    const here = kind === 'page' ? findPdfSource(db, row.sha256 as string, id as number, issueId) : undefined;
    const bytes = here === undefined ? (row.bytes as Buffer | undefined) ?? pdfBytes(db, row.sha256 as string) : null;
    sources.set(id as number, here ?? (bytes ? insertKeptRow(db, 'page_sources', { ...source, issue_id: issueId, bytes }) : null));
    if (here === undefined && !bytes) notes.push(`the PDF ${String(row.file)} was deleted for good: its page's line boxes are back, the drawing of the page is not`);
  }
  const articles = new Map<number, number>();
  for (const table of PAGE_TABLES) {
    for (const { row } of keptRows(db, trashId, table)) {
      const r: KeptRow = { ...row };
      if (table === 'articles') {
        // article row ids are shared by every page; the key (a1, a2…) is what names an article
        delete r.id;
        articles.set(row.id as number, insertKeptRow(db, table, r));
        continue;
      }
      if (table === 'spans') {
        delete r.id;
        if (r.article_id !== null) r.article_id = articles.get(r.article_id as number);
      }
      if (table === 'page_geometry' && r.source_id !== null) {
        const source = sources.get(r.source_id as number) ?? null;
        r.source_id = source;
        if (source === null) r.source_page = null;
      }
      if (table === 'profile_pages') r.publication_id = publicationId;
      insertKeptRow(db, table, r);
    }
  }
  for (const { row } of keptRows(db, trashId, 'import_runs')) insertKeptRow(db, 'import_runs', { ...row, issue_id: issueId });
  for (const { keptAs, row } of keptRows(db, trashId, 'article_links')) notes.push(...restoreLink(db, trashId, keptAs, row));
  markDirty(db, pageIds);
  return { issueId, pageId: kind === 'page' ? pageIds[0]! : null, notes };
}

/** The page that names the link's other end, as the editor knows it. */
const partName = (db: Database.Database, pageId: number, article: string) => {
  const row = getPageRow(db, pageId);
  return row ? `article ${article} of page ${row.number} (${row.file})` : `article ${article} of a deleted page`;
};

/**
 * Puts a kept link back when both its pages are in the library; one whose other page is still in
 * the trash goes with that entry (it comes back when that entry is restored). Says why a link
 * could not come back.
 */
function restoreLink(db: Database.Database, trashId: number, keptAs: number, row: KeptRow): string[] {
  const ends = [[row.from_page_id, row.from_article], [row.to_page_id, row.to_article]] as [number, string][];
  for (const [pageId] of ends) {
    const at = whereIsPage(db, pageId);
    if (at.live) continue;
    if (at.trashId !== null && at.trashId !== trashId) {
      moveKeptRow(db, keptAs, at.trashId);
      return [`a continued-article link goes to a page still in the trash (entry ${at.trashId}): it comes back when that is restored`];
    }
    return ['a continued-article link went to a page deleted for good: it is gone'];
  }
  const link = { fromPage: row.from_page_id as number, fromArticle: row.from_article as string, toPage: row.to_page_id as number, toArticle: row.to_article as string };
  if (insertLinkIfFree(db, link)) return [];
  const [from, to] = ends.map(([p, a]) => partName(db, p, a));
  return [`the link from ${from} to ${to} was not restored: one of them is linked to another part now`];
}

/** Restores an entry made before migration 017: its issue export, imported. */
function restoreExport(db: Database.Database, trashId: number, document: string, kind: 'issue' | 'page', home: number | null): Restored {
  const { issueId } = importIssueJson(db, document, `trash entry ${trashId}`);
  const pageId = kind === 'page' ? pageIdsInOrder(db, issueId, 0)[0]! : null;
  if (home === null) return { issueId, pageId, notes: [] };
  if (issueHoldsTwin(db, home, pageId!)) throw new GalleyError('CONFLICT', TWIN_AT_HOME);
  placePage(db, pageId!, home, 1);
  deleteIssueRow(db, issueId);
  return { issueId: home, pageId, notes: [] };
}

/** Deletes a trash entry for good: what it holds can no longer be restored. Answers what went. */
export function purgeFromTrash(db: Database.Database, trashId: number): TrashItem {
  return db.transaction(() => {
    const entry = getTrash(db, trashId);
    if (!entry) throw new GalleyError('NOT_FOUND', `nothing in the trash with id ${trashId}`);
    removeFromTrash(db, trashId);
    appendJournal(db, { pageId: null, op: PURGE_OP, payload: { trash: trashId, label: entry.label, pages: entry.pages }, inverse: {} });
    return itemOf(entry);
  }).immediate();
}

/** Deletes everything in the trash for good; answers what went, most recently deleted first. */
export function emptyTrash(db: Database.Database): TrashItem[] {
  return db.transaction(() => trashIds(db).reverse().map((id) => purgeFromTrash(db, id))).immediate();
}
