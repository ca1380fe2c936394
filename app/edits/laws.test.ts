import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposePage, renderPage, splitLines } from '../engine/index.js';
import { GalleyError } from '../errors.js';
import { FURNITURE_ROLES, GENRES, LINE_ROLES, type PageAnnotation } from '../model/page.js';
import { applyEdit, applyPatch, type Patch } from './apply.js';
import { type EditOp, parseEditOp } from './ops.js';
import { currentTexts } from './rerun.js';
import { charCounts, deepFreeze, pageFromGold } from '../../tests/support/pages.js';
import { KAILI_DIR } from '../../tests/support/fixtures.js';
import { validateAnnotation } from './validate.js';

const corpus = (name: string) => readFileSync(join(KAILI_DIR, name), 'utf8');
const lines = splitLines(corpus('000_274485b1067f232e.txt'));
const starts: [string, PageAnnotation][] = [
  ['gold', deepFreeze(pageFromGold(lines, JSON.parse(corpus('000_274485b1067f232e.gold.json'))))],
  ['engine', deepFreeze(proposePage(lines))],
];

type Seed = [number, number, number, number];
const pick = <T>(items: readonly T[], s: number): T => items[s % items.length]!;

/** An operation for this page chosen by the seed: mostly valid, sometimes not (then it must be refused cleanly). */
function opFor(page: PageAnnotation, [kind, a, b, c]: Seed): EditOp {
  const filled = page.lines.filter((l) => l.label !== null);
  const line = pick(filled, a);
  const at = { n: line.n, ...(line.part === undefined ? {} : { part: line.part }) };
  const last = page.lines[page.lines.length - 1]!.n;
  const range = { from: line.n, to: Math.min(last, line.n + (b % 8)) };
  const ids = page.articles.map((x) => x.id);
  const article = ids.length ? pick(ids, c) : 'none';
  switch (kind % 14) {
    case 0: return { op: 'setBreak', ...at, kind: b % 2 ? 'join' : 'paragraph' };
    case 1: return { op: 'toggleBreak', ...at };
    case 2: return { op: 'joinLines', ...range };
    case 3: return { op: 'splitLine', ...at, at: 1 + (b % Math.max(1, line.text.length - 1)) };
    case 4: return { op: 'editLine', ...at, text: pick([`${line.text}补`, '', line.text.slice(1), ' '], b) };
    case 5: return { op: 'startArticle', ...at };
    case 6: return { op: 'mergeArticle', article, with: b % 2 ? 'previous' : 'next' };
    case 7: return { op: 'moveLines', ...range, article: c % (ids.length + 1) === 0 ? null : article };
    case 8: return { op: 'setRole', ...range, role: pick(LINE_ROLES, c) };
    case 9: return { op: 'markFurniture', ...range, role: pick(FURNITURE_ROLES, c) };
    case 10: return { op: 'reorderArticles', order: [...ids.slice(b % (ids.length || 1)), ...ids.slice(0, b % (ids.length || 1))] };
    case 11: return { op: 'setArticleMeta', article, genre: pick(GENRES, b), authors: c % 2 ? ['李靖'] : [] };
    case 12: return { op: 'rerun', proposal: proposePage(currentTexts(page)) };
    default: return { op: 'moveLines', ...range, fromPart: 2, article };
  }
}

const json = (patch: Patch): Patch => JSON.parse(JSON.stringify(patch)) as Patch;

function nothingLost(page: PageAnnotation): void {
  const seg = renderPage(page, { file: 'page.txt', sha256: '' });
  const rendered = seg.articles.flatMap((a) => [a.kicker, a.title, a.subtitle, a.byline, a.signature, ...a.paragraphs, ...a.captions]);
  const furniture = page.lines.filter((l) => l.label?.kind === 'furniture').map((l) => l.text);
  expect(charCounts([...rendered, ...furniture].filter((t): t is string => t !== null))).toEqual(charCounts(currentTexts(page)));
}

function keptEditorDecisions(before: PageAnnotation, after: PageAnnotation): void {
  before.lines.forEach((line, i) => {
    if (line.why.label?.rule === 'editor') expect(after.lines[i]!.label).toEqual(line.label);
    if (line.why.brk?.rule === 'editor') expect(after.lines[i]!.brk).toBe(line.brk);
  });
  for (const meta of before.articles) if (meta.why?.rule === 'editor') expect(after.articles).toContainEqual(meta);
}

const seeds = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 });

describe.each(starts)('after random edits on the corpus page (%s)', (_name, start) => {
  it('every edit keeps the page valid, patch and inverse exact, nothing lost; undo of all restores the start', () => {
    let applied = 0;
    let refused = 0;
    fc.assert(
      fc.property(seeds, (steps) => {
        let page = start;
        const inverses: Patch[] = [];
        for (const seed of steps) {
          const op = parseEditOp(opFor(page, seed as Seed));
          let result;
          try {
            result = applyEdit(page, op);
          } catch (e) {
            if (!(e instanceof GalleyError) || e.code !== 'BAD_INPUT' || /\n/.test(e.message)) throw e;
            refused++;
            continue;
          }
          applied++;
          const next = deepFreeze(result.page);
          expect(validateAnnotation(next)).toEqual([]);
          expect(applyPatch(page, json(result.patch))).toEqual(next);
          expect(applyPatch(next, json(result.inverse))).toEqual(page);
          nothingLost(next);
          if (op.op === 'rerun') keptEditorDecisions(page, next);
          inverses.push(result.inverse);
          page = next;
        }
        for (const inverse of inverses.reverse()) page = applyPatch(page, inverse);
        expect(page).toEqual(start);
      }),
      // A failure must report its counterexample before the test times out, shrinking included.
      { numRuns: 60, interruptAfterTimeLimit: 40_000 },
    );
    expect(applied).toBeGreaterThan(refused);
  });
});
