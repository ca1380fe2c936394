import { describe, expect, it } from 'vitest';
import { describeEdit } from './describe.js';

describe('describeEdit', () => {
  it('names the line, range, article and role an edit named', () => {
    expect(describeEdit('editLine', { op: 'editLine', n: 12, text: 'x' })).toEqual({ op: 'editLine', lines: '12', article: null, value: null });
    expect(describeEdit('editLine', { op: 'editLine', n: 12, part: 2, text: 'x' }).lines).toBe('12b');
    expect(describeEdit('setRole', { op: 'setRole', from: 3, to: 5, role: 'headline' })).toEqual({ op: 'setRole', lines: '3–5', article: null, value: 'headline' });
    expect(describeEdit('setRole', { op: 'setRole', from: 4, to: 4, role: 'byline' }).lines).toBe('4');
    expect(describeEdit('setBreak', { op: 'setBreak', n: 7, kind: 'paragraph' }).value).toBe('paragraph');
    expect(describeEdit('mergeArticle', { op: 'mergeArticle', article: 'a3', with: 'previous' })).toEqual({ op: 'mergeArticle', lines: null, article: 'a3', value: null });
  });

  it('describes a re-run, whose journal row keeps only its name, and a row with no params', () => {
    expect(describeEdit('rerun', { op: 'rerun' })).toEqual({ op: 'rerun', lines: null, article: null, value: null });
    expect(describeEdit('toggleBreak', null)).toEqual({ op: 'toggleBreak', lines: null, article: null, value: null });
  });
});
