import type { Genre } from '../model/page.js';
import type { SegmentedArticle } from '../model/segmentation.js';
import type { ArticleMetadata, Entity, ReviewStatus } from './model.js';

/** What an article's metadata is once every override is applied: what exports and the panel show. */
export interface ResolvedMetadata {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  authors: string[];
  date: string | null;
  section: string | null;
  genre: Genre;
  keywords: string[];
  tags: string[];
  entities: Entity[];
  notes: string;
  status: ReviewStatus;
}

/** Where defaults come from: the issue's date and the page header. */
export interface MetadataDefaults {
  issueDate: string | null;
  section: string | null;
}

/** Metadata whose accepted headline fields show the headline as it is now, not as it was when accepted. */
export function followHeadline(meta: ArticleMetadata, article: SegmentedArticle): ArticleMetadata {
  if (!meta.follows?.length) return meta;
  const next = { ...meta };
  for (const key of meta.follows) next[key] = article[key];
  return next;
}

export function resolveMetadata(meta: ArticleMetadata, article: SegmentedArticle, defaults: MetadataDefaults): ResolvedMetadata {
  return {
    kicker: meta.kicker ?? article.kicker,
    title: meta.title ?? article.title,
    subtitle: meta.subtitle ?? article.subtitle,
    authors: meta.authors ?? article.authors,
    date: meta.date ?? defaults.issueDate,
    section: meta.section ?? defaults.section,
    genre: meta.genre ?? article.genre,
    keywords: meta.keywords,
    tags: meta.tags,
    entities: meta.entities,
    notes: meta.notes,
    status: meta.status,
  };
}
