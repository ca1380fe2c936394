import { describe, expect, it } from 'vitest';
import { proposePage, renderPage } from './index.js';

/**
 * The fastest of five timings of one run, in ms, each timing repeating the work for at least 25 ms so
 * a run of a fraction of a millisecond is not lost in the timer's and the scheduler's noise: a ratio
 * of two such figures says how cost grows, whatever the machine's load.
 */
function fastest(work: () => void): number {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    let runs = 0;
    do {
      work();
      runs++;
    } while (performance.now() - t < 25);
    best = Math.min(best, (performance.now() - t) / runs);
  }
  return best;
}

// Pages no newspaper prints but a file can hold: every step of the first pass must stay linear in
// them, or one such page hangs the import. Linear work grows 8× for 8× the lines; 30× leaves room
// for a loaded machine's noise while a quadratic step (64×) fails. The smaller page is 10,000 lines:
// below that a page fits the processor's caches and a linear pass looks superlinear.
const GROWTH_BOUND = 30;
const SHAPES: [string, (n: number) => string[]][] = [
  ['one character then blank lines', (n) => ['x', ...Array.from({ length: n - 1 }, () => '')]],
  ['short lines, one paragraph', (n) => Array.from({ length: n }, (_, i) => `ab${i % 10}`)],
  ['CJK lines with a blank line now and then', (n) => Array.from({ length: n }, (_, i) => (i % 9 === 0 ? '' : `经济发展同比增长${i % 10}个百分点`))],
  ['Latin lines hyphenated at every end', (n) => Array.from({ length: n }, () => 'the quick brown fox jumps over the lazy dog con-')],
  ['datelines and bylines only', (n) => Array.from({ length: n }, (_, i) => (i % 2 ? '本报讯（记者 张三 李四）' : '本报记者 王明'))],
  ['spaced CJK, every line a candidate headline', (n) => Array.from({ length: n }, (_, i) => `抢 抓 机 遇 ${i}`)],
];

describe('the first pass on growing pages', () => {
  for (const [name, make] of SHAPES) {
    it(`stays linear: ${name}`, () => {
      const small = make(10000);
      const large = make(80000);
      const run = (lines: string[]) => renderPage(proposePage(lines), { file: 'p.txt', sha256: '' });
      run(small);
      run(large);
      const ratio = fastest(() => run(large)) / fastest(() => run(small));
      expect(ratio).toBeLessThan(GROWTH_BOUND);
    }, 60_000);
  }
});
