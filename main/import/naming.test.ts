import { describe, expect, it } from 'vitest';
import { byPageOrder, dateFromName, pageOrderFromName, publicationFromFolder } from './naming.js';

describe('names', () => {
  it('give a date in the usual spellings, only when it is a real date', () => {
    expect(dateFromName('凯里日报_2021-01-06')).toBe('2021-01-06');
    expect(dateFromName('20210106_p01.txt')).toBe('2021-01-06');
    expect(dateFromName('scan 2021.01.06')).toBe('2021-01-06');
    expect(dateFromName('2021-13-06 and 20210230')).toBeNull();
    expect(dateFromName('2021-0106')).toBeNull();
    expect(dateFromName('000_274485b1067f232e.txt')).toBeNull();
  });

  it('give a page order from p01, page-2 or a leading number, not from a date', () => {
    expect(pageOrderFromName('p01.txt')).toBe(1);
    expect(pageOrderFromName('kl_page-12.txt')).toBe(12);
    expect(pageOrderFromName('20210106_pg_3.txt')).toBe(3);
    expect(pageOrderFromName('2021-01-06/004_x.txt')).toBe(4);
    expect(pageOrderFromName('20210106.txt')).toBeNull();
    expect(pageOrderFromName('front.txt')).toBeNull();
  });

  it('give a publication from a folder name without its date', () => {
    expect(publicationFromFolder('凯里日报_2021-01-06')).toBe('凯里日报');
    expect(publicationFromFolder('2021-01-06')).toBeNull();
  });

  it('sort pages by number, then the unnumbered ones naturally', () => {
    const files = ['b.txt', 'p10.txt', 'a2.txt', 'p2.txt', 'a10.txt'].map((file) => ({ file, order: pageOrderFromName(file) }));
    expect(byPageOrder(files).map((f) => f.file)).toEqual(['p2.txt', 'p10.txt', 'a2.txt', 'a10.txt', 'b.txt']);
  });
});
