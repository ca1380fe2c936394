import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../app/engine/index.js';
import { GalleyError } from '../../app/errors.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { decodeBytes, MAX_PAGE_BYTES } from './encoding.js';

const page = readFileSync(KAILI_PAGE, 'utf8');
const TRADITIONAL = '本報訊（通訊員 李靖）根據州委關於巡察工作的統一部署，1月4日上午，州委第六巡察組專項巡察貴州爐碧經濟開發區黨工委\n'
  + '工作動員會議召開。會前，巡察組組長主持召開與凱里市委書記的見面溝通會，傳達了總書記關於巡察工作的重要講話精神。\n';

const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

function reason(buf: Uint8Array): string {
  try {
    decodeBytes(buf, 'p1.txt');
  } catch (err) {
    expect(err).toBeInstanceOf(GalleyError);
    expect((err as GalleyError).code).toBe('BAD_INPUT');
    const message = (err as GalleyError).message;
    expect(message).not.toContain('\n');
    expect(message.startsWith('p1.txt: ')).toBe(true);
    return message.slice('p1.txt: '.length);
  }
  throw new Error('expected the bytes to be refused');
}

describe('decodeBytes decodes', () => {
  it.each([
    ['UTF-8', bytes(page, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', bytes(`\uFEFF${page}`, 'utf8'), 'utf-8-bom'],
    ['UTF-16LE with BOM', bytes(`\uFEFF${page}`, 'utf-16le'), 'utf-16le'],
    ['UTF-16BE with BOM', bytes(`\uFEFF${page}`, 'utf-16be'), 'utf-16be'],
    ['GB18030', bytes(page, 'gb18030'), 'gb18030'],
    ['GBK (read as its superset GB18030)', bytes(page, 'gbk'), 'gb18030'],
  ])('%s', (_name, buf, encoding) => {
    expect(decodeBytes(buf)).toEqual({ text: page, encoding });
  });

  it('Big5 traditional Chinese', () => {
    expect(iconv.decode(Buffer.from(bytes(TRADITIONAL, 'big5')), 'big5')).toBe(TRADITIONAL); // the sample is all Big5
    expect(decodeBytes(bytes(TRADITIONAL, 'big5'))).toEqual({ text: TRADITIONAL, encoding: 'big5' });
  });

  it('a short GB18030 headline as well as a short Big5 one', () => {
    expect(decodeBytes(bytes('市委常委会召开会议\n', 'gb18030')).encoding).toBe('gb18030');
    expect(decodeBytes(bytes('市委常委會召開會議\n', 'big5')).encoding).toBe('big5');
  });

  it('CRLF, CR and mixed line endings, untouched, split into the same lines', () => {
    const lf = splitLines(page);
    for (const text of [page.replaceAll('\n', '\r\n'), page.replaceAll('\n', '\r'), 'a\r\nb\rc\nd']) {
      const decoded = decodeBytes(bytes(text, 'gb18030'));
      expect(decoded.text).toBe(text);
      if (text.length > 20) expect(splitLines(decoded.text)).toEqual(lf);
    }
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('decodeBytes refuses with one line', () => {
  it('an empty file and a page of whitespace', () => {
    expect(reason(new Uint8Array())).toBe('empty file');
    expect(reason(bytes(' \r\n\t\n', 'utf8'))).toBe('empty page (only whitespace)');
    expect(reason(bytes('\uFEFF', 'utf8'))).toBe('empty page (only whitespace)');
  });

  it('a binary file', () => {
    expect(reason(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('binary file (PNG image), not a text page');
    expect(reason(bytes('%PDF-1.7\n%âãÏÓ', 'latin1'))).toBe('binary file (PDF), not a text page');
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 31 + 1);
    expect(reason(noise)).toBe('binary file (control bytes), not a text page');
  });

  it('NUL bytes, and NUL characters in UTF-16', () => {
    expect(reason(bytes('本报讯\0通讯员', 'utf8'))).toBe('contains NUL bytes (first at byte 9); not a text page (UTF-16 needs a BOM)');
    expect(reason(bytes('ab', 'utf-16le'))).toMatch(/^contains NUL bytes/);
    expect(reason(bytes('\uFEFF本报\0讯', 'utf-16le'))).toBe('contains NUL characters (at character 2); not a text page');
  });

  it('UTF-8 with damaged bytes instead of guessing another encoding', () => {
    const good = bytes(page, 'utf8');
    const damaged = new Uint8Array([...good.subarray(0, 100), 0xff, ...good.subarray(100)]);
    expect(reason(damaged)).toBe('invalid UTF-8 (byte 0xFF at offset 100)');
    // (a character cut short at the very end is imported with a warning: encoding-warnings.test.ts)
    expect(reason(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0x61]))).toBe('invalid UTF-8 after its BOM (byte 0xC3 at offset 4)');
  });

  it('bytes that are no text in any supported encoding', () => {
    expect(reason(new Uint8Array([0x61, 0x80, 0x62, 0xff, 0x0a]))).toBe('invalid bytes: not valid UTF-8, GB18030 or Big5 text');
  });

  it('broken UTF-16', () => {
    expect(reason(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]))).toBe('invalid UTF-16LE: odd number of bytes');
    expect(reason(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x61, 0x00]))).toBe('invalid UTF-16LE (unpaired surrogate)');
  });

  it('a file over the size limit, naming its size', () => {
    expect(decodeBytes(new Uint8Array(MAX_PAGE_BYTES).fill(0x61)).encoding).toBe('utf-8');
    expect(reason(new Uint8Array(MAX_PAGE_BYTES + 1024 * 1024).fill(0x61))).toBe('file is 33.0 MB; a page may be at most 32.0 MB');
    expect(reason(new Uint8Array(100 * 1024 * 1024).fill(0x61))).toBe('file is 100.0 MB; a page may be at most 32.0 MB');
  });
});
