import { describe, expect, it } from 'vitest';
import { importFiles } from './import.js';
import { MAX_PAGE_LINES } from './encoding.js';
import { getPage, type Library } from '../library/library.js';
import { tempLibraryPerTest } from '../../tests/support/temp-library.js';

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});

describe('a page too large to edit', () => {
  it('is refused at import with its line count and the limits, without splitting it into lines', async () => {
    // 'x' and 31 million newlines: under the byte limit, and once an out-of-memory abort
    const bytes = new Uint8Array(31_000_001).fill(0x0a);
    bytes[0] = 0x78;
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const report = await importFiles(lib.db, [{ name: 'newlines.txt', bytes }], { publication: 'P' });
    expect(report.files[0]?.pageId).toBeNull();
    expect(report.files[0]?.error).toBe('page has 31,000,001 lines; a page may have at most 200,000 lines and 32.0 MB');
    expect(performance.now() - started).toBeLessThan(10_000);
    // the text (31 MB as UTF-16 at most 62 MB) may be made, its 31 million lines may not (~1.5 GB)
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(300 * 1024 * 1024);
  }, 30_000);

  it('is imported at the limit exactly, with \\r\\n counted as one line end', async () => {
    // bare lines: the engine's work is not what is tested here
    const text = Array.from({ length: MAX_PAGE_LINES }, (_, i) => `l${i % 10}`).join('\r\n');
    const report = await importFiles(lib.db, [{ name: 'long.txt', bytes: Buffer.from(text) }], { publication: 'P' });
    expect(report.files[0]?.error).toBeNull();
    expect(getPage(lib.db, report.files[0]!.pageId!).annotation.lines).toHaveLength(MAX_PAGE_LINES);
    const over = await importFiles(lib.db, [{ name: 'over.txt', bytes: Buffer.from(`${text}\r\nmore`) }], { publication: 'P' });
    expect(over.files[0]?.error).toBe('page has 200,001 lines; a page may have at most 200,000 lines and 32.0 MB');
  }, 60_000);
});
