import { describe, expect, it } from 'vitest';
import { validateAnnotation } from '../edits/validate.js';
import { proposePage } from './propose.js';
import { applySourceStructure } from './source-structure.js';

const LINES = [
  'CITY NEWS',
  '',
  'Council Votes New Bridge',
  'The council voted on Monday to build',
  'a new bridge over the river.',
  '',
  'Harvest Fair Opens',
  'The fair opened on Saturday with',
  'record crowds at the grounds.',
  '',
  'Advertisement: buy our soap',
];

const articleLines = (page: ReturnType<typeof proposePage>, id: string) => page.lines.filter((l) => l.label?.kind === 'article' && l.label.article === id).map((l) => l.n);

describe('the source\'s own structure', () => {
  it('puts each source article\'s lines in one article, in the source\'s order, each said by the source', () => {
    const engine = proposePage(LINES);
    // the source reads the fair before the bridge, and takes the last line into the fair
    const page = applySourceStructure(engine, [{ lines: [7, 8, 9, 11] }, { lines: [3, 4, 5], genre: 'notice' }]);
    expect(validateAnnotation(page)).toEqual([]);
    expect(articleLines(page, 'a1')).toEqual([7, 8, 9, 11]);
    expect(articleLines(page, 'a2')).toEqual([3, 4, 5]);
    expect(page.articles.slice(0, 2).map((a) => [a.id, a.genre, a.why?.rule])).toEqual([['a1', 'news', 'source-structure'], ['a2', 'notice', 'source-structure']]);
    expect(page.lines.filter((l) => articleLines(page, 'a1').includes(l.n)).every((l) => l.why.label?.rule === 'source-structure')).toBe(true);
    // the source says which article, the engine still says which role
    const proposed = engine.lines[2]!.label;
    expect(proposed?.kind).toBe('article');
    expect(page.lines[2]!.label).toEqual({ ...proposed, article: 'a2' });
  });

  it('leaves what the source does not place to the engine, its articles numbered after the source\'s', () => {
    const engine = proposePage(LINES);
    const page = applySourceStructure(engine, [{ lines: [7, 8, 9] }]);
    expect(validateAnnotation(page)).toEqual([]);
    expect(articleLines(page, 'a1')).toEqual([7, 8, 9]);
    // the bridge article is still there, renamed after the source's one
    const bridge = page.lines[3]!.label;
    expect(bridge?.kind === 'article' && bridge.article !== 'a1').toBe(true);
    expect(page.articles[0]?.id).toBe('a1');
    expect(new Set(page.articles.map((a) => a.id)).size).toBe(page.articles.length);
  });

  it('changes nothing without a structure, and ignores lines the page does not have', () => {
    const engine = proposePage(LINES);
    expect(applySourceStructure(engine, [])).toBe(engine);
    const page = applySourceStructure(engine, [{ lines: [999] }, { lines: [3, 4, 5] }]);
    expect(page.articles[0]).toMatchObject({ id: 'a1', why: { rule: 'source-structure' } });
    expect(articleLines(page, 'a1')).toEqual([3, 4, 5]);
  });
});
