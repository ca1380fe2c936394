import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposePage, splitLines } from '../engine/index.js';
import type { PageAnnotation } from '../model/page.js';
import { applyEdit } from './apply.js';
import { currentTexts } from './rerun.js';
import { validateAnnotation } from './validate.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';

const lines = splitLines(readFileSync(KAILI_PAGE, 'utf8'));
const articleOf = (page: PageAnnotation, n: number) => {
  const label = page.lines.find((l) => l.n === n)?.label;
  return label?.kind === 'article' ? label.article : null;
};
const rerunOf = (page: PageAnnotation) => applyEdit(page, { op: 'rerun', proposal: proposePage(currentTexts(page)) }).page;

describe('re-running the engine after an editor split an article', () => {
  it('leaves both halves under their ids: the engine\'s article maps to the lines no editor touched', () => {
    const first = proposePage(lines);
    expect(articleOf(first, 3)).toBe('a1');
    const split = applyEdit(first, { op: 'startArticle', n: 13 }).page;
    const fresh = articleOf(split, 13)!;
    expect(fresh).not.toBe('a1');

    const again = rerunOf(split);
    expect(validateAnnotation(again)).toEqual([]);
    expect(articleOf(again, 3)).toBe('a1');
    expect(articleOf(again, 11)).toBe('a1');
    expect(articleOf(again, 13)).toBe(fresh);
    expect(articleOf(again, 58)).toBe(fresh);
    expect(again.articles.map((a) => a.id)).toEqual(split.articles.map((a) => a.id));
  });
});
