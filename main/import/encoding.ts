import iconv from 'iconv-lite';
import { GalleyError } from '../../app/errors.js';

/** A page larger than this is not a newspaper page but a mistake (a dump, a whole archive). */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;
/**
 * A page with more lines than this is refused at import: every step is linear, but an edit on a
 * page this long takes the better part of a second, and a file of bare newlines under the byte
 * limit would otherwise become tens of millions of lines (README, "Limits").
 */
export const MAX_PAGE_LINES = 200_000;

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface Decoded {
  /** The page text without BOM, line endings untouched. */
  text: string;
  encoding: Encoding;
  /** Something the editor should check: the text was imported, but not exactly as its bytes said. */
  warning?: string;
}

/**
 * Decodes a page file's bytes, or throws a GalleyError('BAD_INPUT') whose message is one line
 * saying what is wrong with the file. A BOM decides; otherwise strict UTF-8, then whichever of
 * GB18030 (a superset of GBK) and Big5 reads as Chinese.
 */
export function decodeBytes(buf: Uint8Array, fileName?: string): Decoded {
  const bad = (reason: string) => new GalleyError('BAD_INPUT', fileName ? `${fileName}: ${reason}` : reason);
  if (buf.length > MAX_PAGE_BYTES) throw bad(tooLarge(buf.length));
  const decoded = decodeBody(buf, bad);
  if (decoded.text.includes('\0')) throw bad(`contains NUL characters (at character ${decoded.text.indexOf('\0')}); not a text page`);
  if (decoded.text.trim() === '') throw bad(buf.length === 0 ? 'empty file' : 'empty page (only whitespace)');
  const lines = countLines(decoded.text);
  if (lines > MAX_PAGE_LINES) throw bad(tooManyLines(lines));
  return decoded;
}

export function tooManyLines(lines: number): string {
  return `page has ${lines.toLocaleString('en')} lines; a page may have at most ${MAX_PAGE_LINES.toLocaleString('en')} lines and ${megabytes(MAX_PAGE_BYTES)}`;
}

/** Lines as splitLines would count them (\n, \r\n or \r ends one), without making them. */
export function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) lines++;
    else if (c === 0x0d) {
      lines++;
      if (text.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  return lines;
}

export function tooLarge(bytes: number, limit = MAX_PAGE_BYTES): string {
  return `file is ${megabytes(bytes)}; a page may be at most ${megabytes(limit)}`;
}

function decodeBody(buf: Uint8Array, bad: (reason: string) => GalleyError): Decoded {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    const cut = truncatedUtf8(buf.subarray(3), 3);
    return cut ? { ...cut, encoding: 'utf-8-bom' } : { text: strictUtf8(buf.subarray(3), 3, bad), encoding: 'utf-8-bom' };
  }
  if (startsWith(buf, [0xff, 0xfe])) return { text: utf16(buf, 'utf-16le', bad), encoding: 'utf-16le' };
  if (startsWith(buf, [0xfe, 0xff])) return { text: utf16(buf, 'utf-16be', bad), encoding: 'utf-16be' };

  const binary = binaryKind(buf);
  if (binary) throw bad(`binary file (${binary}), not a text page`);
  const nul = buf.indexOf(0);
  if (nul >= 0) throw bad(`contains NUL bytes (first at byte ${nul}); not a text page (UTF-16 needs a BOM)`);

  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: either a Chinese legacy encoding or UTF-8 with damaged bytes, told apart below.
  }
  const cut = truncatedUtf8(buf, 0);
  if (cut) return { ...cut, encoding: 'utf-8' };
  if (mostlyUtf8(buf)) throw bad(`invalid UTF-8 (byte 0x${hex(buf[firstInvalidUtf8(buf)] ?? 0)} at offset ${firstInvalidUtf8(buf)})`);

  const candidates = (['gb18030', 'big5'] as const).map((encoding) => {
    const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.length), encoding);
    return { text, encoding, invalid: count(text, '\uFFFD'), common: commonCount(text) };
  });
  const [best] = candidates.sort((a, b) => a.invalid - b.invalid || b.common - a.common);
  if (!best || best.invalid > 0) {
    throw bad('invalid bytes: not valid UTF-8, GB18030 or Big5 text');
  }
  const utf8Run = utf8RunStart(buf);
  if (utf8Run < 0) return { text: best.text, encoding: best.encoding };
  const line = lineAtByte(buf, utf8Run);
  return {
    text: best.text, encoding: best.encoding,
    warning: `read as ${best.encoding.toUpperCase()}, but from line ${line} (byte ${utf8Run}) it looks like UTF-8: the file mixes two encodings, and that part may read as nonsense; check it, or save the file in one encoding and import it again`,
  };
}

/**
 * A page that is UTF-8 to its end but for its last character, cut short (a copy stopped early):
 * decoded with that character as U+FFFD and a warning. Null when the damage is anywhere else.
 */
