import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { formatSize, mimeType, utf8Size, zipExport } from './export-files.js';

describe('export files handed to the browser', () => {
  it('are typed by extension, always as UTF-8', () => {
    expect(mimeType('凯里日报_2021-01-06_1.tei.xml')).toBe('application/xml;charset=utf-8');
    expect(mimeType('x.CSV')).toBe('text/csv;charset=utf-8');
    expect(mimeType('01-a1-标题.md')).toBe('text/markdown;charset=utf-8');
    expect(mimeType('noext')).toBe('text/plain;charset=utf-8');
  });

  it('are sized as the UTF-8 bytes written, the CSV byte order mark included', () => {
    expect(utf8Size('\uFEFFa,b')).toBe(6);
    expect(utf8Size('凯里')).toBe(6);
    expect(formatSize(6)).toBe('6 B');
    expect(formatSize(2048)).toBe('2.0 KB');
  });
});

describe('a multi-file export', () => {
  it('is one zip holding the folder, every file in it as the UTF-8 it was', () => {
    const zip = zipExport({ folder: '凯里日报_2021-10-28_1', files: [{ name: 'index.md', content: '# 凯里日报' }, { name: 'b.csv', content: '\uFEFFa' }] });
    const inside = unzipSync(zip);
    expect(Object.keys(inside)).toEqual(['凯里日报_2021-10-28_1/index.md', '凯里日报_2021-10-28_1/b.csv']);
    expect(strFromU8(inside['凯里日报_2021-10-28_1/index.md']!)).toBe('# 凯里日报');
    expect([...inside['凯里日报_2021-10-28_1/b.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
