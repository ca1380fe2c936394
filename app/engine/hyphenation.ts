import { isDigit, isLatinLetter, isLower, isSpace } from './chars.js';

export type HyphenChoice = 'keep' | 'drop';

/** Lower-cased words of a page, hyphenated compounds included, for deciding line-end hyphens. */
export type Vocabulary = ReadonlySet<string>;

export function buildVocabulary(lines: readonly string[]): Vocabulary {
  const words = new Set<string>();
  for (const line of lines) {
    let start = -1;
    for (let i = 0; i <= line.length; i++) {
      const c = i < line.length ? line.charCodeAt(i) : 0;
      const inWord = isLatinLetter(c) || (c === 0x2d && start >= 0 && isLatinLetter(line.charCodeAt(i + 1)));
      if (inWord) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        // a fragment hyphenated at the line end is not evidence of a compound
        if (c !== 0x2d) words.add(line.slice(start, i).toLowerCase());
        start = -1;
      }
    }
  }
  return words;
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
  const l = lastWord(left);
  const r = firstWord(right);
  const r0 = right.charCodeAt(0);
  if (!isLower(r0) || isDigit(left.charCodeAt(left.length - 1))) return { choice: 'keep', rule: 'hyphen-wordlist' };
  const lw = l.toLowerCase();
  const rw = r.toLowerCase();
  if (vocab) {
    if (vocab.has(`${lw}-${rw}`)) return { choice: 'keep', rule: 'hyphen-vocabulary' };
    if (vocab.has(lw + rw)) return { choice: 'drop', rule: 'hyphen-vocabulary' };
  }
  if (lw.includes('-') || KEEP_FIRST.has(lw) || KEEP_HEAD.has(rw)) return { choice: 'keep', rule: 'hyphen-wordlist' };
  return { choice: 'drop', rule: 'hyphen-soft' };
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

/** Whether the line ends in a hyphen, trailing whitespace aside (as line.trimEnd().endsWith('-')). */
export function endsInHyphen(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && isSpace(line.charCodeAt(i))) i--;
  return i >= 0 && line.charCodeAt(i) === 0x2d;
}

/** The line ends in a hyphen inside a word (after a letter or digit), and the next line starts with a letter. */
export function isHyphenBreak(line: string, next: string): boolean {
  const t = line.trimEnd();
  const n = next.trimStart();
  const before = t.charCodeAt(t.length - 2);
  return t.length >= 2 && t.charCodeAt(t.length - 1) === 0x2d && (isLatinLetter(before) || isDigit(before)) && isLatinLetter(n.charCodeAt(0));
}
