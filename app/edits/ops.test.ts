import { describe, expect, it } from 'vitest';
import { GalleyError } from '../errors.js';
import { editOp, parseEditOp } from './ops.js';

describe('editOp schema', () => {
  it('accepts every operation in its JSON shape', () => {
    const ops = [
      { op: 'setBreak', n: 3, kind: 'paragraph' },
      { op: 'toggleBreak', n: 3, part: 2 },
      { op: 'joinLines', from: 3, to: 9 },
      { op: 'splitLine', n: 4, at: 12 },
      { op: 'editLine', n: 4, text: '州委的部署。' },
      { op: 'startArticle', n: 59 },
      { op: 'mergeArticle', article: 'a2', with: 'previous' },
      { op: 'moveLines', from: 134, to: 136, article: 'a2' },
      { op: 'moveLines', from: 138, fromPart: 2, to: 140, article: null },
      { op: 'setRole', from: 134, to: 134, role: 'headline' },
      { op: 'markFurniture', from: 1, to: 1, role: 'page-header' },
      { op: 'reorderArticles', order: ['a2', 'a1'] },
      { op: 'setArticleMeta', article: 'a1', genre: 'feature', authors: ['李靖'] },
      { op: 'rerun', proposal: { lines: [], articles: [], section: null, headlineOrder: 'unknown' } },
    ];
    for (const op of ops) expect(parseEditOp(op)).toEqual(op);
    expect(new Set(ops.map((o) => o.op)).size).toBe(editOp.options.length);
  });

  it('refuses a malformed operation with one clear line', () => {
    for (const [raw, where] of [
      [{ op: 'toggleBreak', n: 0 }, /^edit operation: n: /],
      [{ op: 'setBreak', n: 3, kind: 'soft' }, /kind/],
      [{ op: 'toggleBreak', n: 3, brk: 'join' }, /brk/],
      [{ op: 'explode' }, /op/],
      [{ op: 'setArticleMeta', article: 'a1', authors: ['  '] }, /authors\.0/],
      [{ op: 'rerun', proposal: { lines: [{ n: 1 }], articles: [], section: null, headlineOrder: 'after' } }, /proposal\.lines\.0/],
    ] as const) {
      let error: unknown;
      try {
        parseEditOp(raw);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(GalleyError);
      expect((error as GalleyError).code).toBe('BAD_INPUT');
      expect((error as GalleyError).message).toMatch(where);
      expect((error as GalleyError).message).not.toMatch(/\n/);
    }
  });
});
