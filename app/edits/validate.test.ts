import { describe, expect, it } from 'vitest';
import type { PageAnnotation } from '../model/page.js';
import { pageOf } from '../../tests/support/pages.js';
import { validateAnnotation } from './validate.js';

const base = (): PageAnnotation => pageOf(['F:page-header 时政', '', 'a1:body 正文。¶', 'a2:headline 标题¶']);

describe('validateAnnotation', () => {
  it('finds nothing wrong with a sound page', () => {
    expect(validateAnnotation(base())).toEqual([]);
  });

  it('names each broken rule', () => {
    const page = base();
    page.lines[1] = { ...page.lines[1]!, label: { kind: 'article', article: 'a1', role: 'body' } };
    page.lines[2] = { ...page.lines[2]!, label: null };
    page.lines[3] = { ...page.lines[3]!, label: { kind: 'article', article: 'a9', role: 'body' } };
    page.articles.push({ id: 'a1', genre: 'news', authors: [], flags: [] });
    expect(validateAnnotation(page)).toEqual([
      'article a1 is listed twice',
      'line 2 is blank but labelled',
      'line 3 has text but no label',
      'line 4 names a missing article a9',
      'article a2 has no lines',
    ]);
  });

  it('checks source order and the numbering of split parts', () => {
    const page = base();
    page.lines[2] = { ...page.lines[2]!, n: 2, part: 2 };
    page.lines[3] = { ...page.lines[3]!, n: 5 };
    expect(validateAnnotation(page)).toEqual([
      'line 2 should be part 1',
      'line 2 part 2 should be part 1',
      'line 5 is out of order (expected line 3)',
    ]);
  });
});
