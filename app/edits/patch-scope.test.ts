import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../engine/index.js';
import type { AnnotatedLine, PageAnnotation } from '../model/page.js';
import { applyEdit } from './apply.js';
import type { EditOp } from './ops.js';
import { deepFreeze, pageFromGold } from '../../tests/support/pages.js';
import { KAILI_DIR } from '../../tests/support/fixtures.js';
import { validateAnnotation } from './validate.js';

const corpus = (name: string) => readFileSync(join(KAILI_DIR, name), 'utf8');
const gold = pageFromGold(splitLines(corpus('000_274485b1067f232e.txt')), JSON.parse(corpus('000_274485b1067f232e.gold.json')));

/** The corpus page repeated until it has at least `size` lines, each copy with its own article ids. */
function pageOfSize(size: number): PageAnnotation {
  const copies = Math.ceil(size / gold.lines.length);
  const id = (k: number, a: string) => `a${k * 100 + Number(a.slice(1))}`;
  const lines: AnnotatedLine[] = [];
  for (let k = 0; k < copies; k++) {
    for (const l of gold.lines) {
      const label = l.label?.kind === 'article' ? { ...l.label, article: id(k, l.label.article) } : l.label;
      lines.push({ ...l, n: lines.length + 1, label });
    }
  }
  const articles = Array.from({ length: copies }, (_, k) => gold.articles.map((a) => ({ ...a, id: id(k, a.id) }))).flat();
  return deepFreeze({ ...gold, lines, articles });
}

describe.each([428, 5000])('on a %i-line page', (size) => {
  const page = pageOfSize(size);
  const seen = new Set<string>();
  // Body lines that do not begin their article, so every op below is a valid one.
  const body = page.lines.filter((l) => {
    if (l.label?.kind !== 'article') return false;
    const first = !seen.has(l.label.article);
    seen.add(l.label.article);
    return !first && l.label.role === 'body';
  });
  const ops = (i: number): EditOp => {
    const l = body[(i * 7919) % body.length]!;
    const article = (l.label as { article: string }).article;
    return [
      { op: 'toggleBreak', n: l.n },
      { op: 'setRole', from: l.n, to: l.n + 2, role: 'caption' },
      { op: 'moveLines', from: l.n, to: l.n + 3, article: null },
      { op: 'splitLine', n: l.n, at: 2 },
      { op: 'editLine', n: l.n, text: `${l.text}补` },
      { op: 'startArticle', n: l.n },
      { op: 'mergeArticle', article, with: article === page.articles[0]!.id ? 'next' : 'previous' },
    ][i % 7] as EditOp;
  };

  it('a line edit patches only the lines it touched', () => {
    expect(validateAnnotation(page)).toEqual([]);
    const l = body[body.length >> 1]!;
    expect(applyEdit(page, { op: 'toggleBreak', n: l.n }).patch.lines.map((g) => g.n)).toEqual([l.n]);
    expect(applyEdit(page, { op: 'splitLine', n: l.n, at: 1 }).patch.lines.map((g) => g.parts.length)).toEqual([2]);
    expect(applyEdit(page, { op: 'setRole', from: l.n, to: l.n + 2, role: 'caption' }).patch.lines.length).toBeLessThanOrEqual(3);
  });

  it('every operation of the mix is valid and patches its neighbourhood, not the page', () => {
    for (let i = 0; i < 70; i++) {
      const { page: next, patch } = applyEdit(page, ops(i));
      expect(validateAnnotation(next)).toEqual([]);
      // A merge or a new article relabels that article's lines; nothing rewrites the page.
      expect(patch.lines.length).toBeLessThan(page.lines.length / 4);
    }
  });
});
