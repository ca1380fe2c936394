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

/** The words of `text` as the character index tokenises them: one per CJK character, other words whole. */
function words(text: string): string[] {
  return gramText(text.normalize('NFKC')).split(/[^\p{L}\p{N}\p{M}]+/u).filter((t) => t !== '');
}

/** A phrase of `tokens`; the last is a prefix unless it is a CJK character. */
function phrase(tokens: readonly string[]): string {
  const last = tokens[tokens.length - 1]!;
  return `"${tokens.join(' ')}"${IS_CJK.test(last) ? '' : ' *'}`;
}

/**
 * An FTS5 query matching `query` as a phrase; the last word is a prefix, so `news` finds
 * `newspaper`. Null when the query has no letters or digits to look for.
 */
export function gramQuery(query: string): string | null {
  const tokens = words(query);
  return tokens.length === 0 ? null : phrase(tokens);
}

/**
 * The columns a title, author or tag is indexed under (see termQuery): `text`, its words as the
 * character index has them, and `sfx`, every proper suffix of each of its non-CJK words, so a
 * query that starts inside a word (`PEC` in `APEC`, `4年` in `2024年`) is found as well.
 */
export function termGrams(text: string): { text: string; sfx: string } {
  const suffixes: string[] = [];
  for (const word of words(text)) {
    const chars = [...word];
    if (chars.length < 2 || IS_CJK.test(word)) continue;
    for (let i = 1; i < chars.length; i++) suffixes.push(chars.slice(i).join(''));
  }
  return { text: gramText(text.normalize('NFKC')), sfx: suffixes.join(' ') };
}

/**
 * An FTS5 expression over termGrams' columns that every term containing `query` matches: the
 * phrase from a word start, or (when it begins with a non-CJK word) from inside a word. It also
 * matches terms that only contain it ignoring case, accents or spacing, so the caller compares
 * the text itself. Null when the query has no letters or digits to look for.
 */
export function termQuery(query: string): string | null {
  const tokens = words(query);
  const first = tokens[0];
  if (first === undefined) return null;
  const whole = `text : (${phrase(tokens)})`;
  if (IS_CJK.test(first)) return whole;
  const rest = tokens.slice(1);
  const inside = rest.length === 0 ? `sfx : (${phrase(tokens)})` : `(sfx : ("${first}") AND text : (${phrase(rest)}))`;
  return `${whole} OR ${inside}`;
}

/** Text compared without spaces and case, to tell where a match that may run into the next line starts. */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
