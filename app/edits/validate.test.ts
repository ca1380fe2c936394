import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../engine/index.js';
import type { AnnotatedLine, LineLabel, PageAnnotation } from '../model/page.js';
import { KAILI_DIR } from '../../tests/support/fixtures.js';
import { deepFreeze, pageFromGold, pageOf } from '../../tests/support/pages.js';
import { applyPatch, type Patch } from './patch.js';
import { validateAnnotation, validateEdit } from './validate.js';

const kaili = splitLines(readFileSync(join(KAILI_DIR, '000_274485b1067f232e.txt'), 'utf8'));

const base = (): PageAnnotation => pageOf(['F:page-header 时政', '', 'a1:body 正文。¶', 'a2:headline 标题¶']);

describe('validateAnnotation', () => {
  it('finds nothing wrong with a sound page', () => {
    expect(validateAnnotation(base())).toEqual([]);
  });

  it('names each broken rule', () => {
    const page = base();
    page.lines[1] = { ...page.lines[1]!, label: { kind: 'article', article: 'a1', role: 'body' } };
    page.lines[2] = { ...page.lines[2]!, label: null };
    page.lines[3] = { ...page.lines[3]!, label: { kind: 'article', article: 'a9', role: 'body' } };
    page.articles.push({ id: 'a1', genre: 'news', authors: [], flags: [] });
    expect(validateAnnotation(page)).toEqual([
      'article a1 is listed twice',
      'line 2 is blank but labelled',
      'line 3 has text but no label',
      'line 4 names a missing article a9',
      'article a2 has no lines',
    ]);
  });

  it('checks source order and the numbering of split parts', () => {
    const page = base();
    page.lines[2] = { ...page.lines[2]!, n: 2, part: 2 };
    page.lines[3] = { ...page.lines[3]!, n: 5 };
    expect(validateAnnotation(page)).toEqual([
      'line 2 should be part 1',
      'line 2 part 2 should be part 1',
      'line 5 is out of order (expected line 3)',
    ]);
  });
});

describe('validateEdit', () => {
  const gold = deepFreeze(pageFromGold(kaili, JSON.parse(readFileSync(join(KAILI_DIR, '000_274485b1067f232e.gold.json'), 'utf8'))));
  const ids = gold.articles.map((a) => a.id);
  const labels: (LineLabel | null)[] = [null, { kind: 'furniture', role: 'page-header' }, ...ids.map((article): LineLabel => ({ kind: 'article', article, role: 'body' })), { kind: 'article', article: 'zz', role: 'body' }];

  /** A patch, often a breaking one: a few source lines given other labels, texts, numbers or parts, and maybe a changed article list. */
  const patches = fc.record({
    groups: fc.array(fc.record({ at: fc.nat(), label: fc.nat(), text: fc.nat(3), shape: fc.nat(4) }), { minLength: 1, maxLength: 4 }),
    articles: fc.nat(4),
  }).map(({ groups, articles }): Patch => {
    const lines = new Map<number, AnnotatedLine[]>();
    for (const g of groups) {
      const line = gold.lines[g.at % gold.lines.length]!;
      const text = [line.text, '', '  ', `${line.text}\n`][g.text]!;
      const changed: AnnotatedLine = { ...line, text, label: labels[g.label % labels.length]! };
      const parts = [[changed], [{ ...changed, part: 1 }, { ...changed, part: 2 }], [{ ...changed, part: 2 }], [{ ...changed, n: line.n + 1 }], []][g.shape]!;
      lines.set(line.n, parts);
    }
    const lists = [undefined, gold.articles.slice(1), [...gold.articles, { ...gold.articles[0]!, id: 'new' }], [...gold.articles, gold.articles[0]!], gold.articles.slice().reverse()];
    const list = lists[articles];
    return { lines: [...lines].sort((a, b) => a[0] - b[0]).map(([n, parts]) => ({ n, parts })), ...(list && { articles: list }) };
  });

  it('refuses exactly what checking the whole page refuses, for a patch on a sound page', () => {
    fc.assert(fc.property(patches, (patch) => {
      const after = applyPatch(gold, patch);
      // The whole-page check cannot know how many lines the source had; the edit check also refuses a patch that drops the last ones.
      const shortened = after.lines.at(-1)?.n !== gold.lines.at(-1)?.n;
      expect(validateEdit(gold, after, patch).length > 0).toBe(validateAnnotation(after).length > 0 || shortened);
    }), { numRuns: 2000 });
  });

  it('refuses a patch that drops the page\'s last line, which the whole-page check alone would pass', () => {
    const last = gold.lines.at(-1)!.n;
    const patch: Patch = { lines: [{ n: last, parts: [] }] };
    expect(validateEdit(gold, applyPatch(gold, patch), patch)).toEqual([`the page ends at line ${last - 1}, not at line ${last}`]);
  });

  it('names the problem of a broken edit', () => {
    const page = base();
    const patch: Patch = { lines: [{ n: 3, parts: [{ ...page.lines[2]!, label: null }] }] };
    expect(validateEdit(page, applyPatch(page, patch), patch)).toEqual(['line 3 has text but no label', 'article a1 has no lines']);
    const removal: Patch = { lines: [], articles: [page.articles[1]!] };
    expect(validateEdit(page, applyPatch(page, removal), removal)).toEqual(['line 3 names a missing article a1']);
  });
});
