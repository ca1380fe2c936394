import { describe, expect, it } from 'vitest';
import { issueDocumentOf, TWO_PAGES } from '../../tests/support/issue-document.js';
import { titleSlug } from './files.js';
import { toText } from './text.js';

describe('txt', () => {
  it('names files as md does: stable id and title slug', () => {
    expect(toText(issueDocumentOf(TWO_PAGES)).map((f) => f.name)).toEqual([
      '凯里日报_2021-10-28_p01_01_确保凯里市创建全国文明城市.txt',
      '凯里日报_2021-10-28_p01_02_秋思.txt',
      '凯里日报_2021-10-28_p02_01.txt',
    ]);
  });

  it('names an undated issue\'s files as undated', () => {
    expect(toText(issueDocumentOf(TWO_PAGES, { date: null }))[0]!.name).toBe('凯里日报_undated_p01_01_确保凯里市创建全国文明城市.txt');
  });
});

describe('titleSlug', () => {
  it('joins words with -, drops punctuation, and stops at 40 characters', () => {
    expect(titleSlug('Council: "New Bridge" Opens!')).toBe('Council-New-Bridge-Opens');
    expect(titleSlug('2021年 凯里市——创建全国文明城市')).toBe('2021年-凯里市-创建全国文明城市');
    expect([...titleSlug('很'.repeat(60))]).toHaveLength(40);
    expect(titleSlug('“”')).toBe('');
  });
});
