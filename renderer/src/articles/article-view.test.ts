import { describe, expect, it } from 'vitest';
import type { SegmentedArticle } from '../../../app/model/segmentation.js';
import { articleWarnings, placeOfLine } from './article-view.js';

const article = (id: string, paragraphs: number[][], captions: number[][] = []): SegmentedArticle => ({
  id,
  genre: 'news',
  kicker: null,
  title: null,
  subtitle: null,
  authors: [],
  byline: null,
  signature: null,
  spans: [],
  paragraphs: paragraphs.map(() => 'p'),
  captions: captions.map(() => 'c'),
  flags: ['no-title'],
  provenance: { paragraphs, captions },
});

describe('article view', () => {
  it('warns once about a missing title and a missing author', () => {
    expect(articleWarnings(article('a1', []))).toEqual(['no-title', 'no-author']);
    expect(articleWarnings({ title: 'T', authors: ['李靖'], flags: [] })).toEqual([]);
  });

  it('finds the paragraph or caption a source line went into', () => {
    const page = [article('a1', [[3, 4], [5]]), article('a2', [[9]], [[7, 8]])];
    expect(placeOfLine(page, 5)).toEqual({ article: 'a1', kind: 'paragraph', index: 1 });
    expect(placeOfLine(page, 8)).toEqual({ article: 'a2', kind: 'caption', index: 0 });
    expect(placeOfLine(page, 6)).toBeNull();
  });
});
