import type { SegmentedArticle } from './segmentation.js';

/** What an article lacks that an editor should look at. */
export type ArticleGap = 'no-title' | 'no-author' | 'empty';

type Parts = Pick<SegmentedArticle, 'title' | 'authors' | 'paragraphs' | 'captions'>;

/** The gaps of an article, from its text or from its metadata resolved over it (QA). */
export function articleGaps({ title, authors, paragraphs, captions }: Parts): ArticleGap[] {
  return [
    ...(title ? [] : ['no-title' as const]),
    ...(authors.length ? [] : ['no-author' as const]),
    ...(paragraphs.length || captions.length ? [] : ['empty' as const]),
  ];
}

/** The warnings shown on an article: its gaps, then the engine's flags, each once. */
export function articleWarnings(article: Parts & Pick<SegmentedArticle, 'flags'>): string[] {
  return [...new Set<string>([...articleGaps(article), ...article.flags])];
}
