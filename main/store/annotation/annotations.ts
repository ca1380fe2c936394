// How a page's annotation is stored: this folder, read in this order.
//
// Two representations, never both at once:
// 1. Unedited: a page nobody has corrected is its raw text (pages.raw_text) plus the engine's
//    decisions in ONE compact value, pages.proposal (proposal.ts), with no line, span or article
//    rows. An import of thousands of pages writes little more than the text it must keep anyway.
// 2. Edited: the first edit turns the page into rows (ensureRows here, called by page-patch.ts):
//    one row per line with the decision at its end (lines), the label runs (spans) and the
//    articles. From then on the rows rule and pages.proposal is NULL.
//
//   proposal.ts        the compact value: encode, decode, check against the source lines
//   annotation-rows.ts row writers shared by a whole save and by one edit's patch
//   annotations.ts     read a page in either form; save a whole annotation; insert a proposed page
//   page-patch.ts      write one edit: only the rows its patch touches
//   page-cache.ts      the current annotation kept in memory while the page's revision is unchanged
//
// Readers never care which form a page is in: getPageAnnotation (and loadPage, cached) answer the
// same PageAnnotation for both; `galley check` counts the unedited pages apart.
import type Database from 'better-sqlite3';
import { GalleyError } from '../../../app/errors.js';
import type {
  AnnotatedLine, ArticleMeta, BreakKind, FurnitureRole, Genre, LineLabel, LineRole, PageAnnotation, Reason,
} from '../../../app/model/page.js';
import { splitLines } from '../../../app/engine/index.js';
import { compareLines, insertLines, insertSpans, labelRuns, reasonOf, writeArticles } from './annotation-rows.js';
import { insertPage, type NewPage } from '../pages.js';
import { checkLines, decodeProposal, type ProposedPage } from './proposal.js';
import { prepared } from '../statements.js';

export { EDITOR_RULE } from './annotation-rows.js';

/**
 * Stores a page's annotation, replacing the previous one (the page's lines, labels and breaks;
 * articles are updated in place by key so their ids, and what points at them, survive).
 * Runs as one transaction, or as a savepoint inside the caller's.
 */
export function saveAnnotation(db: Database.Database, pageId: number, annotation: PageAnnotation): void {
  const exists = prepared(db, 'SELECT 1 FROM pages WHERE id = ?').pluck().get(pageId);
  if (!exists) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
  checkLines(annotation);

  db.transaction(() => {
    prepared(db, 'UPDATE pages SET section = ?, headline_order = ?, proposal = NULL, proposal_articles = NULL, revision = revision + 1 WHERE id = ?')
      .run(annotation.section, annotation.headlineOrder, pageId);
    prepared(db, 'DELETE FROM spans WHERE page_id = ?').run(pageId);
    prepared(db, 'DELETE FROM lines WHERE page_id = ?').run(pageId);
    writeRows(db, pageId, annotation.lines, writeArticles(db, pageId, annotation.articles));
  })();
}

/**
 * Stores a new page with what the engine proposed for it (see ProposedPage): the decisions as one
 * value on the page row, or rows when they could not be one value. The caller holds the
 * transaction; returns the page id.
 */
export function insertProposedPage(db: Database.Database, page: NewPage, proposed: ProposedPage): number {
  if ('annotation' in proposed) {
    const pageId = insertPage(db, page);
    saveAnnotation(db, pageId, proposed.annotation);
    return pageId;
  }
  const { value, articles, section, headlineOrder } = proposed;
  const pageId = insertPage(db, { ...page, proposal: { value, articles, section, headlineOrder } });
  // A new page has no revision to bump, so it is marked for the search index here.
  prepared(db, 'INSERT OR IGNORE INTO search_dirty (page_id) VALUES (?)').run(pageId);
  return pageId;
}

/**
 * Before a page stored as a proposal takes its first edit, its lines and spans become rows
 * (`annotation` is the page as read) and the proposal goes; a page already in rows is left as it is.
 * The caller holds the transaction.
 */
export function ensureRows(db: Database.Database, pageId: number, annotation: PageAnnotation): void {
  const proposed = prepared(db, 'SELECT proposal IS NOT NULL FROM pages WHERE id = ?').pluck().get(pageId);
  if (!proposed) return;
  prepared(db, 'UPDATE pages SET proposal = NULL, proposal_articles = NULL WHERE id = ?').run(pageId);
  writeRows(db, pageId, annotation.lines, writeArticles(db, pageId, annotation.articles));
}