function truncatedUtf8(body: Uint8Array, offset: number): Omit<Decoded, 'encoding'> | null {
  const at = firstInvalidUtf8(body);
  const tail = body.length - at;
  if (tail === 0 || tail > 3) return null;
  const lead = body[at]!;
  const want = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (want <= tail) return null;
  for (let k = at + 1; k < body.length; k++) if ((body[k]! & 0xc0) !== 0x80) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body.subarray(0, at));
  } catch {
    return null;
  }
  return {
    text: `${text}\uFFFD`,
    warning: `the file ends in the middle of a character (its last ${tail} byte${tail > 1 ? 's' : ''}, from offset ${at + offset}): imported with U+FFFD in its place`,
  };
}

/**
 * How many well-formed 3- and 4-byte UTF-8 sequences in a row make a stretch of a legacy-encoded
 * file UTF-8 (Chinese in UTF-8 is 3 bytes a character). Two-byte sequences do not count: many
 * GBK characters happen to be one.
 */
const UTF8_RUN = 6;

/** Where a stretch of UTF-8 (UTF8_RUN CJK-sized characters in a row, ASCII between them allowed) starts; -1 when there is none. */
function utf8RunStart(buf: Uint8Array): number {
  let run = 0;
  let start = -1;
  for (let i = 0; i < buf.length;) {
    const b = buf[i]!;
    if (b < 0x80) { i++; continue; }
    const len = utf8SequenceLength(buf, i);
    if (len < 3) {
      run = 0;
      i += Math.max(len, 1);
      continue;
    }
    if (run === 0) start = i;
    if (++run >= UTF8_RUN) return start;
    i += len;
  }
  return -1;
}

function lineAtByte(buf: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (buf[i] === 0x0a) line++;
  return line;
}

function strictUtf8(body: Uint8Array, offset: number, bad: (reason: string) => GalleyError): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    throw bad(`invalid UTF-8 after its BOM (byte 0x${hex(body[at] ?? 0)} at offset ${at + offset})`);
  }
}

function utf16(buf: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bad: (reason: string) => GalleyError): string {
  if (buf.length % 2 !== 0) throw bad(`invalid ${encoding.toUpperCase()}: odd number of bytes`);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    throw bad(`invalid ${encoding.toUpperCase()} (unpaired surrogate)`);
  }
}

const SIGNATURES: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF image', [0x4d, 0x4d, 0x00, 0x2a]],
  ['ZIP or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20]],
];

/** What kind of binary file this is, or null when it could be text. */
function binaryKind(buf: Uint8Array): string | null {
  for (const [kind, magic] of SIGNATURES) if (startsWith(buf, magic)) return kind;
  // Text pages have no C0 control bytes besides tab, line feeds, form feed and the odd DOS EOF.
  let controls = 0;
  const end = Math.min(buf.length, 64 * 1024);
  // An index loop: an iterator over a Uint8Array costs more than the rest of the import's decoding.
  for (let i = 0; i < end; i++) {
    const b = buf[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a && b !== 0) controls++;
  }
  return controls > end / 100 ? 'control bytes' : null;
}

/**
 * True when nearly every byte above ASCII sits in a well-formed UTF-8 sequence: then the file is
 * UTF-8 with a few damaged bytes, and decoding it as GB18030 would import silent mojibake.
 */
function mostlyUtf8(buf: Uint8Array): boolean {
  let high = 0;
  let inSequences = 0;
  for (let i = 0; i < buf.length;) {
    const b = buf[i]!;
    if (b < 0x80) { i++; continue; }
    const len = utf8SequenceLength(buf, i);
    if (len > 0) { high += len; inSequences += len; i += len; } else { high++; i++; }
  }
  return high > 0 && inSequences / high >= 0.9;
}

function firstInvalidUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length;) {
    if (buf[i]! < 0x80) { i++; continue; }
    const len = utf8SequenceLength(buf, i);
    if (len === 0) return i;
    i += len;
  }
  return buf.length;
}

/** Length of the well-formed UTF-8 sequence starting at i, 0 when there is none. */
function utf8SequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i]!;
  const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (len === 0 || i + len > buf.length) return 0;
  for (let k = 1; k < len; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return 0;
  const second = buf[i + 1]!;
  if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return 0;
  return len;
}

// The most frequent characters of Chinese newspaper text, simplified and traditional. Real text
// is full of them; bytes decoded with the wrong one of GB18030/Big5 yield rare characters instead.
const COMMON = new Set([
  ...'的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开但因只从想实日月报市县区省委员记者通讯工作发展建设会议党政府经济社会领导干部群众企业项目',
  ...'這個們來為國說時會對於著過發後裡種經麼學現當沒動還進樣實們報縣區員記者通訊發展設會議黨經濟會領導幹群眾業項',
]);

function commonCount(text: string): number {
  let n = 0;
  for (const ch of text) if (COMMON.has(ch)) n++;
  return n;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
