import type { IssueArticleSummary } from '../../app/contract.js';
import { renderPage } from '../../app/engine/index.js';
import { GalleyError } from '../../app/errors.js';
import { articleWarnings } from '../../app/model/article-warnings.js';
import { getIssue } from '../store/issues.js';
import { loadPage } from '../store/annotation/page-cache.js';
import { listPages } from '../store/pages.js';
import type Database from 'better-sqlite3';

/** Every article of an issue, page by page in reading order, with what an editor should look at. */
export function issueArticles(db: Database.Database, issueId: number): IssueArticleSummary[] {
  return db.transaction(() => {
    if (!getIssue(db, issueId)) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    return listPages(db, issueId).flatMap((p) => {
      const annotation = loadPage(db, p.id)?.annotation;
      if (!annotation) return [];
      const lines = new Map<string, { first: number; count: number }>();
      for (const line of annotation.lines) {
        if (line.label?.kind !== 'article') continue;
        const seen = lines.get(line.label.article);
        if (seen) seen.count++;
        else lines.set(line.label.article, { first: line.n, count: 1 });
      }
      return renderPage(annotation, p).articles.map((a): IssueArticleSummary => {
        return {
          pageId: p.id, pageNumber: p.number, articleId: a.id, title: a.title, authors: a.authors,
          flags: articleWarnings(a),
          firstLine: lines.get(a.id)?.first ?? null, lineCount: lines.get(a.id)?.count ?? 0,
        };
      });
    });
  })();
}
