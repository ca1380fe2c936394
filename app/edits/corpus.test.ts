import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposePage, renderPage, splitLines } from '../engine/index.js';
import type { PageAnnotation } from '../model/page.js';
import { applyEdit, applyPatch } from './apply.js';
import type { EditOp } from './ops.js';
import { currentTexts } from './rerun.js';
import { charCounts, deepFreeze, pageFromGold } from '../../tests/support/pages.js';
import { KAILI_DIR } from '../../tests/support/fixtures.js';
import { validateAnnotation } from './validate.js';

const corpus = (name: string) => readFileSync(join(KAILI_DIR, name), 'utf8');
const lines = splitLines(corpus('000_274485b1067f232e.txt'));
const gold = () => deepFreeze(pageFromGold(lines, JSON.parse(corpus('000_274485b1067f232e.gold.json'))));
const source = { file: '000_274485b1067f232e.txt', sha256: '' };

const articleOf = (page: PageAnnotation, n: number) => {
  const label = page.lines.find((l) => l.n === n)?.label;
  return label?.kind === 'article' ? label.article : null;
};
const titleOf = (page: PageAnnotation, id: string) => renderPage(page, source).articles.find((a) => a.id === id)?.title;

/** The page with lines relabelled, as an engine that got them wrong would have it. */
function mislabel(page: PageAnnotation, from: number, to: number, article: string): PageAnnotation {
  return deepFreeze({
    ...page,
    lines: page.lines.map((l) => (l.n >= from && l.n <= to && l.label?.kind === 'article' ? { ...l, label: { ...l.label, article } } : l)),
  });
}

function edit(page: PageAnnotation, op: EditOp) {
  const result = applyEdit(page, op);
  expect(validateAnnotation(result.page)).toEqual([]);
  expect(applyPatch(result.page, result.inverse)).toEqual(page);
  return result;
}

describe('on the corpus page', () => {
  it('the gold segmentation is a valid annotation and renders every character once', () => {
    const page = gold();
    expect(validateAnnotation(page)).toEqual([]);
    expect(titleOf(page, 'a2')).toBe('市委常委会召开（扩大）会议');
  });

  it('a headline printed after its body, given to the next article, is moved back with its roles', () => {
    const wrong = mislabel(gold(), 134, 136, 'a3');
    expect(titleOf(wrong, 'a2')).toBeNull();
    const { page, patch } = edit(wrong, { op: 'moveLines', from: 133, to: 137, article: 'a2' });
    expect(titleOf(page, 'a2')).toBe('市委常委会召开（扩大）会议');
    expect(page.lines.find((l) => l.n === 136)?.label).toEqual({ kind: 'article', article: 'a2', role: 'subheadline' });
    expect(patch.lines.map((g) => g.n)).toEqual([134, 136]);
    expect(patch.articles).toBeUndefined();
  });

  it('a new article starts at a 本报讯 line and takes the rest of the merged article with it', () => {
    const merged = deepFreeze({ ...mislabel(gold(), 59, 136, 'a1'), articles: gold().articles.filter((a) => a.id !== 'a2') });
    expect(validateAnnotation(merged)).toEqual([]);
    const { page, inverse } = edit(merged, { op: 'startArticle', n: 59 });
    const added = page.articles[1]!.id;
    expect(page.articles.map((a) => a.id)).toEqual(['a1', added, 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
    expect(articleOf(page, 58)).toBe('a1');
    expect([59, 132, 134, 136].map((n) => articleOf(page, n))).toEqual([added, added, added, added]);
    expect(titleOf(page, added)).toBe('市委常委会召开（扩大）会议');
    expect(applyPatch(page, inverse)).toEqual(merged);
  });

  it('undo of a series of edits, newest first, brings back exactly the page', () => {
    const start = gold();
    const ops: EditOp[] = [
      { op: 'splitLine', n: 138, at: 3 },
      { op: 'moveLines', from: 138, fromPart: 2, to: 138, article: null },
      { op: 'mergeArticle', article: 'a4', with: 'previous' },
      { op: 'markFurniture', from: 1, to: 3, role: 'noise' },
      { op: 'editLine', n: 4, text: '察工作的统一部署' },
      { op: 'reorderArticles', order: ['a8', 'a7', 'a6', 'a5', 'a3', 'a9', 'a2', 'a1'] },
    ];
    const inverses = [];
    let page = start;
    for (const op of ops) {
      const result = edit(page, op);
      inverses.push(result.inverse);
      page = deepFreeze(result.page);
    }
    expect(page.lines.filter((l) => l.n === 138).map((l) => [l.part, l.text, articleOf({ ...page, lines: [l] }, 138)])).toEqual([
      [1, '本报讯', 'a3'],
      [2, '（通讯员 李靖）1 月 4 日，', 'a9'],
    ]);
    for (const inverse of inverses.reverse()) page = applyPatch(page, inverse);
    expect(page).toEqual(start);
  });

  it('a re-run takes the engine’s new proposal everywhere except where the editor decided', () => {
    const engine = deepFreeze(proposePage(lines));
    expect(validateAnnotation(engine)).toEqual([]);
    let page = engine;
    const first = engine.articles[0]!.id;
    for (const op of [
      { op: 'splitLine', n: 59, at: 4 },
      { op: 'moveLines', from: 59, fromPart: 2, to: 59, toPart: 2, article: null },
      { op: 'setRole', from: 3, to: 3, role: 'byline' },
      { op: 'toggleBreak', n: 4 },
      { op: 'setArticleMeta', article: first, authors: ['李靖'] },
    ] satisfies EditOp[]) {
      page = deepFreeze(edit(page, op).page);
    }
    const proposal = proposePage(currentTexts(page));
    const { page: after } = edit(page, { op: 'rerun', proposal });
    after.lines.forEach((line, i) => {
      const was = page.lines[i]!;
      expect(line.text).toBe(was.text);
      if (was.why.label?.rule === 'editor') expect(line.label).toEqual(was.label);
      else if (line.label !== null && proposal.lines[i]!.label?.kind === 'furniture') expect(line.label).toEqual(proposal.lines[i]!.label);
      if (was.why.brk?.rule === 'editor') expect(line.brk).toBe(was.brk);
      else if (line.label !== null) expect(line.brk).toBe(proposal.lines[i]!.brk);
    });
    expect(after.articles.find((a) => a.id === first)?.authors).toEqual(['李靖']);
    expect(after.lines.find((l) => l.n === 3)?.label).toMatchObject({ role: 'byline' });
    // A re-run over an untouched engine page changes nothing.
    expect(applyEdit(engine, { op: 'rerun', proposal: proposePage(lines) }).patch).toEqual({ lines: [] });
  });

  it('nothing is lost: the rendered page holds every character of its lines once', () => {
    const page = gold();
    const seg = renderPage(page, source);
    const rendered = seg.articles.flatMap((a) => [a.kicker, a.title, a.subtitle, a.byline, a.signature, ...a.paragraphs, ...a.captions]);
    const furniture = seg.furniture.flatMap((f) => page.lines.filter((l) => l.n >= f.from && l.n <= f.to).map((l) => l.text));
    expect(charCounts([...rendered, ...furniture].filter((t): t is string => t !== null))).toEqual(charCounts(currentTexts(page)));
  });
});
