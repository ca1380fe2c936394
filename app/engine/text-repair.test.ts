import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVocabulary, decideHyphen, hyphenLookups } from './hyphenation.js';
import { en } from './profiles/en.js';
import { zh } from './profiles/zh.js';
import { repairText } from './text-repair.js';

const prose = (...lines: string[]) => repairText(lines, { mode: 'prose' });

describe('text repair', () => {
  it('drops whitespace between CJK characters, punctuation and digits', () => {
    expect(prose('1 月 4 日上午')).toBe('1月4日上午');
    expect(prose('占年任务 45000 万 元 的 113.25% ，同 比 增 长')).toBe('占年任务45000万元的113.25%，同比增长');
    expect(prose('进 党 建 、营 商 环 境')).toBe('进党建、营商环境');
  });

  it('joins CJK lines with nothing and Latin lines with one space', () => {
    expect(prose('根据州委关于巡', '察工作的统一部署')).toBe('根据州委关于巡察工作的统一部署');
    expect(prose('The Senate passed a', 'stopgap bill')).toBe('The Senate passed a stopgap bill');
    expect(prose('完成住房公积金贷款 41998.6', '万元')).toBe('完成住房公积金贷款41998.6万元');
  });

  it('rejoins a word hyphenated at a line end unless the hyphen is real', () => {
    expect(prose('the local news-', 'paper said')).toBe('the local newspaper said');
    expect(prose('a well-', 'known dispute')).toBe('a well-known dispute');
    expect(prose('through mid-', 'February')).toBe('through mid-February');
    expect(prose('a 21-', 'year-old')).toBe('a 21-year-old');
  });

  it('decides a hyphen from the page vocabulary first', () => {
    const vocab = buildVocabulary(['She sent an e-mail to the co-op.', 'The cooperative met.']);
    expect(decideHyphen('the co', 'op board', vocab)).toEqual({ choice: 'keep', rule: 'hyphen-vocabulary' });
    expect(decideHyphen('the co', 'operative', vocab)).toEqual({ choice: 'drop', rule: 'hyphen-vocabulary' });
    expect(decideHyphen('the gov', 'ernment', vocab).choice).toBe('drop');
  });

  it('builds the vocabulary for given lookups as the whole vocabulary would answer them', () => {
    const piece = fc.constantFrom('co', 'Op', '-', ' ', 'İ', 'i̇', 'Éclair', 'éclair', 'K', 'ΣΑ', 'ß', '\u0130nce', 'ince', 'e-mail', 'mail', '1', 'Ⱥ', 'ⱥ');
    const line = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(fc.tuple(line, line), { maxLength: 4 }), (lines, hyphens) => {
        const whole = buildVocabulary(lines);
        const lookups = new Set([...hyphens.flatMap(([l, r]) => hyphenLookups(l, r)), ...whole]);
        const some = buildVocabulary(lines, lookups);
        for (const w of lookups) expect(some.has(w)).toBe(whole.has(w));
        for (const [l, r] of hyphens) expect(decideHyphen(l, r, some)).toEqual(decideHyphen(l, r, whole));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the separation of names in a dateline and a byline', () => {
    expect(prose('本报讯（通讯员 李靖 蒋昌州）近日，')).toBe('本报讯（通讯员 李靖 蒋昌州）近日，');
    expect(repairText(['○ 贵州日报天眼新闻记者  靖晓燕 王远柏'], { mode: 'names' })).toBe('○ 贵州日报天眼新闻记者 靖晓燕 王远柏');
  });

  it('reads a name broken over two lines as one name, two names as two', () => {
    expect(prose('本报讯（通讯员 李靖 蒋昌', '州）近日，')).toBe('本报讯（通讯员 李靖 蒋昌州）近日，');
    expect(prose('本报讯（通讯员 杨', '骥）近日，')).toBe('本报讯（通讯员 杨骥）近日，');
    expect(prose('本报讯（通讯员 李靖', '蒋昌州）近日，')).toBe('本报讯（通讯员 李靖 蒋昌州）近日，');
    expect(repairText(['○ 本报记者 田野 通讯员 杨', '仁海'], { mode: 'names' })).toBe('○ 本报记者 田野 通讯员 杨仁海');
  });

  it('keeps a headline\'s deliberate spaces', () => {
    expect(repairText(['抢抓机遇 乘势而上'], { mode: 'headline' })).toBe('抢抓机遇 乘势而上');
  });

  it('drops from a headline the extraction spaces between digits and CJK that the body drops', () => {
    expect(repairText(['2021 年凯里市创建全国', '文明城市'], { mode: 'headline' })).toBe('2021年凯里市创建全国文明城市');
    expect(repairText(['凯里市去年完成归集 50960 万元'], { mode: 'headline' })).toBe('凯里市去年完成归集50960万元');
    expect(repairText(['2021 年凯里市'], { mode: 'prose' })).toBe('2021年凯里市');
    expect(repairText(['Page 4 continued'], { mode: 'headline' })).toBe('Page 4 continued');
  });
});

describe('authors', () => {
  it('takes names only, without role words', () => {
    expect(zh.authors('本报讯（通讯员 李靖 蒋昌州）近日')).toEqual(['李靖', '蒋昌州']);
    expect(zh.authors('○ 贵州日报天眼新闻记者 靖晓燕 王远柏 通讯员 杨仁海')).toEqual(['靖晓燕', '王远柏', '杨仁海']);
    expect(zh.authors('本报讯（记者 张婷 通讯员 文玉光）')).toEqual(['张婷', '文玉光']);
    expect(zh.authors('本报记者 王明 李华')).toEqual(['王明', '李华']);
    expect(zh.authors('（记者 杨帆 摄）')).toEqual(['杨帆']);
    expect(en.authors('By Mary Johnson and David Lee, Associated Press')).toEqual(['Mary Johnson', 'David Lee']);
    expect(en.authors('WASHINGTON, Jan. 1 —')).toEqual([]);
  });
});

/** The fastest of three runs, in ms: a ratio of two such figures says how cost grows, whatever the machine's load. */
function fastest(work: () => void): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    work();
    best = Math.min(best, performance.now() - t);
  }
  return Math.max(best, 0.5);
}

