import { describe, expect, it } from 'vitest';
import { linesFromRuns, type TextRun } from './pdf-lines.js';

const run = (str: string, x: number, y: number, size = 10): TextRun => ({ str, x, y, w: str.length * size, h: size, size });

describe('lines from a PDF page\'s text runs', () => {
  it('sets no space between CJK runs a font change split, and reads radical code points as ideographs', () => {
    // Gaps of a sixth of an em, which between Latin words would be spaces; then a real space.
    const lines = linesFromRuns([run('1', 0, 0), run('月', 11.7, 0), run('4', 23.4, 0), run('日凯⾥人⺠⻓\u0000', 35, 0), run('呢', 145, 0)]);
    expect(lines.map((l) => l.text)).toEqual(['1月4日凯里人民长\uFFFD 呢']);
    expect(linesFromRuns([run('漢⻁牙將軍銀章、⻱紐', 0, 0)]).map((l) => l.text)).toEqual(['漢虎牙將軍銀章、龜紐']);
  });

  it('reads the two-em dash glyph a Chinese dash is set in as the two em dashes typed', () => {
    expect(linesFromRuns([run('\u2e3a全年计划', 0, 0)]).map((l) => l.text)).toEqual(['——全年计划']);
  });

  it('turns a justification gap into one space and keeps a real word gap', () => {
    const lines = linesFromRuns([run('wide', 0, 0), run('gap', 80, 0), run('next', 112, 0)]);
    expect(lines.map((l) => l.text)).toEqual(['wide gap next']);
  });

  it('reads a scan\'s columns one after the other even where a few loose word boxes cross the gutter', () => {
    const runs: TextRun[] = [];
    for (let row = 0; row < 30; row++) {
      runs.push(run(`left ${row}`, 0, row * 12), run(`right ${row}`, 120, row * 12));
    }
    // An OCR box a little too wide, reaching into the gutter and past it.
    runs.push({ str: 'loose', x: 60, y: 30 * 12, w: 70, h: 10, size: 10 });
    const texts = linesFromRuns(runs).map((l) => l.text);
    expect(texts.indexOf('left 29')).toBeLessThan(texts.indexOf('right 0'));
    expect(texts.filter((t) => t.startsWith('left')).length).toBe(30);
  });

  it('reads a column whole when the next column ends early, rather than cutting the page at the white below the short column', () => {
    const runs: TextRun[] = [];
    // the left column runs 20 lines, with a wider gap (a new article) after line 9; the right one ends after 8
    for (let row = 0; row < 20; row++) runs.push(run(`left ${row}`, 0, row * 12 + (row >= 10 ? 14 : 0)));
    for (let row = 0; row < 8; row++) runs.push(run(`right ${row}`, 120, row * 12));
    const texts = linesFromRuns(runs).map((l) => l.text);
    expect(texts.indexOf('left 19')).toBeLessThan(texts.indexOf('right 0'));
  });

  it('still reads a masthead across the columns before them', () => {
    const runs: TextRun[] = [run('THE DAILY MASTHEAD OVER ALL', 0, 0, 20)];
    for (let row = 0; row < 10; row++) runs.push(run(`left ${row}`, 0, 60 + row * 12), run(`right ${row}`, 120, 60 + row * 12));
    const texts = linesFromRuns(runs).map((l) => l.text);
    expect(texts[0]).toBe('THE DAILY MASTHEAD OVER ALL');
    expect(texts.indexOf('left 9')).toBeLessThan(texts.indexOf('right 0'));
  });

  it('keeps apart two columns\' lines on one row where a column ends on two lines beside the next one\'s top', () => {
    const lines = linesFromRuns([run('如以小梅來讚美', 0, 0), run('我也不過是和', 300, 0), run('何好法雖道說', 0, 12), run('梅蘭芳問題', 300, 12)]);
    expect(lines.map((l) => l.text)).toEqual(['如以小梅來讚美', '何好法雖道說', '我也不過是和', '梅蘭芳問題']);
  });
});
