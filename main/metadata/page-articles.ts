import type Database from 'better-sqlite3';
import { renderPage } from '../../app/engine/index.js';
import { GalleyError } from '../../app/errors.js';
import { reanchorEntities } from '../../app/metadata/anchor.js';
import { type ArticleMetadata, emptyMetadata } from '../../app/metadata/model.js';
import { followHeadline, type MetadataDefaults, type ResolvedMetadata, resolveMetadata } from '../../app/metadata/resolve.js';
import { articleText } from '../../app/metadata/text.js';
import type { PageAnnotation } from '../../app/model/page.js';
import type { PageSegmentation, SegmentedArticle } from '../../app/model/segmentation.js';
import { getIssue } from '../store/issues.js';
import { listPageMetadata, type StoredMetadata } from '../store/metadata.js';
import { loadPage } from '../store/annotation/page-cache.js';
import { getPageRow, type PageRow } from '../store/pages.js';

/** One article as the metadata panel, QA, search and the exports see it. */
export interface ArticleState {
  article: SegmentedArticle;
  /** Stored metadata with its entities placed in the current text (or a fresh record). */
  metadata: ArticleMetadata;
  /** The article text entity offsets count in. */
  text: string;
  resolved: ResolvedMetadata;
}

export interface PageState {
  row: PageRow;
  issueDate: string | null;
  defaults: MetadataDefaults;
  annotation: PageAnnotation;
  segmentation: PageSegmentation;
  articles: ArticleState[];
  /** Metadata of article keys the page has no article for now (e.g. merged away; an undo brings them back). */
  orphans: StoredMetadata[];
}

/**
 * A page's articles with their metadata. Entities are re-anchored here, on read, against the text
 * they were placed in: whichever path changed the lines (an edit, an undo, a re-run, another
 * process), the tags follow the text without that path knowing about them. Call inside a transaction.
 */
export function readPageArticles(db: Database.Database, pageId: number): PageState {
  const row = getPageRow(db, pageId);
  const annotation = row && loadPage(db, pageId)?.annotation;
  if (!row || !annotation) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
  const issueDate = getIssue(db, row.issueId)?.date ?? null;
  const segmentation = renderPage(annotation, row);
  const defaults: MetadataDefaults = { issueDate, section: annotation.section };
  const stored = new Map(listPageMetadata(db, pageId).map((m) => [m.articleKey, m]));
  const articles = segmentation.articles.map((article): ArticleState => {
    const text = articleText(article);
    const saved = stored.get(article.id);
    stored.delete(article.id);
    const metadata = followHeadline(!saved ? emptyMetadata()
      : saved.anchoredText === text ? saved.metadata
        : { ...saved.metadata, entities: reanchorEntities(saved.metadata.entities, saved.anchoredText, article.paragraphs) }, article);
    const resolved = resolveMetadata(metadata, article, defaults);
    // The genre an editor picks in the panel is the article's genre everywhere, its segmentation too.
    return { article: resolved.genre === article.genre ? article : { ...article, genre: resolved.genre }, metadata, text, resolved };
  });
  segmentation.articles = articles.map((a) => a.article);
  return { row, issueDate, defaults, annotation, segmentation, articles, orphans: [...stored.values()] };
}

export function findArticle(page: PageState, articleKey: string): ArticleState {
  const found = page.articles.find((a) => a.article.id === articleKey);
  if (!found) throw new GalleyError('NOT_FOUND', `page ${page.row.id} has no article ${articleKey}`);
  return found;
}
