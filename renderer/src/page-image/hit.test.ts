import { describe, expect, it } from 'vitest';
import type { PageGeometry } from '../../../app/model/geometry.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import { lineAt, shownLines } from './hit.js';

const geometry: PageGeometry = {
  width: 100, height: 100, unit: 'pt',
  lines: [{ x: 10, y: 10, w: 30, h: 5 }, { x: 10, y: 16, w: 30, h: 5 }, null, { x: 60, y: 10, w: 30, h: 5 }],
};

describe('the printed page', () => {
  it('finds the line under a click, or the nearest one close by', () => {
    expect(lineAt(geometry, 20, 12, 3)).toBe(1);
    expect(lineAt(geometry, 20, 18, 3)).toBe(2);
    expect(lineAt(geometry, 70, 11, 3)).toBe(4);
    expect(lineAt(geometry, 45, 12, 3)).toBeNull();
    expect(lineAt(geometry, 42, 12, 3)).toBe(1);
  });

  it('tints lines in their article colour, furniture and blank lines not', () => {
    const page: PageAnnotation = {
      lines: [
        { n: 1, text: 'Head', label: { kind: 'article', article: 'a1', role: 'headline' }, brk: 'paragraph', why: {} },
        { n: 2, text: 'body', label: { kind: 'article', article: 'a1', role: 'body' }, brk: 'join', why: {} },
        { n: 3, text: '', label: null, brk: 'join', why: {} },
        { n: 4, text: 'more', label: { kind: 'furniture', role: 'page-header' }, brk: 'join', why: {} },
      ],
      articles: [{ id: 'a1', genre: 'news', authors: [], flags: [] }],
      section: null,
      headlineOrder: 'after',
    };
    const lines = shownLines(geometry, page);
    expect(lines.map((l) => l.n)).toEqual([1, 2, 4]);
    expect(lines[0]!.colour).not.toBeNull();
    expect(lines[0]!.colour).toBe(lines[1]!.colour);
    expect(lines[2]!.colour).toBeNull();
  });
});
