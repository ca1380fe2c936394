import { describe, expect, it } from 'vitest';
import type { PageAnnotation } from '../../../app/model/page.js';
import { articleColour } from './article-colours.js';
import { lineMarks } from './line-marks.js';

describe('lineMarks', () => {
  it('gives each line its article colour and role, furniture a role only, blank lines nothing', () => {
    const annotation: PageAnnotation = {
      section: '时政凯里',
      headlineOrder: 'after',
      articles: [
        { id: 'a1', genre: 'news', authors: [], flags: [] },
        { id: 'a2', genre: 'news', authors: [], flags: [] },
      ],
      lines: [
        { n: 1, text: ' 时政凯里', label: { kind: 'furniture', role: 'page-header' }, brk: 'paragraph', why: {} },
        { n: 2, text: '', label: null, brk: 'join', why: {} },
        { n: 3, text: '本报讯', label: { kind: 'article', article: 'a2', role: 'body' }, brk: 'join', why: {} },
        { n: 4, text: '标题', label: { kind: 'article', article: 'a1', role: 'headline' }, brk: 'paragraph', why: {} },
      ],
    };
    expect(lineMarks(annotation)).toEqual([
      { colour: null, article: null, role: 'page-header' },
      { colour: null, article: null, role: null },
      { colour: articleColour(1), article: 'a2', role: 'body' },
      { colour: articleColour(0), article: 'a1', role: 'headline' },
    ]);
  });

  it('keeps neighbouring articles apart by colour', () => {
    expect(articleColour(0)).not.toBe(articleColour(1));
    expect(articleColour(10)).toBe(articleColour(0));
  });
});
