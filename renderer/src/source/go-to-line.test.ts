import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../app/edits/apply.js';
import { proposePage } from '../../../app/engine/index.js';
import { lastSourceLine, sourceLineTarget } from './go-to-line.js';

describe('Ctrl+G', () => {
  it('takes source line numbers, also below a split line, and refuses what the page does not have', () => {
    const split = applyEdit(proposePage(['本报讯（记者 张三）凯里市完成住房公积金归集。', '会议要求，各级各部门要提高认识。', '结尾。']), { op: 'splitLine', n: 1, at: 5 }).page;
    expect(split.lines.map((l) => l.n)).toEqual([1, 1, 2, 3]);
    expect(sourceLineTarget(split, '3')).toBe(3);
    expect(sourceLineTarget(split, ' ３ ')).toBe(3);
    expect([sourceLineTarget(split, '4'), sourceLineTarget(split, '0'), sourceLineTarget(split, 'x'), sourceLineTarget(split, '')]).toEqual([null, null, null, null]);
    expect(lastSourceLine(split)).toBe(3);
  });
});
