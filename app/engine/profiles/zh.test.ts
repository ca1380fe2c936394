import { describe, expect, it } from 'vitest';
import { zh } from './zh.js';

describe('zh byline cue', () => {
  it('takes a marked line of names and roles as a byline', () => {
    for (const t of ['○ 贵州日报天眼新闻记者 靖晓燕', '■ 张三 文', '▲ 文/李华', '◆ 王明 摄影', '★ 本报记者 王明', '本报记者 王明 李华', '（丹翁）']) expect([t, zh.byline.test(t)]).toEqual([t, true]);
  });

  it('does not take an item opened by a mark as a byline because 文 or 图 is among its words', () => {
    // 晶報 opens short items with ▲: 文玉 is a name, 英文 a word, neither says who wrote it
    for (const t of ['▲淸和沿的文玉、是個常州小孩子', '▲會樂里金湘娥、是固深通英文的', '▲地图上的新城']) expect([t, zh.byline.test(t)]).toEqual([t, false]);
  });
});
