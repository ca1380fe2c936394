import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPage, splitLines } from '../engine/index.js';
import { goldToAnnotation, type GoldPage } from './gold-annotation.js';
import { alignLines, onGoldLines } from './align.js';
import { evaluate } from './evaluate.js';
import { scorePage } from './score.js';

const fixtures = new URL('../../tests/fixtures/pages/', import.meta.url);
const read = (stem: string) => ({
  lines: splitLines(readFileSync(new URL(`${stem}.txt`, fixtures), 'utf8')),
  gold: JSON.parse(readFileSync(new URL(`${stem}.gold.json`, fixtures), 'utf8')) as GoldPage,
});

describe('lines of one page in two renderings', () => {
  it('pairs lines by their text without whitespace, skipping blank and extra lines', () => {
    expect([...alignLines(['甲 乙', '', '丙', 'noise', '丁'], ['甲乙', '丙', '', '丁', '戊'])]).toEqual([0, -1, 1, -1, 3]);
    expect([...alignLines([], ['a'])]).toEqual([]);
    expect([...alignLines(['a', 'b'], [])]).toEqual([-1, -1]);
  });

  it('pairs a line whose text layer names a shared glyph by another character (户 as 戶), not a line that differs more', () => {
    const gold = ['贫困户罗务志卖蔬菜 6825 斤，补助 6825 元；罗', '短行', '甲乙'];
    expect([...alignLines(['贫困戶罗务志卖蔬菜 6825 斤，补助 6825 元；罗', '短句', '甲乙'], gold)]).toEqual([0, -1, 2]);
    // a private-use character has no glyph to print: the print of its line lacks it
    expect([...alignLines(['所鑲嵌者亦復如是、凍所染'], ['所鑲嵌者亦復如是、\ue111凍所染'])]).toEqual([0]);
    // nor one a font lacks (the print drops it)
    expect([...alignLines(['廬印譜、幾面唐鏡、一個癸父鼎、'], ['\u{24bb2}廬印譜、幾面唐鏡、一個癸父鼎、'])]).toEqual([0]);
    // in a short line too: a character outside the BMP is one character lost, not two
    expect([...alignLines(['中壘揮金洛妃', '中壘揮金\uFFFD洛妃'], ['中壘揮金\u{22822}洛妃', '中壘揮金\u{22822}洛妃'])]).toEqual([0, 1]);
  });

  it('scores a print of a gold page as the gold page itself when the print lost only its blank lines and spacing', () => {
    const { lines, gold } = read('zh_headline_first');
    // what a PDF import gives: no blank lines, justification spaces, a running head the gold lacks
    const printed = ['第 3 版', ...lines.filter((l) => l.trim() !== '').map((l) => l.split('').join(' '))];
    const perfect = renderPage(goldToAnnotation(lines, gold), { file: 'p', sha256: '' });
    const onPrint = renderPage(goldToAnnotation(lines, gold), { file: 'p', sha256: '' });
    // the gold's own segmentation, said in the print's line numbers and back, scores as itself
    const map = alignLines(lines, printed);
    const moved = <R extends { from: number; to: number }>(r: R): R => ({ ...r, from: map[r.from - 1]! + 1, to: map[r.to - 1]! + 1 });
    const toPrint = { ...onPrint, furniture: onPrint.furniture.map(moved), articles: onPrint.articles.map((a) => ({ ...a, spans: a.spans.map(moved) })) };
    expect(scorePage(gold, onGoldLines(toPrint, printed, lines)).line_article_acc).toBe(scorePage(gold, perfect).line_article_acc);
    expect(scorePage(gold, onGoldLines(toPrint, printed, lines)).line_role_acc).toBe(1);
  });

  it('evaluates pages read another way against the gold lines, and learns from the gold lines', () => {
    const { lines, gold } = read('zh_headline_first');
    const plain = evaluate([{ name: 'p', lines, gold }], 'plain');
    const same = evaluate([{ name: 'p', lines, gold, goldLines: lines }], 'plain');
    expect(same.mean).toBeCloseTo(plain.mean, 10);
    // line by line too: the calibration and the flagged lines of a print are those of its text
    expect(same.flagged).toEqual(plain.flagged);
    expect(same.calibration).toEqual(plain.calibration);
    expect(plain.flagged.lines).toBeGreaterThan(0);
    const shuffled = evaluate([{ name: 'p', lines: [...lines].reverse(), gold, goldLines: lines }], 'plain');
    expect(shuffled.mean).toBeLessThan(plain.mean);
  });
});
