// Character classes measured by code unit, so every per-line pass stays a plain loop (no regex).
// Hot loops read the class table through a module-local alias: one array load per character.

/** Ideographs, kana, hangul, CJK punctuation and full-width forms: glyphs set on a square em. */
export function isCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xd800 && c <= 0xdbff) // high surrogate: supplementary ideographs
  );
}

/** CJK punctuation that typesetters squeeze to half an em in justified lines. */
export function isCjkPunct(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || c === 0xff5e;
}

/** Curly quotes and the ellipsis: shared by CJK and Latin text, so they side with their neighbours. */
export function isSharedPunct(c: number): boolean {
  return (c >= 0x2018 && c <= 0x201f) || c === 0x2026 || c === 0x2014 || c === 0x00b7;
}

/** Exactly the whitespace of JavaScript's trim() and \s, so "blank" means the same everywhere. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x0b || c === 0x0c || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff || c === 0x0a || c === 0x0d;
}

export function isLatinLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function isLower(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const CLOSERS = new Set([0x201d, 0x2019, 0x22, 0x27, 0x29, 0xff09, 0x300d, 0x300f, 0x3011, 0x300b, 0x5d]);
const FINALS = new Set([0x3002, 0xff01, 0xff1f, 0x21, 0x3f, 0x2e, 0x2026, 0xff1b, 0x3b, 0xff1a, 0x3a]);

/** Whether text ends a sentence: final punctuation, possibly inside closing quotes or brackets. */
export function endsSentence(t: string): boolean {
  let i = t.length - 1;
  while (i >= 0 && CHAR_CLASS[t.charCodeAt(i)]! & C_CLOSER) i--;
  return i >= 0 && (CHAR_CLASS[t.charCodeAt(i)]! & C_FINAL) !== 0;
}

/** Whether the last visible character is an exclamation or question mark (allowed in headlines). */
export function endsExclaim(t: string): boolean {
  let i = t.length - 1;
  while (i >= 0 && CHAR_CLASS[t.charCodeAt(i)]! & C_CLOSER) i--;
  const c = t.charCodeAt(i);
  return c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** Whether a sentence-ending mark occurs before the end (headlines are one phrase, bodies are not). */
export function hasInnerStop(t: string): boolean {
  for (let i = 0; i < t.length - 1; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3002) return true;
    if ((c === 0x2e || c === 0x21 || c === 0x3f) && t.charCodeAt(i + 1) === 0x20 && i > 2) {
      // an abbreviation such as "Jan." or "U.S." is not a stop: require a lower-case letter before it
      if (isLower(t.charCodeAt(i - 1)) && isLower(t.charCodeAt(i - 2)) && isLower(t.charCodeAt(i - 3))) return true;
    }
  }
  return false;
}

const C_CJK = 1;
const C_CJK_PUNCT = 2;
const C_SHARED = 4;
const C_SPACE = 8;
const C_LATIN = 16;
const C_DIGIT = 32;
const C_CLOSER = 64;
const C_FINAL = 128;

/** The bits of CHAR_CLASS. */
export const CHAR_BITS = { C_CJK, C_CJK_PUNCT, C_SHARED, C_SPACE, C_LATIN, C_DIGIT, C_CLOSER, C_FINAL } as const;

/** The class bits of every UTF-16 code unit. */
export const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    t[c] = (isCjk(c) ? C_CJK : 0) | (isCjkPunct(c) ? C_CJK_PUNCT : 0) | (isSharedPunct(c) ? C_SHARED : 0) | (isSpace(c) ? C_SPACE : 0) | (isLatinLetter(c) ? C_LATIN : 0) | (isDigit(c) ? C_DIGIT : 0) | (CLOSERS.has(c) ? C_CLOSER : 0) | (FINALS.has(c) ? C_FINAL : 0);
  }
  return t;
})();
