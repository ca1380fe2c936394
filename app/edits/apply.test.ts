import { describe, expect, it } from 'vitest';
import { GalleyError } from '../errors.js';
import type { PageAnnotation } from '../model/page.js';
import { applyEdit, applyPatch } from './apply.js';
import type { EditOp } from './ops.js';
import { deepFreeze, pageOf } from '../../tests/support/pages.js';
import { validateAnnotation } from './validate.js';

const EDITOR = { rule: 'editor', confidence: 1 };

// 1 header, two articles whose headlines are printed after their bodies.
const small = (): PageAnnotation =>
  deepFreeze(
    pageOf([
      'F:page-header 时政凯里',
      '',
      'a1:body 本报讯（通讯员 李靖）根据',
      'a1:body 州委部署。¶',
      'a1:body 会上，李福盛宣读了通知。¶',
      '',
      'a1:headline 巡察动员会召开¶',
      '',
      'a2:body 本报讯 近日，市委常委会',
      'a2:body 召开会议。¶',
      '',
      'a2:headline 市委常委会召开¶',
    ]),
  );

/** Applies an op and checks the laws every edit keeps; returns the result. */
function edit(page: PageAnnotation, op: EditOp) {
  const result = applyEdit(page, op);
  expect(validateAnnotation(result.page)).toEqual([]);
  expect(applyPatch(page, result.patch)).toEqual(result.page);
  expect(applyPatch(result.page, result.inverse)).toEqual(page);
  return result;
}

