import type Database from 'better-sqlite3';
import { renderPage } from '../../app/engine/index.js';
import { GalleyError } from '../../app/errors.js';
import { type ContinuationCandidate, proposeContinuation } from '../../app/metadata/continuation.js';
import type { SegmentedArticle } from '../../app/model/segmentation.js';
import { type ArticleLink, listIssueLinks, occupies } from '../store/article-links.js';
import { loadPage } from '../store/annotation/page-cache.js';
import { getPageRow, listPages } from '../store/pages.js';

/** One page of an issue with its articles as rendered now. */
export interface IssuePart {
  pageId: number;
  number: number;
  articles: SegmentedArticle[];
}

/** The issue's pages with their articles, for proposing and checking links. Call inside a transaction. */
export function issueParts(db: Database.Database, issueId: number): IssuePart[] {
  return listPages(db, issueId).flatMap((p) => {
    const annotation = loadPage(db, p.id)?.annotation;
    return annotation ? [{ pageId: p.id, number: p.number, articles: renderPage(annotation, p).articles }] : [];
  });
}

/**
 * The issue's links whose two parts are still articles of its pages: a link to an article merged
 * away or a page moved elsewhere is kept (an undo may bring it back) but counts for nothing.
 */
export function liveLinks(db: Database.Database, issueId: number, parts: readonly IssuePart[]): ArticleLink[] {
  const has = new Set(parts.flatMap((p) => p.articles.map((a) => `${p.pageId}:${a.id}`)));
  return listIssueLinks(db, issueId).filter((l) => has.has(`${l.fromPage}:${l.fromArticle}`) && has.has(`${l.toPage}:${l.toArticle}`));
}

/**
 * The link the article's continuation marker proposes (its page's 转第M版 with page M's 上接第N版),
 * refused with why when there is none or a part is already linked that way. `parts`: the page's issue (issueParts).
 */
export function proposedLink(db: Database.Database, pageId: number, articleId: string, parts: readonly IssuePart[]): ArticleLink {
  const row = getPageRow(db, pageId);
  if (!row) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
  const idOf = new Map(parts.map((p) => [p.number, p.pageId]));
  const candidates = parts.flatMap((p) => p.articles.map((a): ContinuationCandidate => ({ page: p.number, article: a.id, title: a.title, paragraphs: a.paragraphs })));
  const self = candidates.find((c) => c.page === row.number && c.article === articleId);
  if (!self) throw new GalleyError('NOT_FOUND', `page ${row.number} has no article ${articleId}`);
  const proposal = proposeContinuation(self, candidates);
  if (!proposal) throw new GalleyError('CONFLICT', `article ${articleId} has no continuation marker (转第N版, 上接第N版, Continued on Page N) that an article of the page it names answers`);
  const link: ArticleLink = { fromPage: idOf.get(proposal.from.page)!, fromArticle: proposal.from.article, toPage: idOf.get(proposal.to.page)!, toArticle: proposal.to.article };
  const taken = liveLinks(db, row.issueId, parts).find((l) => occupies(l, link));
  if (taken) throw new GalleyError('CONFLICT', `page ${proposal.to.page === row.number ? proposal.from.page : proposal.to.page}'s article is already linked to another part: unlink it there first`);
  return link;
}
