import { describe, expect, it } from 'vitest';
import { highlightRuns } from './search-highlight.js';

const marked = (text: string, q: string) => highlightRuns(text, q).filter((r) => r.match).map((r) => r.text);

describe('search result highlighting', () => {
  it('marks every one- and two-character Chinese match', () => {
    expect(marked('凯里市委凯里', '凯')).toEqual(['凯', '凯']);
    expect(marked('确保凯里市“十四五”', '凯里')).toEqual(['凯里']);
    expect(highlightRuns('确保凯里市', '凯里').map((r) => r.text).join('')).toBe('确保凯里市');
  });

  it('lets spaces an OCR put between characters through, and ignores case', () => {
    expect(marked('本报讯 1 月 4 日，', '1月4日')).toEqual(['1 月 4 日']);
    expect(marked('Galley news', 'NEWS')).toEqual(['news']);
  });

  it('marks the head of a match that runs on into the next line', () => {
    expect(highlightRuns('根据州委关于巡', '巡察')).toEqual([{ text: '根据州委关于', match: false }, { text: '巡', match: true }]);
    expect(marked('会议召开', '巡察')).toEqual([]);
  });

  it('takes the query literally, regular-expression characters too', () => {
    expect(marked('a (b) c', '(b)')).toEqual(['(b)']);
    expect(highlightRuns('abc', '  ')).toEqual([{ text: 'abc', match: false }]);
  });
});
