import { describe, expect, it } from 'vitest';
import type { QaItem } from '../../../../app/metadata/qa.js';
import { groupQa, qaDetail } from './qa-items.js';

const item = (kind: QaItem['kind'], message: string, line: number | null = 3): QaItem => ({ pageId: 1, pageNumber: 1, line, article: 'a1', kind, message });

describe('QA items in the issue view', () => {
  it('are grouped by kind in the order of the kinds, empty kinds left out', () => {
    const groups = groupQa([item('no-author', '“x” has no author'), item('unassigned-lines', 'line 4 is in no article and not furniture'), item('no-author', '“y” has no author')]);
    expect(groups.map((g) => [g.kind, g.items.length])).toEqual([['unassigned-lines', 1], ['no-author', 2]]);
  });

  it('say what they point at without the English sentence', () => {
    expect(qaDetail(item('unassigned-lines', 'lines 12–15 are in no article and not furniture'))).toEqual({ from: 12, to: 15 });
    expect(qaDetail(item('unassigned-lines', 'line 4 is in no article and not furniture'))).toEqual({ from: 4, to: 4 });
    expect(qaDetail(item('cjk-space', '“确保 凯里市”: a space between CJK characters'))).toEqual({ quote: '确保 凯里市' });
    expect(qaDetail(item('detached-entity', '“标题”: 李靖、凯里 no longer in the text'))).toEqual({ quote: '李靖、凯里' });
    expect(qaDetail(item('no-title', 'article a1 has no title'))).toBeNull();
  });
});
