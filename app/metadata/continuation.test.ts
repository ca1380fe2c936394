import { describe, expect, it } from 'vitest';
import { type ContinuationCandidate, findContinuation, pageNumberOf, proposeContinuation, withoutContinuations } from './continuation.js';

describe('continuation markers', () => {
  it.each([
    ['转第2版', 'to', 2],
    ['（转第二版）', 'to', 2],
    ['记者来到了项目现场。（下转第3版）', 'to', 3],
    ['(下转第十二版)', 'to', 12],
    ['上接第1版', 'from', 1],
    ['（上接第一版）', 'from', 1],
    ['（接第1版）全市共有', 'from', 1],
    ['Continued on Page 4', 'to', 4],
    ['the council said. (Continued on page 12)', 'to', 12],
    ['Continued from Page 1', 'from', 1],
    ["Cont'd from p. 3", 'from', 3],
    ['See BUDGET, Page 4', 'to', 4],
  ] as const)('%s says %s page %i', (text, direction, page) => {
    expect(findContinuation(text)).toMatchObject({ direction, page });
  });

  it.each([
    '第2版',
    '本报第2版刊登了全文。',
    '会议转达了州委的要求，接第二批名单。',
    '转发第2号文件',
    'see page 4 of the report',
    'The story continued on Friday.',
    'Page 4',
    '接第2版的通知后',
  ])('%s is no marker', (text) => {
    expect(findContinuation(text)).toBeNull();
  });

  it('reads page numbers as printed', () => {
    expect([pageNumberOf('2'), pageNumberOf('２'), pageNumberOf('二'), pageNumberOf('十'), pageNumberOf('十二'), pageNumberOf('二十'), pageNumberOf('二十三')])
      .toEqual([2, 2, 2, 10, 12, 20, 23]);
    expect(pageNumberOf('二二二')).toBeNull();
  });

  it('cuts the marker from its paragraph and drops a paragraph that was only the marker', () => {
    expect(withoutContinuations(['全市共完成投资12亿元。（转第2版）', '（上接第1版）', '会议要求，各级各部门要提高认识。', 'Continued on Page 4']))
      .toEqual(['全市共完成投资12亿元。', '会议要求，各级各部门要提高认识。']);
  });
});

describe('proposing a continuation', () => {
  const part = (page: number, article: string, title: string | null, ...paragraphs: string[]): ContinuationCandidate => ({ page, article, title, paragraphs });

  it('pairs 转第2版 on page 1 with 上接第1版 on page 2, from either side', () => {
    const first = part(1, 'a2', '我市加快推进工业园区建设', '本报讯 今年以来，我市工业园区建设提速。（转第2版）');
    const rest = part(2, 'a1', null, '（上接第1版）园区新签约项目12个。');
    const other = part(2, 'a2', '秋收正忙', '田间地头一片繁忙。');
    const link = { from: { page: 1, article: 'a2' }, to: { page: 2, article: 'a1' } };
    expect(proposeContinuation(first, [rest, other])).toEqual(link);
    expect(proposeContinuation(rest, [first, other])).toEqual(link);
  });

  it('tells two continuations on one page apart by their words', () => {
    const roads = part(1, 'a1', '农村公路建设提速', '全市新建农村公路120公里，通组路实现全覆盖。（转第2版）');
    const schools = part(1, 'a3', '新学期学校开学', '全市中小学校新学期开学，学生安全返校。（转第2版）');
    const p2 = [
      part(2, 'a1', null, '（上接第1版）学校开学前完成了校舍安全检查，学生返校秩序良好。'),
      part(2, 'a2', null, '（上接第1版）农村公路养护同步推进，公路通组率达到百分之百。'),
    ];
    expect(proposeContinuation(roads, [...p2, schools])?.to).toEqual({ page: 2, article: 'a2' });
    expect(proposeContinuation(schools, [...p2, roads])?.to).toEqual({ page: 2, article: 'a1' });
  });

  it('proposes nothing without a marker back on the page named', () => {
    const first = part(1, 'a1', 'Budget passes', 'The council voted late. Continued on Page 4');
    expect(proposeContinuation(first, [part(4, 'a1', 'Other', 'Nothing here.'), part(3, 'a1', null, 'Continued from Page 1')])).toBeNull();
    expect(proposeContinuation(first, [part(4, 'a2', null, 'Continued from Page 1')])).toEqual({ from: { page: 1, article: 'a1' }, to: { page: 4, article: 'a2' } });
  });
});
