import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { proposePage, renderPage, splitLines } from '../engine/index.js';
import { type GoldDoc, scorePage } from './score.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The reference scorer is evaluation tooling kept beside the repository, not in it: the
// cross-check runs where it is found and says why it did not run where it is not.
const reference = join(root, '../shared/tools/score.py');
const skipped = !existsSync(reference) ? `${reference} is not beside this clone`
  : spawnSync('python3', ['--version']).status !== 0 ? 'python3 is missing' : null;
const dirs = [join(root, 'tests/fixtures/kaili'), join(root, 'tests/fixtures/pages')];
const pages = dirs.flatMap((d) => readdirSync(d).filter((n) => n.endsWith('.txt') && existsSync(join(d, n.replace(/\.txt$/, '.gold.json')))).map((n) => join(d, n)));

/** A worse prediction too, so the comparison covers partial matches and not only perfect scores. */
function degrade(seg: ReturnType<typeof renderPage>): ReturnType<typeof renderPage> {
  const [first, second, ...rest] = seg.articles;
  if (!first || !second) return seg;
  const merged = { ...first, spans: [...first.spans, ...second.spans.slice(1)], paragraphs: [...first.paragraphs.slice(1), second.paragraphs.join(' 同 比 ')], authors: ['x'] };
  return { ...seg, articles: [merged, ...rest] };
}

describe('scorePage', () => {
  it.skipIf(skipped !== null)('matches the reference scorer (python3 ../shared/tools/score.py) on every page with a gold file', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'galley-score-'));
    expect(pages.length).toBeGreaterThan(0);
    for (const path of pages) {
      const goldPath = path.replace(/\.txt$/, '.gold.json');
      const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldDoc;
      const seg = renderPage(proposePage(splitLines(readFileSync(path, 'utf8'))), { file: 'p.txt', sha256: '' });
      for (const pred of [seg, degrade(seg)]) {
        const predPath = join(tmp, 'pred.json');
        writeFileSync(predPath, JSON.stringify(pred));
        const run = spawnSync('python3', [reference, goldPath, predPath, '--json'], { encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        const expected = JSON.parse(run.stdout) as Record<string, number>;
        const ours = scorePage(gold, pred) as unknown as Record<string, number>;
        for (const [k, v] of Object.entries(expected)) expect(ours[k], `${path} ${k}`).toBeCloseTo(v, 12);
      }
    }
  });

  if (skipped) it.skip(`skipped: ${skipped}, so the cross-check against the reference scorer did not run`, () => {});
});
