import { describe, expect, it } from 'vitest';
import { issueDocumentOf, TWO_PAGES } from '../../tests/support/issue-document.js';
import { toMarkdown } from './markdown.js';

describe('md', () => {
  const files = toMarkdown(issueDocumentOf(TWO_PAGES));
  const file = (prefix: string) => files.find((f) => f.name.startsWith(prefix))!.content;

  it('names files by the stable article id and a slug of the title, never an internal key or a cut-off opening', () => {
    expect(files.map((f) => f.name)).toEqual([
      'index.md',
      '凯里日报_2021-10-28_p01_01_确保凯里市创建全国文明城市.md',
      '凯里日报_2021-10-28_p01_02_秋思.md',
      '凯里日报_2021-10-28_p02_01.md',
    ]);
  });

  it('writes the stable id into the front matter and names an untitled article by it in the index', () => {
    expect(file('凯里日报_2021-10-28_p02_01')).toContain('id: "凯里日报/2021-10-28/p2/1"');
    expect(file('index.md')).toContain('[(凯里日报/2021-10-28/p2/1)](');
    expect(file('index.md')).not.toMatch(/\(a\d+\)/);
  });

  it('ends each line of a signature and of verse with a hard line break', () => {
    expect(file('凯里日报_2021-10-28_p01_01')).toContain('\n凯里市文明办\\\n2021年10月27日\n');
    expect(file('凯里日报_2021-10-28_p01_02')).toContain('\n枯藤老树昏鸦，\\\n小桥流水人家，\\\n古道西风瘦马。\n');
  });
});
