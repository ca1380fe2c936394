import type { Reason } from '../model/page.js';
import { CHAR_BITS, CHAR_CLASS } from './chars.js';
import type { Group } from './headlines.js';
import { paraText } from './headlines.js';
import type { LineFeat } from './layout.js';
import type { Para } from './paras.js';

const CLS = CHAR_CLASS;
// bundlers turn imported bindings into getters; hot loops read these local copies instead
const { C_CJK, C_CJK_PUNCT, C_LATIN } = CHAR_BITS;

export type Unit = { group: Group; para?: undefined } | { para: Para; group?: undefined };

const LEAD_CHARS = 240;

/**
 * Whether headlines stand after their bodies (as extracted from some PDFs) or before them (ALTO,
 * hOCR, most papers). A headline repeats words of its article's lead paragraph, so each headline
 * votes for the side whose lead it shares more with; a page that ends on a headline or starts on
 * body text adds its vote for "after", and the converse for "before".
 */
export function detectOrder(units: readonly Unit[], feats: readonly LineFeat[]): { order: 'before' | 'after' | 'unknown'; why: Reason } {
  const heads: number[] = [];
  for (let k = 0; k < units.length; k++) if (units[k]!.group?.paras.some((p) => p.kind === 'headline')) heads.push(k);
  if (heads.length === 0) return { order: 'unknown', why: { rule: 'order-no-headline', confidence: 0.5 } };
  let score = 0;
  const first = units[0];
  const last = units[units.length - 1];
  score += first?.group ? -1 : 0.5;
  score += last?.group ? 1 : -1;
  for (const k of heads) {
    const g = units[k]!.group!;
    const grams = gramsOf(g.paras.filter((p) => p.kind === 'headline').map((p) => paraText(feats, p)).join(' '));
    if (grams.size === 0) continue;
    score += share(grams, leadBefore(units, k, feats)) - share(grams, leadAfter(units, k, feats));
  }
  const order = score > 0 ? 'after' : 'before';
  return { order, why: { rule: 'order-overlap', confidence: Math.min(0.95, 0.5 + Math.abs(score) / (2 * heads.length + 2)), detail: score.toFixed(2) } };
}

function leadBefore(units: readonly Unit[], k: number, feats: readonly LineFeat[]): string {
  let start = k;
  for (let j = k - 1; j >= 0 && !units[j]!.group; j--) {
    start = j;
    if (units[j]!.para!.kind === 'start') break;
  }
  return collect(units, start, k, feats);
}

function leadAfter(units: readonly Unit[], k: number, feats: readonly LineFeat[]): string {
  return collect(units, k + 1, units.length, feats);
}

function collect(units: readonly Unit[], from: number, to: number, feats: readonly LineFeat[]): string {
  let s = '';
  for (let j = from; j < to && s.length < LEAD_CHARS; j++) {
    const u = units[j]!;
    if (u.group) break;
    s += paraText(feats, u.para) + ' ';
  }
  return s;
}

/** A headline's grams: bigrams of CJK runs and lower-cased Latin words of four letters or more. */
export interface Grams {
  /** Each bigram as its two characters. */
  pairs: Set<string>;
  words: Set<string>;
  /** The first character of each word: a lead's word is only lower-cased and looked up when it could match. */
  firsts: Set<number>;
  size: number;
}

/** Each Latin letter's lower case as toLowerCase() begins it (C_LATIN letters are all below 0x250). */
const LOWER_FIRST = (() => {
  const t = new Uint16Array(0x250);
  for (let c = 0; c < t.length; c++) t[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return t;
})();

/**
 * The share of a headline's grams that occur in a text; the text's own grams are never collected.
 * A bigram is two ideographs side by side, so it occurs in the text exactly where its two
 * characters do: a substring search, far cheaper than walking the text's bigrams.
 */
function share(grams: Grams, text: string): number {
  let hits = 0;
  for (const pair of grams.pairs) if (text.includes(pair)) hits++;
  if (grams.words.size > 0) hits += wordHits(grams, text);
  return hits / grams.size;
}

/** How many of the words occur in the text as whole Latin words (compared lower-cased). */
function wordHits({ words, firsts }: Grams, text: string): number {
  const seen = new Set<string>();
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (CLS[c]! & C_LATIN) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart >= 4 && firsts.has(LOWER_FIRST[text.charCodeAt(wordStart)]!)) {
        const w = text.slice(wordStart, i).toLowerCase();
        if (words.has(w)) seen.add(w);
      }
      wordStart = -1;
    }
  }
  return seen.size;
}

/** Character bigrams of CJK runs, lower-cased words of four letters or more of Latin text. */
export function gramsOf(s: string): Grams {
  const pairs = new Set<string>();
  const words = new Set<string>();
  let wordStart = -1;
  let ideoBefore = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x20;
    const k = CLS[c]!;
    const ideo = (k & C_CJK) !== 0 && (k & C_CJK_PUNCT) === 0;
    if (ideo && ideoBefore) pairs.add(s.slice(i - 1, i + 1));
    ideoBefore = ideo;
    if (k & C_LATIN) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart >= 4) words.add(s.slice(wordStart, i).toLowerCase());
      wordStart = -1;
    }
  }
  const firsts = new Set<number>();
  for (const w of words) firsts.add(w.charCodeAt(0));
  return { pairs, words, firsts, size: pairs.size + words.size };
}
