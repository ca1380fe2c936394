import { describe, expect, it } from 'vitest';
import { folderHintKey, formatSize, mimeType, utf8Size } from './export-files.js';

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

describe('the folder hint', () => {
  it('mentions index.md only for a set that has one', () => {
    expect(folderHintKey([{ name: 'index.md', content: '' }, { name: 'a1.md', content: '' }])).toBe('export.folderHintIndex');
    expect(folderHintKey([{ name: '01-a1.txt', content: '' }, { name: '01-a2.txt', content: '' }])).toBe('export.folderHint');
  });
});