function rejects(page: PageAnnotation, op: EditOp, message: RegExp): void {
  let error: unknown;
  try {
    applyEdit(page, op);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(GalleyError);
  expect((error as GalleyError).code).toBe('BAD_INPUT');
  expect((error as GalleyError).message).toMatch(message);
  expect((error as GalleyError).message).not.toMatch(/\n/);
}

const line = (page: PageAnnotation, n: number, part?: number) => page.lines.find((l) => l.n === n && l.part === part)!;

describe('breaks', () => {
  it('setBreak and toggleBreak change one line, marked as the editor’s', () => {
    const page = small();
    const { page: after, patch } = edit(page, { op: 'toggleBreak', n: 3 });
    expect(line(after, 3)).toMatchObject({ brk: 'paragraph', why: { brk: EDITOR, label: { rule: 'test' } } });
    expect(patch).toEqual({ lines: [{ n: 3, parts: [line(after, 3)] }] });
    expect(line(edit(after, { op: 'setBreak', n: 3, kind: 'join' }).page, 3).brk).toBe('join');
  });

  it('joinLines joins every break inside the range but keeps the last line’s own', () => {
    const { page, patch } = edit(small(), { op: 'joinLines', from: 3, to: 5 });
    expect([3, 4, 5].map((n) => line(page, n).brk)).toEqual(['join', 'join', 'paragraph']);
    expect(patch.lines.map((g) => g.n)).toEqual([3, 4]);
  });

  it('refuses a blank line and a range without a break in it', () => {
    rejects(small(), { op: 'toggleBreak', n: 2 }, /line 2 is blank/);
    rejects(small(), { op: 'joinLines', from: 6, to: 8 }, /no line break/);
    rejects(small(), { op: 'joinLines', from: 11, to: 11 }, /all blank/);
    rejects(small(), { op: 'setBreak', n: 13, kind: 'join' }, /no line 13/);
    rejects(small(), { op: 'joinLines', from: 5, to: 3 }, /backwards/);
  });
});

describe('splitLine', () => {
  it('turns one line into two parts of the same source line, nothing else renumbered', () => {
    const page = small();
    const { page: after, patch, inverse } = edit(page, { op: 'splitLine', n: 4, at: 2 });
    expect(after.lines).toHaveLength(page.lines.length + 1);
    expect([line(after, 4, 1), line(after, 4, 2)].map((l) => [l.text, l.brk])).toEqual([
      ['州委', 'join'],
      ['部署。', 'paragraph'],
    ]);
    expect(line(after, 4, 1).why.brk).toEqual(EDITOR);
    expect(patch.lines).toHaveLength(1);
    expect(inverse.lines).toEqual([{ n: 4, parts: [line(page, 4)] }]);
    expect(after.lines.slice(5)).toEqual(page.lines.slice(4));
  });

  it('splits a part again, renumbering only the parts of that line', () => {
    const once = edit(small(), { op: 'splitLine', n: 3, at: 4 }).page;
    rejects(once, { op: 'toggleBreak', n: 3 }, /split into 2 parts/);
    const twice = edit(once, { op: 'splitLine', n: 3, part: 1, at: 2 }).page;
    expect(twice.lines.filter((l) => l.n === 3).map((l) => [l.part, l.text])).toEqual([
      [1, '本报'],
      [2, '讯（'],
      [3, '通讯员 李靖）根据'],
    ]);
  });

  it('refuses offsets at the edges, inside a character, or leaving a blank part', () => {
    rejects(small(), { op: 'splitLine', n: 4, at: 0 }, /inside its text/);
    rejects(small(), { op: 'splitLine', n: 4, at: 5 }, /inside its text/);
    rejects(small(), { op: 'splitLine', n: 2, at: 0 }, /blank/);
    const page = deepFreeze(pageOf(['a1:body 甲𠀋乙', 'a1:body 丙 ']));
    rejects(page, { op: 'splitLine', n: 1, at: 2 }, /inside a character/);
    rejects(page, { op: 'splitLine', n: 2, at: 1 }, /blank part/);
  });
});

describe('editLine', () => {
  it('changes the text and marks the line edited', () => {
    const { page } = edit(small(), { op: 'editLine', n: 4, text: '州委的部署。' });
    expect(line(page, 4)).toMatchObject({ text: '州委的部署。', edited: true, label: { article: 'a1' } });
  });

  it('an emptied line is blank; an article left without lines goes, and undo brings it back', () => {
    const page = small();
    const { page: after, patch, inverse } = edit(page, { op: 'editLine', n: 12, text: '' });
    expect(line(after, 12).label).toBeNull();
    expect(after.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    const emptied = edit(edit(after, { op: 'editLine', n: 9, text: ' ' }).page, { op: 'editLine', n: 10, text: '' });
    expect(emptied.page.articles.map((a) => a.id)).toEqual(['a1']);
    expect(emptied.inverse.articles?.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(patch.articles).toBeUndefined();
    expect(inverse.lines).toEqual([{ n: 12, parts: [line(page, 12)] }]);
  });

  it('refuses text on a blank line and a text with a line break', () => {
    rejects(small(), { op: 'editLine', n: 2, text: '新' }, /blank/);
    rejects(small(), { op: 'editLine', n: 3, text: '甲\n乙' }, /split the line/);
  });
});

describe('articles', () => {
  it('startArticle moves the line and the rest of its article into a new article after it', () => {
    const { page, patch } = edit(small(), { op: 'startArticle', n: 5 });
    expect(page.articles.map((a) => a.id)).toEqual(['a1', 'a3', 'a2']);
    expect([3, 4, 5, 7].map((n) => (line(page, n).label as { article: string }).article)).toEqual(['a1', 'a1', 'a3', 'a3']);
    expect(line(page, 7).label).toEqual({ kind: 'article', article: 'a3', role: 'headline' });
    expect(line(page, 5).why.label).toEqual(EDITOR);
    expect(patch.lines.map((g) => g.n)).toEqual([5, 7]);
    rejects(small(), { op: 'startArticle', n: 3 }, /already begins article a1/);
    rejects(small(), { op: 'startArticle', n: 1 }, /not part of an article/);
  });

  it('mergeArticle: the earlier article absorbs the later one', () => {
    const page = small();
    for (const op of [{ op: 'mergeArticle', article: 'a2', with: 'previous' }, { op: 'mergeArticle', article: 'a1', with: 'next' }] as const) {
      const { page: after, inverse } = edit(page, op);
      expect(after.articles.map((a) => a.id)).toEqual(['a1']);
      expect(new Set(after.lines.flatMap((l) => (l.label?.kind === 'article' ? [l.label.article] : [])))).toEqual(new Set(['a1']));
      expect(inverse.articles).toEqual(page.articles);
    }
    rejects(page, { op: 'mergeArticle', article: 'a1', with: 'previous' }, /no previous article/);
    rejects(page, { op: 'mergeArticle', article: 'a9', with: 'next' }, /no article a9/);
  });

  it('moveLines puts a headline printed after its body into that article, keeping its role', () => {
    const page = deepFreeze(pageOf(['a1:body 正文一。¶', '', 'a2:headline 标题一¶', '', 'a2:body 正文二。¶', '', 'a2:headline 标题二¶']));
    const { page: after } = edit(page, { op: 'moveLines', from: 2, to: 3, article: 'a1' });
    expect(line(after, 3).label).toEqual({ kind: 'article', article: 'a1', role: 'headline' });
    expect(line(after, 2).label).toBeNull();
    rejects(page, { op: 'moveLines', from: 1, to: 1, article: 'a7' }, /no article a7/);
  });

  it('moveLines to a new article places it after the article above the range', () => {
    const { page } = edit(small(), { op: 'moveLines', from: 9, to: 10, article: null });
    expect(page.articles.map((a) => a.id)).toEqual(['a1', 'a3', 'a2']);
    const top = edit(small(), { op: 'moveLines', from: 1, to: 1, article: null }).page;
    expect(top.articles.map((a) => a.id)).toEqual(['a3', 'a1', 'a2']);
    expect(line(top, 1).label).toEqual({ kind: 'article', article: 'a3', role: 'body' });
  });

  it('setRole and markFurniture label every non-blank line of the range', () => {
    const roles = edit(small(), { op: 'setRole', from: 6, to: 8, role: 'subheadline' }).page;
    expect(line(roles, 7).label).toEqual({ kind: 'article', article: 'a1', role: 'subheadline' });
    rejects(small(), { op: 'setRole', from: 1, to: 3, role: 'body' }, /line 1 is page furniture/);
    const { page } = edit(small(), { op: 'markFurniture', from: 9, to: 12, role: 'advert' });
    expect(page.articles.map((a) => a.id)).toEqual(['a1']);
    expect(line(page, 12).label).toEqual({ kind: 'furniture', role: 'advert' });
  });

  it('reorderArticles takes only a permutation', () => {
    const { patch } = edit(small(), { op: 'reorderArticles', order: ['a2', 'a1'] });
    expect(patch.articles?.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(patch.lines).toEqual([]);
    rejects(small(), { op: 'reorderArticles', order: ['a1', 'a1'] }, /exactly once/);
    rejects(small(), { op: 'reorderArticles', order: ['a1'] }, /exactly once/);
    rejects(small(), { op: 'reorderArticles', order: ['a1', 'a3'] }, /exactly once/);
  });

  it('setArticleMeta patches only that article’s metadata', () => {
    const { page, patch, inverse } = edit(small(), { op: 'setArticleMeta', article: 'a2', authors: ['李靖'], genre: 'feature' });
    expect(page.articles[1]).toEqual({ id: 'a2', genre: 'feature', authors: ['李靖'], flags: [], why: EDITOR });
    expect(patch.metas).toEqual([page.articles[1]]);
    expect(inverse.metas).toEqual([small().articles[1]]);
    rejects(small(), { op: 'setArticleMeta', article: 'a2' }, /nothing to change/);
  });
});

describe('ids', () => {
  it('a new article never takes an id in use, whatever ids the page has', () => {
    const page = deepFreeze(pageOf(['a7:body 甲', 'x:body 乙', 'a7:body 丙']));
    const { page: after } = edit(page, { op: 'startArticle', n: 3 });
    expect(after.articles.map((a) => a.id)).toEqual(['a7', 'a8', 'x']);
  });
});

describe('rerun', () => {
  /** The engine's view of `small()`: everything one article, every break a paragraph. */
  const proposal = (page: PageAnnotation): PageAnnotation => ({
    ...page,
    section: '时政凯里',
    articles: [{ id: 'a1', genre: 'notice', authors: ['王五'], flags: [] }],
    lines: page.lines.map((l) => ({ ...l, brk: 'paragraph', label: l.label && { kind: 'article', article: 'a1', role: 'body' }, why: { label: { rule: 'engine', confidence: 0.7 } } })),
  });

  it('takes the proposal for what no editor decided, keeps what one did', () => {
    const page = deepFreeze(edit(small(), { op: 'setRole', from: 12, to: 12, role: 'kicker' }).page);
    const { page: after, patch } = edit(page, { op: 'rerun', proposal: proposal(page) });
    expect(line(after, 12).label).toEqual({ kind: 'article', article: 'a2', role: 'kicker' });
    expect(line(after, 9).label).toEqual({ kind: 'article', article: 'a1', role: 'body' });
    expect(line(after, 1).label).toEqual({ kind: 'article', article: 'a1', role: 'body' });
    expect(line(after, 3)).toMatchObject({ brk: 'paragraph', why: { label: { rule: 'engine' } } });
    expect(after.articles).toEqual([{ id: 'a1', genre: 'notice', authors: ['王五'], flags: [] }, small().articles[1]]);
    expect(patch.page).toEqual({ section: '时政凯里', headlineOrder: 'after' });
  });

  it('keeps an article whose metadata an editor set, with its lines, and the editor’s metadata', () => {
    const page = deepFreeze(edit(small(), { op: 'setArticleMeta', article: 'a2', authors: ['李靖'] }).page);
    const { page: after } = edit(page, { op: 'rerun', proposal: proposal(page) });
    expect(after.articles.map((a) => [a.id, a.authors])).toEqual([['a1', ['王五']], ['a2', ['李靖']]]);
    expect(line(after, 9).label).toEqual({ kind: 'article', article: 'a2', role: 'body' });
  });

  it('refuses a proposal for other lines or naming an article it does not list', () => {
    const page = small();
    rejects(page, { op: 'rerun', proposal: { ...proposal(page), lines: proposal(page).lines.slice(1) } }, /11 lines, the page 12/);
    rejects(page, { op: 'rerun', proposal: { ...proposal(page), articles: [] } }, /unknown article a1/);
  });
});

describe('mergeArticle and genre', () => {
  const twoArticles = () => pageOf(['a1:headline 甲', 'a1:body 乙', 'a2:headline 丙', 'a2:caption 丁']);
  it('keeps the genre an editor gave either article', () => {
    const photo = applyEdit(twoArticles(), { op: 'setArticleMeta', article: 'a2', genre: 'photo' }).page;
    const merged = applyEdit(photo, { op: 'mergeArticle', article: 'a2', with: 'previous' }).page;
    expect(merged.articles.map((a) => [a.id, a.genre])).toEqual([['a1', 'photo']]);
    const letter = applyEdit(applyEdit(photo, { op: 'setArticleMeta', article: 'a1', genre: 'letter' }).page, { op: 'mergeArticle', article: 'a1', with: 'next' }).page;
    expect(letter.articles.map((a) => [a.id, a.genre])).toEqual([['a1', 'letter']]);
  });
});
