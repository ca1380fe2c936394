import { describe, expect, it } from 'vitest';
import type { QaItem } from '../../../app/metadata/qa.js';
import { groupQa } from './qa-items.js';

const item = (kind: QaItem['kind'], message: string, line: number | null = 3): QaItem => ({ pageId: 1, pageNumber: 1, line, article: 'a1', kind, title: null, detail: null, message });

describe('QA items in the issue view', () => {
  it('are grouped by kind in the order of the kinds, empty kinds left out', () => {
    const groups = groupQa([item('no-author', '“x” has no author'), item('unassigned-lines', 'line 4 is in no article and not furniture'), item('no-author', '“y” has no author')]);
    expect(groups.map((g) => [g.kind, g.items.length])).toEqual([['unassigned-lines', 1], ['no-author', 2]]);
  });
});
