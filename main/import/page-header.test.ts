import { describe, expect, it } from 'vitest';
import { proposePage } from '../../app/engine/index.js';
import { headerFacts as factsOf } from './page-header.js';

const headerFacts = (lines: string[]) => factsOf(proposePage(lines));

describe('a page header', () => {
  it('gives the issue date, the page and the paper', () => {
    expect(headerFacts(['2021年10月28日 星期四', '第2版', '凯里日报', '', '本报讯（记者 张三）2020年1月1日，正文。'])).toEqual({ date: '2021-10-28', page: 2, publication: '凯里日报' });
    expect(headerFacts(['凯里日报 2021 年 10 月 28 日 第十二版 时政'])).toEqual({ date: '2021-10-28', page: 12, publication: '凯里日报' });
  });

  it('says nothing it does not print, and ignores dates inside articles', () => {
    const body = Array.from({ length: 20 }, (_, i) => `第${i}段正文，2019年3月${i + 1}日开会。凯里日报社记者报道了此事并作了长篇的说明。`);
    expect(headerFacts([' 时政凯里', '', ...body])).toEqual({ date: null, page: null, publication: null });
  });
});
