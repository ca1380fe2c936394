import type { SegmentedArticle } from '../../../app/model/segmentation.js';

/** Warnings an editor sees on an article: the engine's flags, plus a missing title or author. */
export function articleWarnings(article: Pick<SegmentedArticle, 'title' | 'authors' | 'flags'>): string[] {
  const out = new Set(article.flags);
  if (article.title === null) out.add('no-title');
  if (article.authors.length === 0) out.add('no-author');
  return [...out];
}

/** Which paragraph or caption of which article source line `n` went into, if any. */
export interface TextPlace {
  article: string;
  kind: 'paragraph' | 'caption';
  index: number;
}

export function placeOfLine(articles: readonly SegmentedArticle[], n: number): TextPlace | null {
  for (const article of articles) {
    for (const kind of ['paragraph', 'caption'] as const) {
      const groups = kind === 'paragraph' ? article.provenance.paragraphs : article.provenance.captions;
      const index = groups.findIndex((lines) => lines.includes(n));
      if (index >= 0) return { article: article.id, kind, index };
    }
  }
  return null;
}

export function firstLineOf(article: SegmentedArticle): number | null {
  return article.spans.reduce<number | null>((min, s) => (min === null || s.from < min ? s.from : min), null);
}

export function lastLineOf(article: SegmentedArticle): number | null {
  return article.spans.reduce<number | null>((max, s) => (max === null || s.to > max ? s.to : max), null);
}
