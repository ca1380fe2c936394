import { describe, expect, it } from 'vitest';
import type { QaItem } from '../../../app/metadata/qa.js';
import { adjacentQaItem, groupQa } from './qa-items.js';

const item = (kind: QaItem['kind'], message: string, line: number | null = 3): QaItem => ({ pageId: 1, pageNumber: 1, line, article: 'a1', kind, title: null, detail: null, message });

describe('QA items in the issue view', () => {
  it('are grouped by kind in the order of the kinds, empty kinds left out', () => {
    const groups = groupQa([item('no-author', '“x” has no author'), item('unassigned-lines', 'line 4 is in no article and not furniture'), item('no-author', '“y” has no author')]);
    expect(groups.map((g) => [g.kind, g.items.length])).toEqual([['unassigned-lines', 1], ['no-author', 2]]);
  });
});

describe('next and previous QA item', () => {
  const at = (pageNumber: number, line: number | null): QaItem => ({ ...item('no-author', 'x', line), pageNumber, pageId: pageNumber * 10 });
  const items = [at(1, 40), at(1, 3), at(2, 7), at(1, null)];
  it('walks items by page and source line from where the cursor is, wrapping at the ends', () => {
    expect(adjacentQaItem(items, { pageNumber: 1, line: 3 }, 1)).toBe(items[0]);
    expect(adjacentQaItem(items, { pageNumber: 1, line: 40 }, 1)).toBe(items[2]);
    expect(adjacentQaItem(items, { pageNumber: 2, line: 7 }, 1)).toBe(items[3]);
    expect(adjacentQaItem(items, { pageNumber: 1, line: 3 }, -1)).toBe(items[3]);
    expect(adjacentQaItem(items, { pageNumber: 1, line: 0 }, -1)).toBe(items[2]);
    expect(adjacentQaItem([], { pageNumber: 1, line: 1 }, 1)).toBeNull();
  });
});
