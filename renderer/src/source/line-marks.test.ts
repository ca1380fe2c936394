import { describe, expect, it } from 'vitest';
import type { AnnotatedLine, PageAnnotation } from '../../../app/model/page.js';
import { articleColour } from '../ui/article-colours.js';
import { isLineUncertain, lineMarks, nextUncertainLine } from './line-marks.js';

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

describe('uncertain decisions', () => {
  const unsure = { rule: 'test', confidence: 0.4 };
  const sure = { rule: 'test', confidence: 0.9 };
  const page: AnnotatedLine[] = [
    { n: 1, text: '標題', label: { kind: 'article', article: 'a1', role: 'headline' }, brk: 'paragraph', why: { label: unsure, brk: sure } },
    { n: 2, text: '', label: null, brk: 'join', why: {} },
    { n: 3, text: '正文', label: { kind: 'article', article: 'a1', role: 'body' }, brk: 'join', why: { label: sure, brk: sure } },
    { n: 4, text: '正文', label: { kind: 'article', article: 'a1', role: 'body' }, brk: 'join', why: { label: sure, brk: unsure } },
    { n: 5, text: '（丹翁）', label: { kind: 'article', article: 'a1', role: 'byline' }, brk: 'join', why: { label: unsure, brk: editor } },
    { n: 6, text: '廣告', label: { kind: 'furniture', role: 'advert' }, brk: 'join', why: { label: unsure, brk: unsure } },
  ];

  it('are lines whose role or break the engine was unsure of, until an editor decides either', () => {
    expect(page.map(isLineUncertain)).toEqual([true, false, false, true, false, true]);
    const marks = lineMarks({ section: null, headlineOrder: 'before', articles: [{ id: 'a1', genre: 'news', authors: [], flags: [] }], lines: page }, []);
    expect(marks.map((m) => m.uncertain)).toEqual([true, false, false, true, false, true]);
  });

  it('are reached forward and back from the cursor, wrapping around the page', () => {
    expect(nextUncertainLine(page, 0, 1)).toBe(3);
    expect(nextUncertainLine(page, 3, 1)).toBe(5);
    expect(nextUncertainLine(page, 5, 1)).toBe(0);
    expect(nextUncertainLine(page, 3, -1)).toBe(0);
    expect(nextUncertainLine(page, 0, -1)).toBe(5);
    expect(nextUncertainLine(page.slice(1, 3), 0, 1)).toBeNull();
  });
});