describe('text repair on growing input', () => {
  // linear work grows 8× for 8× the lines; the quadratic join this replaced grew some 60–200×
  const GROWTH_BOUND = 30;
  const cases: [string, (n: number) => string[]][] = [
    ['Latin lines hyphenated at every end', (n) => Array.from({ length: n }, (_, i) => (i % 2 ? 'news-' : 'paper'))],
    ['short CJK lines', (n) => Array.from({ length: n }, () => '中文字')],
    ['a name list', (n) => Array.from({ length: n }, () => '本报记者 王明')],
    ['one character and blank lines', (n) => ['x', ...Array.from({ length: n }, () => '')]],
  ];
  for (const [name, make] of cases) {
    it(`stays linear: ${name}`, () => {
      const small = make(16000);
      const large = make(128000);
      // warmed up on both sizes: the first calls measure the compiler, not the join
      repairText(small, { mode: 'prose' });
      repairText(large, { mode: 'prose' });
      const ratio = fastest(() => repairText(large, { mode: 'prose' })) / fastest(() => repairText(small, { mode: 'prose' }));
      expect(ratio).toBeLessThan(GROWTH_BOUND);
    });
  }

  it('loses no visible character but dropped line-end hyphens', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('news-', 'paper', '中文', '本报讯（记者 王', '明）', '', '  ', 'a-', 'B'), { maxLength: 40 }), (lines) => {
        // cutting the input anywhere and repairing never loses a visible character
        const out = repairText(lines, { mode: 'prose' }).replace(/\s/g, '');
        const src = lines.join('').replace(/\s/g, '');
        expect(src.length - out.length).toBeGreaterThanOrEqual(0);
        expect(src.replace(/-/g, '')).toBe(out.replace(/-/g, ''));
      }),
    );
  });
});
