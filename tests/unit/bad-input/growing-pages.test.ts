import { describe, expect, it } from 'vitest';
import { applyEditToPage } from '../../../main/edits/edits.js';
import { renderIssueExport } from '../../../main/export/export.js';
import { importFiles } from '../../../main/import/import.js';
import { getPage, type Library } from '../../../main/library/library.js';
import { issueQaReport } from '../../../main/metadata/metadata.js';
import { tempLibraryPerTest } from '../../support/temp-library.js';

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});

/** The fastest of three runs, in ms: a ratio of two such figures says how cost grows, whatever the machine's load. */
function fastest(work: (k: number) => unknown): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    work(k);
    best = Math.min(best, performance.now() - t);
  }
  return Math.max(best, 1);
}

// Linear work grows 8× for 8× the lines; 40× leaves room for a shared machine's noise and for
// a large page outgrowing the caches, while a quadratic step (64×) fails.
const GROWTH_BOUND = 40;
// [name, page of n lines, the smaller size]: the larger is 8× it
const SHAPES: [string, (n: number) => string[], number][] = [
  ['short lines in one paragraph', (n) => Array.from({ length: n }, (_, i) => `ab${i % 10}`), 10000],
  ['many short articles, each with QA items', (n) => Array.from({ length: n }, (_, i) => ['', '抢抓机遇 乘势而上', '本报讯 经济发展同比增长。'][i % 3]!), 4000],
  ['CJK lines, a blank line now and then', (n) => Array.from({ length: n }, (_, i) => (i % 9 === 0 ? '' : `经济发展同比增长${i % 10}个百分点`)), 10000],
];

/** Every step an editor takes on a page, each timed at its fastest of three. */
async function stepTimes(lines: string[], tag: string): Promise<Record<string, number>> {
  const text = lines.join('\n');
  let importMs = Infinity;
  let pageId = 0;
  let issueId = 0;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const report = await importFiles(lib.db, [{ name: `${tag}${k}.txt`, bytes: Buffer.from(text) }], { publication: 'P' });
    importMs = Math.min(importMs, performance.now() - t);
    pageId = report.files[0]!.pageId!;
    issueId = report.issueId!;
  }
  return {
    import: importMs,
    open: fastest(() => JSON.stringify(getPage(lib.db, pageId))),
    edit: fastest((k) => applyEditToPage(lib.db, pageId, { op: 'setRole', from: 3 + 3 * k, to: 3 + 3 * k, role: 'caption' })),
    qa: fastest(() => issueQaReport(lib.db, issueId)),
    export: fastest(() => renderIssueExport(lib.db, issueId, 'json')),
  };
}

describe('every store step on growing pages', () => {
  for (const [name, make, size] of SHAPES) {
    it(`stays linear: ${name}`, async () => {
      await stepTimes(make(2000), 'warm');
      const small = await stepTimes(make(size), 'small');
      const large = await stepTimes(make(8 * size), 'large');
      const ratios = Object.fromEntries(Object.keys(small).map((step) => [step, Math.round(large[step]! / small[step]!)]));
      expect(Object.entries(ratios).filter(([, r]) => r >= GROWTH_BOUND)).toEqual([]);
    }, 180_000);
  }
});
