import { describe, expect, it } from 'vitest';
import { resolveRelativeDate } from './dates.js';
import { emptyMetadata } from './model.js';
import { applyMetadataPatch } from './patch.js';

describe('resolveRelativeDate', () => {
  it.each([
    ['1 月 4 日', '2021-01-06', '2021-01-04'],
    ['1月4日上午', '2021-01-06', '2021-01-04'],
    ['12月31日', '2021-01-06', '2020-12-31'],
    ['2020年12月31日', '2021-01-06', '2020-12-31'],
    ['4日', '2021-01-06', '2021-01-04'],
    ['30日', '2021-01-06', '2020-12-30'],
    ['昨天', '2021-01-06', '2021-01-05'],
    ['前天下午', '2021-03-01', '2021-02-27'],
    ['今日', '2021-01-06', '2021-01-06'],
    ['Jan. 4', '2021-01-06', '2021-01-04'],
    ['December 31', '2021-01-06', '2020-12-31'],
    ['4 January 2020', '2021-01-06', '2020-01-04'],
    ['yesterday', '2020-03-01', '2020-02-29'],
    ['１月４日', '2021-01-06', '2021-01-04'],
  ])('%s in an issue of %s is %s', (text, issue, expected) => {
    expect(resolveRelativeDate(text, issue)).toBe(expected);
  });

  it('says null when there is no date or it cannot exist', () => {
    expect(resolveRelativeDate('市委常委会召开会议', '2021-01-06')).toBeNull();
    expect(resolveRelativeDate('2月30日', '2021-01-06')).toBeNull();
    expect(resolveRelativeDate('1月4日', 'not a date')).toBeNull();
  });
});

describe('a typed date', () => {
  it('takes 10月28日 against the issue date, and a date with its year without one', () => {
    expect(applyMetadataPatch(emptyMetadata(), { date: '10月28日' }, { paragraphs: [], issueDate: '2021-10-28' }).date).toBe('2021-10-28');
    expect(applyMetadataPatch(emptyMetadata(), { date: '2021年10月28日' }, { paragraphs: [], issueDate: null }).date).toBe('2021-10-28');
  });

  it('is refused without an issue date with a message that offers only forms it takes', () => {
    const refusal = () => applyMetadataPatch(emptyMetadata(), { date: '10月28日' }, { paragraphs: [], issueDate: null });
    expect(refusal).toThrow(/issue has no date/);
    let offered = '';
    try {
      refusal();
    } catch (err) {
      offered = (err as Error).message.replace('"10月28日"', '');
    }
    expect(offered).not.toMatch(/月\d+日|月 \d+ 日|昨天/);
  });
});
