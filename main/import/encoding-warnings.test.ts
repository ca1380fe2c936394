import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { tempLibraryPerTest } from '../../tests/support/temp-library.js';
import { type Library } from '../library/library.js';
import { decodeBytes } from './encoding.js';
import { importFiles } from './import.js';

const page = readFileSync(KAILI_PAGE, 'utf8');
let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});

describe('a page imported with a warning', () => {
  it('UTF-8 cut short inside its last character: the broken bytes become U+FFFD', async () => {
    const whole = Buffer.from(page.trimEnd(), 'utf8');
    const cut = whole.subarray(0, whole.length - 1); // the last character is 3 bytes; 2 remain
    expect(decodeBytes(cut)).toEqual({
      text: `${page.trimEnd().slice(0, -1)}\uFFFD`, encoding: 'utf-8',
      warning: `the file ends in the middle of a character (its last 2 bytes, from offset ${whole.length - 3}): imported with U+FFFD in its place`,
    });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cut]);
    expect(decodeBytes(withBom)).toMatchObject({ encoding: 'utf-8-bom', warning: expect.stringMatching(/^the file ends in the middle of a character/) });
    const report = await importFiles(lib.db, [{ name: 'cut.txt', bytes: cut }], { publication: 'P' });
    expect(report.files[0]).toMatchObject({ error: null, warning: expect.stringMatching(/^the file ends in the middle of a character/) });
    // damage anywhere else is still refused whole
    expect(() => decodeBytes(Buffer.concat([cut.subarray(0, 100), Buffer.from([0xff]), cut.subarray(100)]))).toThrow('invalid UTF-8 (byte 0xFF at offset 100)');
  });

  it('GB18030 with a UTF-8 tail: read as GB18030, the line where UTF-8 starts named', () => {
    const lines = page.split('\n');
    const gbk = iconv.encode(`${lines.slice(0, 20).join('\n')}\n`, 'gb18030');
    // lines whose UTF-8 bytes happen to be valid GB18030 too: read that way they are silent nonsense
    const tail = [7, 8, 9, 12, 13].map((i) => lines[i]).join('\n');
    const mixed = Buffer.concat([gbk, Buffer.from(tail, 'utf8')]);
    const decoded = decodeBytes(mixed);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.warning).toMatch(/^read as GB18030, but from line 21 \(byte \d+\) it looks like UTF-8: the file mixes two encodings/);
  });

  it('and none for a page in one encoding', () => {
    expect(decodeBytes(iconv.encode(page, 'gb18030')).warning).toBeUndefined();
    expect(decodeBytes(iconv.encode(page, 'big5')).warning).toBeUndefined();
    expect(decodeBytes(Buffer.from(page)).warning).toBeUndefined();
  });
});
