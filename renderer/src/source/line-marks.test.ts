import { describe, expect, it } from 'vitest';
import type { PageAnnotation } from '../../../app/model/page.js';
import { articleColour } from '../ui/article-colours.js';
import { lineMarks } from './line-marks.js';

const editor = { rule: 'editor', confidence: 1 };
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
    { n: 3, text: '本报讯', label: { kind: 'article', article: 'a2', role: 'body' }, brk: 'join', why: { brk: editor } },
    { n: 4, part: 1, text: '标题', edited: true, label: { kind: 'article', article: 'a1', role: 'headline' }, brk: 'join', why: {} },
    { n: 4, part: 2, text: '正文', label: { kind: 'article', article: 'a2', role: 'body' }, brk: 'paragraph', why: {} },
  ],
};

describe('lineMarks', () => {
  it('gives article lines colour, role and break; furniture a role only; blank lines nothing', () => {
    const marks = lineMarks(annotation, [' 时政凯里', '', '本报讯', '标题正文']);
    expect(marks.map((m) => [m.n, m.part, m.colour, m.article, m.role, m.brk])).toEqual([
      [1, undefined, null, null, 'page-header', null],
      [2, undefined, null, null, null, null],
      [3, undefined, articleColour(1), 'a2', 'body', 'join'],
      [4, 1, articleColour(0), 'a1', 'headline', 'join'],
      [4, 2, articleColour(1), 'a2', 'body', 'paragraph'],
    ]);
    expect(marks[2]?.why.brk).toEqual(editor);
  });

  it('keeps the imported text of an edited line, and only of those', () => {
    const marks = lineMarks(annotation, [' 时政凯里', '', '本报讯', '标题正文']);
    expect(marks.map((m) => m.original)).toEqual([null, null, null, '标题正文', null]);
  });

  it('keeps neighbouring articles apart by colour', () => {
    expect(articleColour(0)).not.toBe(articleColour(1));
    expect(articleColour(10)).toBe(articleColour(0));
  });
});
