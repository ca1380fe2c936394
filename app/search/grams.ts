/**
 * The text the character index stores and the query it is asked: every CJK character becomes a
 * token of its own (FTS5's unicode61 tokenizer keeps a run of them as one word), other words stay
 * words. A phrase of single-character tokens is then a substring match, for one- and two-character
 * Chinese queries too, and spaces an OCR put between characters (`1 月 4 日`) do not matter.
 */

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK_CHAR = new RegExp(`[${CJK}]`, 'gu');
const IS_CJK = new RegExp(`[${CJK}]`, 'u');

export function gramText(text: string): string {
  return text.replace(CJK_CHAR, ' $& ');
}

/**
 * An FTS5 query matching `query` as a phrase; the last word is a prefix, so `news` finds
 * `newspaper`. Null when the query has no letters or digits to look for.
 */
export function gramQuery(query: string): string | null {
  const tokens = gramText(query.normalize('NFKC')).split(/[^\p{L}\p{N}\p{M}]+/u).filter((t) => t !== '');
  if (tokens.length === 0) return null;
  const last = tokens[tokens.length - 1]!;
  return `"${tokens.join(' ')}"${IS_CJK.test(last) ? '' : ' *'}`;
}

/** Text compared without spaces and case, to tell where a match that may run into the next line starts. */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
