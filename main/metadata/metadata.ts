import type Database from 'better-sqlite3';
import { GalleyError } from '../../app/errors.js';
import { emptyMetadata, type MetadataPatch } from '../../app/metadata/model.js';
import { applyMetadataPatch } from '../../app/metadata/patch.js';
import { type IssueQa, issueQa } from '../../app/metadata/qa.js';
import { type Suggestion, suggestMetadata } from '../../app/metadata/suggest.js';
import type { ArticleMetadataView } from '../../app/metadata/view.js';
import { listIssueLinks } from '../store/article-links.js';
import { getIssue } from '../store/issues.js';
import { recordEdit } from '../store/journal.js';
import { putArticleMetadata } from '../store/metadata.js';
import { listPages } from '../store/pages.js';
import { getPublication, UNTITLED_PUBLICATION } from '../store/publications.js';
import { entitiesIn } from '../store/search-index.js';
import { findArticle, type PageState, readPageArticles } from './page-articles.js';
import { refreshPageIndex } from '../search/search.js';

/** The journal's op for a metadata change. It has no `params`, so page undo/redo (which walks edits with params) passes it by. */
export const METADATA_OP = 'articles:meta:set';

export function getArticleMetadata(db: Database.Database, pageId: number, articleId: string): ArticleMetadataView {
  return db.transaction(() => view(readPageArticles(db, pageId), articleId))();
}

/**
 * Applies a panel change: one transaction, one journal row holding the whole record before and
 * after (so the row alone restores either), and the page's search rows refreshed so autocomplete
 * and search see the change at once.
 */
export function setArticleMetadata(db: Database.Database, pageId: number, articleId: string, patch: MetadataPatch): ArticleMetadataView {
  const entry = { pageId, op: METADATA_OP, payload: {} as unknown, inverse: {} as unknown };
  return recordEdit(db, entry, () => {
    const page = readPageArticles(db, pageId);
    const state = findArticle(page, articleId);
    const after = applyMetadataPatch(state.metadata, patch, { paragraphs: state.article.paragraphs, issueDate: page.issueDate });
    putArticleMetadata(db, pageId, articleId, after, state.text);
    entry.payload = { article: articleId, metadata: after };
    entry.inverse = { article: articleId, metadata: state.metadata };
    refreshPageIndex(db, pageId);
    return view(readPageArticles(db, pageId), articleId);
  }).result;
}

export function suggestArticleMetadata(db: Database.Database, pageId: number, articleId: string): Suggestion[] {
  return db.transaction(() => {
    const page = readPageArticles(db, pageId);
    const state = findArticle(page, articleId);
    const known = entitiesIn(db, state.text, { pageId, articleKey: articleId });
    return suggestMetadata(state.metadata, state.article, page.defaults, known);
  })();
}

/** Progress and what blocks a clean export, for the issue view. */
export function issueQaReport(db: Database.Database, issueId: number): IssueQa {
  return db.transaction(() => {
    const issue = getIssue(db, issueId);
    if (!issue) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    const named = getPublication(db, issue.publicationId)?.name !== UNTITLED_PUBLICATION;
    const linked = new Set(listIssueLinks(db, issueId).flatMap((l) => [`${l.fromPage}:${l.fromArticle}:to`, `${l.toPage}:${l.toArticle}:from`]));
    return issueQa(listPages(db, issueId).map((p) => {
      const page = readPageArticles(db, p.id);
      return {
        pageId: p.id, pageNumber: p.number, annotation: page.annotation, articles: page.articles.map((a) => a.article),
        metadata: new Map(page.articles.map((a) => [a.article.id, a.metadata])), defaults: page.defaults,
      };
    }), emptyMetadata, { date: issue.date, named, linked });
  })();
}

function view(page: PageState, articleId: string): ArticleMetadataView {
  const state = findArticle(page, articleId);
  return { pageId: page.row.id, articleId, metadata: state.metadata, resolved: state.resolved, defaults: page.defaults, text: state.text };
}
