import { describe, expect, it } from 'vitest';
import { fuzzyScore } from './fuzzy.js';

describe('fuzzyScore', () => {
  it('matches a subsequence and prefers consecutive word-start hits', () => {
    expect(fuzzyScore('mrg', 'Merge with previous article')).not.toBeNull();
    expect(fuzzyScore('xyz', 'Merge with previous article')).toBeNull();
    expect(fuzzyScore('join', 'Join lines')!).toBeGreaterThan(fuzzyScore('join', 'Toggle join / paragraph')!);
  });

  it('matches Chinese labels', () => {
    expect(fuzzyScore('合并', '与上一篇稿件合并')).not.toBeNull();
    expect(fuzzyScore('撤', '撤销')).not.toBeNull();
  });
});
