import { describe, expect, it } from 'vitest';
import type { LineBox } from '../model/geometry.js';
import { proposePage } from './index.js';
import { readPrint } from './print.js';

const box = (x: number, y: number, fontSize: number, w = 200): LineBox => ({ x, y, w, h: fontSize, fontSize });

/** Lines with their boxes, a column of text under display lines: [text, size] pairs, '' for a gap. */
function column(rows: readonly [string, number][], x = 0, top = 0): { lines: string[]; boxes: (LineBox | null)[] } {
  const lines: string[] = [];
  const boxes: (LineBox | null)[] = [];
  let y = top;
  for (const [text, size] of rows) {
    lines.push(text);
    boxes.push(text === '' ? null : box(x, y, size));
    y += text === '' ? 8 : size * 1.3;
  }
  return { lines, boxes };
}

const BODY = [
  '本报讯（通讯员 李华）近日，我市召开重点项目建设推进会，',
  '总结去年项目建设工作，安排部署今年重点任务，会议要求',
  '各地各部门进一步强化责任担当，全力推动项目落地见效。',
];

describe('the print of a page', () => {
  it('reads sizes against the body size and where the text moves to another column', () => {
    const p = readPrint([box(0, 0, 22), null, box(0, 40, 11), box(0, 55, 11), box(300, 0, 11)], ['大标题', '', '正文一行正文一行', '正文一行正文一行', '下一栏正文'])!;
    expect([...p.size].map((s) => (Number.isNaN(s) ? null : s))).toEqual([2, null, 1, 1, 1]);
    expect([...p.columnAfter]).toEqual([0, 0, 0, 1, 0]);
  });

  it('reads nothing from boxes of other lines or boxes without sizes', () => {
    expect(readPrint([box(0, 0, 11)], ['a', 'b'])).toBeNull();
    expect(readPrint([{ x: 0, y: 0, w: 10, h: 10 }], ['a'])).toBeNull();
    expect(readPrint(undefined, ['a'])).toBeNull();
  });
});

describe('the engine with a print', () => {
  it('takes a line set in display type as a headline whatever its shape, and sizes decide kicker and subheadline', () => {
    // a headline ending on a full stop reads as a sentence from its text alone
    const { lines, boxes } = column([['向必武调研工业发展时强调', 13], ['', 0], ['确保开局之年开好局。', 22], ['', 0], ['全年计划完成投资120亿元', 14], ['', 0], ...BODY.map((t): [string, number] => [t, 11])]);
    const text = proposePage(lines);
    const print = proposePage(lines, { boxes });
    expect(text.lines[2]!.label).not.toMatchObject({ role: 'headline' });
    expect(print.lines.map((l) => (l.label?.kind === 'article' ? l.label.role : null))).toEqual(['kicker', null, 'headline', null, 'subheadline', null, 'body', 'body', 'body']);
    expect(print.lines[2]!.why.label?.rule).toBe('headline-size');
    expect(print.lines[0]!.why.label?.rule).toBe('kicker-size');
  });

  it('runs an unpointed page\'s full line on into the next column where the print moves there', () => {
    const full = '中國向來編詩集子的和尙道士雖做得極好的詩都放在後頭加他';
    const rows: [string, number][] = [[full, 11], [full, 11], [full, 11], [full, 11]];
    const left = column(rows);
    const right = column([['一個特別的符號是方外兩個字要是在社會閒一切行樂的事都、', 11], [full, 11], ['限制他不準做、', 11]], 300);
    const lines = [...left.lines, '', ...right.lines];
    const boxes = [...left.boxes, null, ...right.boxes];
    // old-style pointing: 、 marks every pause, so the page reads as unpointed
    const page = [...lines.map((l) => l.replace(/詩/g, '詩、')), ...Array.from({ length: 20 }, () => '、、、')];
    const padded = [...boxes, ...page.slice(lines.length).map((_, k) => box(600, k * 15, 11))];
    expect(proposePage(page).lines[3]!.brk).toBe('paragraph');
    const withPrint = proposePage(page, { boxes: padded });
    expect(withPrint.lines[3]!.brk).toBe('join');
    expect(withPrint.lines[3]!.why.brk?.rule).toBe('print-column-break');
    // where 、 marks every pause, a full line ending on one runs on as well
    const paused = page.map((l, i) => (i === 3 ? `${l.slice(0, -1)}、` : l));
    expect(proposePage(paused, { boxes: padded }).lines[3]!.brk).toBe('join');
  });

  it('reads a text-only page exactly as before', () => {
    const { lines } = column([['确保开局之年开好局', 22], ['', 0], ...BODY.map((t): [string, number] => [t, 11])]);
    expect(proposePage(lines, { boxes: undefined })).toEqual(proposePage(lines));
    // boxes of another set of lines are not read
    expect(proposePage(lines, { boxes: [box(0, 0, 30)] })).toEqual(proposePage(lines));
  });
});