function writeRows(db: Database.Database, pageId: number, lines: readonly AnnotatedLine[], articleIds: ReadonlyMap<string, number>): void {
  insertLines(db, pageId, lines);
  insertSpans(db, pageId, labelRuns(lines), (run) => (run.label.kind === 'article' ? articleIds.get(run.label.article)! : null));
}

/** The page's annotation exactly as it was last saved, or undefined for an unknown page. */
export function getPageAnnotation(db: Database.Database, pageId: number): PageAnnotation | undefined {
  const page = prepared(db, `SELECT section, headline_order AS headlineOrder, proposal,
      CASE WHEN proposal IS NULL THEN NULL ELSE raw_text END AS rawText FROM pages WHERE id = ?`).get(pageId) as
    { section: string | null; headlineOrder: PageAnnotation['headlineOrder']; proposal: string | null; rawText: string | null } | undefined;
  if (!page) return undefined;
  if (page.proposal !== null) {
    return { ...decodeProposal(page.proposal, splitLines(page.rawText!), pageId), section: page.section, headlineOrder: page.headlineOrder };
  }

  const articles = (prepared(db, 'SELECT key, genre, authors, flags, reason FROM articles WHERE page_id = ? ORDER BY ordinal')
    .all(pageId) as { key: string; genre: Genre; authors: string; flags: string; reason: string | null }[])
    .map((row): ArticleMeta => {
      const meta: ArticleMeta = { id: row.key, genre: row.genre, authors: JSON.parse(row.authors), flags: JSON.parse(row.flags) };
      if (row.reason !== null) meta.why = JSON.parse(row.reason) as Reason;
      return meta;
    });
  const spans = (prepared(db, `SELECT s.role, s.from_n, s.from_part, s.to_n, s.to_part, a.key AS article
    FROM spans s LEFT JOIN articles a ON a.id = s.article_id WHERE s.page_id = ? ORDER BY s.from_n, s.from_part`)
    .all(pageId) as { role: string; from_n: number; from_part: number; to_n: number; to_part: number; article: string | null }[])
    .map((r) => ({ role: r.role, article: r.article, from: { n: r.from_n, part: r.from_part }, to: { n: r.to_n, part: r.to_part } }));

  const rows = prepared(db, `SELECT n, part, text, edited, kind, hyphen, label_rule AS labelRule, label_confidence AS labelConfidence,
      label_detail AS labelDetail, brk_rule AS brkRule, brk_confidence AS brkConfidence, brk_detail AS brkDetail,
      hyphen_rule AS hyphenRule, hyphen_confidence AS hyphenConfidence, hyphen_detail AS hyphenDetail
    FROM lines WHERE page_id = ? ORDER BY n, part`)
    .all(pageId) as {
      n: number; part: number; text: string; edited: number | null; kind: BreakKind; hyphen: 'keep' | 'drop' | null;
      labelRule: string | null; labelConfidence: number | null; labelDetail: string | null;
      brkRule: string | null; brkConfidence: number | null; brkDetail: string | null;
      hyphenRule: string | null; hyphenConfidence: number | null; hyphenDetail: string | null;
    }[];

  let s = 0;
  const lines = rows.map((row): AnnotatedLine => {
    while (s < spans.length && compareLines(spans[s]!.to, row) < 0) s++;
    const span = spans[s];
    const label: LineLabel | null = !span || compareLines(span.from, row) > 0 ? null
      : span.article === null ? { kind: 'furniture', role: span.role as FurnitureRole }
        : { kind: 'article', article: span.article, role: span.role as LineRole };
    const why: AnnotatedLine['why'] = {};
    if (row.labelRule !== null) why.label = reasonOf(row.labelRule, row.labelConfidence, row.labelDetail);
    if (row.brkRule !== null) why.brk = reasonOf(row.brkRule, row.brkConfidence, row.brkDetail);
    if (row.hyphenRule !== null) why.hyphen = reasonOf(row.hyphenRule, row.hyphenConfidence, row.hyphenDetail);
    const line: AnnotatedLine = { n: row.n, text: row.text, label, brk: row.kind, why };
    if (row.part !== 0) line.part = row.part;
    if (row.edited !== null) line.edited = row.edited === 1;
    if (row.hyphen !== null) line.hyphen = row.hyphen;
    return line;
  });

  return { lines, articles, section: page.section, headlineOrder: page.headlineOrder };
}
