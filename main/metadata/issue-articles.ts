import type { IssueArticleSummary } from '../../app/contract.js';
import { renderPage } from '../../app/engine/index.js';
import { GalleyError } from '../../app/errors.js';
import { articleWarnings } from '../../app/model/article-warnings.js';
import type { SegmentedArticle } from '../../app/model/segmentation.js';
import { getIssue } from '../store/issues.js';
import { loadPage } from '../store/annotation/page-cache.js';
import { listPages } from '../store/pages.js';
import type Database from 'better-sqlite3';
import { liveLinks } from './continuations.js';

/** Every article of an issue, page by page in reading order, with what an editor should look at. */
export function issueArticles(db: Database.Database, issueId: number): IssueArticleSummary[] {
  return db.transaction(() => {
    if (!getIssue(db, issueId)) throw new GalleyError('NOT_FOUND', `no issue with id ${issueId}`);
    const pages = listPages(db, issueId);
    const numberOf = new Map(pages.map((p) => [p.id, p.number]));
    const onward = new Map<string, number>();
    const back = new Map<string, number>();
    const rendered = new Map<number, SegmentedArticle[]>();
    for (const p of pages) {
      const annotation = loadPage(db, p.id)?.annotation;
      if (annotation) rendered.set(p.id, renderPage(annotation, p).articles);
    }
    const parts = pages.map((p) => ({ pageId: p.id, number: p.number, articles: rendered.get(p.id) ?? [] }));
    for (const l of liveLinks(db, issueId, parts)) {
      onward.set(`${l.fromPage}:${l.fromArticle}`, numberOf.get(l.toPage)!);
      back.set(`${l.toPage}:${l.toArticle}`, numberOf.get(l.fromPage)!);
    }
    return pages.flatMap((p) => {
      const annotation = loadPage(db, p.id)?.annotation;
      if (!annotation) return [];
      const lines = new Map<string, { first: number; count: number }>();
      for (const line of annotation.lines) {
        if (line.label?.kind !== 'article') continue;
        const seen = lines.get(line.label.article);
        if (seen) seen.count++;
        else lines.set(line.label.article, { first: line.n, count: 1 });
      }
      return (rendered.get(p.id) ?? []).map((a): IssueArticleSummary => {
        return {
          pageId: p.id, pageNumber: p.number, articleId: a.id, title: a.title, authors: a.authors,
          flags: articleWarnings(a),
          firstLine: lines.get(a.id)?.first ?? null, lineCount: lines.get(a.id)?.count ?? 0,
          continuesOn: onward.get(`${p.id}:${a.id}`) ?? null, continuedFrom: back.get(`${p.id}:${a.id}`) ?? null,
        };
      });
    });
  })();
}
