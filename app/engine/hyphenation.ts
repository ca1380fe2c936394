import { CHAR_BITS, CHAR_CLASS, isDigit, isLatinLetter, isLower } from './chars.js';

// bundlers turn imported bindings into getters; hot loops read these local copies instead
const { C_LATIN } = CHAR_BITS;

export type HyphenChoice = 'keep' | 'drop';

/** Lower-cased words of a page, hyphenated compounds included, for deciding line-end hyphens. */
export type Vocabulary = ReadonlySet<string>;

/**
 * The page's words; with `only`, just those of them that are in it (what decideHyphen will ask
 * for), found without lower-casing every word of the page.
 */
export function buildVocabulary(lines: readonly string[], only?: ReadonlySet<string>): Vocabulary {
  const words = new Set<string>();
  // a word can only be one of `only` if its lower case has the length and first letter of one
  let lengths: Set<number> | null = null;
  let firsts: Set<number> | null = null;
  if (only) {
    lengths = new Set();
    firsts = new Set();
    for (const w of only) {
      lengths.add(w.length);
      firsts.add(w.charCodeAt(0));
    }
  }
  const cls = CHAR_CLASS;
  for (const line of lines) {
    let start = -1;
    // U+0130 (İ) is the one Latin letter whose lower case is two code units
    let longer = 0;
    for (let i = 0; i <= line.length; i++) {
      const c = i < line.length ? line.charCodeAt(i) : 0;
      // the class table's Latin bit is isLatinLetter
      const inWord = (cls[c]! & C_LATIN) !== 0 || (c === 0x2d && start >= 0 && i + 1 < line.length && (cls[line.charCodeAt(i + 1)]! & C_LATIN) !== 0);
      if (inWord) {
        if (start < 0) {
          start = i;
          longer = 0;
        }
        if (c === 0x130) longer++;
      } else if (start >= 0) {
        // a fragment hyphenated at the line end is not evidence of a compound
        if (c !== 0x2d && (lengths === null || (lengths.has(i - start + longer) && firsts!.has(lowerFirst(line.charCodeAt(start)))))) {
          const w = line.slice(start, i).toLowerCase();
          if (only === undefined || only.has(w)) words.add(w);
        }
        start = -1;
      }
    }
  }
  return words;
}

/** The first code unit of a Latin letter's lower case (as toLowerCase() starts a word with it). */
function lowerFirst(c: number): number {
  return c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c | 0x20 : c) : String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

// Compounds whose hyphen stays when a line breaks on it: first elements and heads that English
// writes hyphenated far more often than closed.
const KEEP_FIRST = new Set(['well', 'self', 'ex', 'all', 'half', 'ill', 'long', 'short', 'high', 'low', 'full', 'part', 'so', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'second', 'third', 'year', 'far', 'much', 'multi', 'non', 'co', 'anti', 'post', 'pre', 'vice', 'mid', 'cross', 'right', 'left', 'state', 'world', 'record', 'decision', 'policy', 'middle', 'front', 'top', 'low', 'hard', 'old', 'late', 'early', 'open', 'close', 'once']);
const KEEP_HEAD = new Set(['known', 'based', 'old', 'term', 'time', 'year', 'level', 'free', 'like', 'made', 'born', 'elect', 'related', 'owned', 'led', 'wide', 'scale', 'style', 'class', 'sized', 'minded', 'run', 'round', 'hand', 'growing', 'ranking', 'making', 'speaking', 'looking', 'ever', 'profile', 'date', 'term', 'standing', 'fire', 'party', 'winning', 'income', 'care', 'law', 'laws', 'up', 'down', 'off', 'on', 'over']);

export interface HyphenDecision {
  choice: HyphenChoice;
  rule: 'hyphen-vocabulary' | 'hyphen-wordlist' | 'hyphen-soft';
}

/** `left` ends with the hyphen's word part (without the hyphen), `right` starts the next line. */
export function decideHyphen(left: string, right: string, vocab: Vocabulary | null): HyphenDecision {
  const r0 = right.charCodeAt(0);
  if (!isLower(r0) || isDigit(left.charCodeAt(left.length - 1))) return { choice: 'keep', rule: 'hyphen-wordlist' };
  const [lw, rw] = hyphenParts(left, right);
  if (vocab) {
    if (vocab.has(`${lw}-${rw}`)) return { choice: 'keep', rule: 'hyphen-vocabulary' };
    if (vocab.has(lw + rw)) return { choice: 'drop', rule: 'hyphen-vocabulary' };
  }
  if (lw.includes('-') || KEEP_FIRST.has(lw) || KEEP_HEAD.has(rw)) return { choice: 'keep', rule: 'hyphen-wordlist' };
  return { choice: 'drop', rule: 'hyphen-soft' };
}

/** The words decideHyphen may look up in the vocabulary for this hyphen. */
export function hyphenLookups(left: string, right: string): string[] {
  const [lw, rw] = hyphenParts(left, right);
  return [`${lw}-${rw}`, lw + rw];
}

/** The lower-cased word parts either side of the hyphen. */
function hyphenParts(left: string, right: string): [string, string] {
  return [lastWord(left).toLowerCase(), firstWord(right).toLowerCase()];
}

function lastWord(s: string): string {
  let i = s.length;
  while (i > 0 && (isLatinLetter(s.charCodeAt(i - 1)) || s.charCodeAt(i - 1) === 0x2d)) i--;
  return s.slice(i);
}

function firstWord(s: string): string {
  let i = 0;
  while (i < s.length && isLatinLetter(s.charCodeAt(i))) i++;
  return s.slice(0, i);
}

/** The line ends in a hyphen inside a word (after a letter or digit), and the next line starts with a letter. */
export function isHyphenBreak(line: string, next: string): boolean {
  const t = line.trimEnd();
  const n = next.trimStart();
  const before = t.charCodeAt(t.length - 2);
  return t.length >= 2 && t.charCodeAt(t.length - 1) === 0x2d && (isLatinLetter(before) || isDigit(before)) && isLatinLetter(n.charCodeAt(0));
}
