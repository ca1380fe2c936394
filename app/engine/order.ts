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
  // a lead is the same text whichever headline asks for it (the one above it or the one below): made once
  const leads = new Array<string | undefined>(units.length + 1).fill(undefined);
  for (const k of heads) {
    const g = units[k]!.group!;
    const grams = gramsOf(g.paras.filter((p) => p.kind === 'headline').map((p) => paraText(feats, p)).join(' '));
    if (grams.size === 0) continue;
    score += share(grams, leadAt(units, leadStart(units, k), feats, leads)) - share(grams, leadAt(units, k + 1, feats, leads));
  }
  const order = score > 0 ? 'after' : 'before';
  return { order, why: { rule: 'order-overlap', confidence: Math.min(0.95, 0.5 + Math.abs(score) / (2 * heads.length + 2)), detail: score.toFixed(2) } };
}

/** Where the lead before headline unit k starts: after the previous group, or at the last start cue before k. */
function leadStart(units: readonly Unit[], k: number): number {
  let start = k;
  for (let j = k - 1; j >= 0 && !units[j]!.group; j--) {
    start = j;
    if (units[j]!.para!.kind === 'start') break;
  }
  return start;
}

/** The lead from unit `from`: its paras' text up to the next group, some LEAD_CHARS long. */
function leadAt(units: readonly Unit[], from: number, feats: readonly LineFeat[], leads: (string | undefined)[]): string {
  let s = leads[from];
  if (s !== undefined) return s;
  s = '';
  for (let j = from; j < units.length && s.length < LEAD_CHARS; j++) {
    const u = units[j]!;
    if (u.group) break;
    s += paraText(feats, u.para) + ' ';
  }
  leads[from] = s;
  return s;
}

/** A headline's grams: bigrams of CJK runs and lower-cased Latin words of four letters or more. */
export interface Grams {
  /** Each distinct bigram as its two code units, first << 16 | second. */
  pairs: number[];
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
 * Where each code unit occurs in the text last indexed: its first position (valid where STAMP
 * holds the current epoch) and, per position, the next one with the same code unit. A bigram
 * occurs where its first character does and the second follows: a few steps along that chain.
 */
const STAMP = new Uint32Array(0x10000);
const FIRST_AT = new Int32Array(0x10000);
let nextAt = new Int32Array(1024);
let epoch = 0;
let indexed: string | null = null;

function indexText(text: string): void {
  if (indexed === text) return;
  indexed = text;
  if (text.length > nextAt.length) nextAt = new Int32Array(Math.max(text.length, nextAt.length * 2));
  if (++epoch === 0xffffffff) {
    STAMP.fill(0);
    epoch = 1;
  }
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    nextAt[i] = STAMP[c] === epoch ? FIRST_AT[c]! : -1;
    FIRST_AT[c] = i;
    STAMP[c] = epoch;
  }
}

/** Whether the indexed text holds the bigram (text.includes of its two characters). */
function hasPair(text: string, pair: number): boolean {
  const a = pair >>> 16;
  const b = pair & 0xffff;
  if (STAMP[a] !== epoch) return false;
  for (let p = FIRST_AT[a]!; p >= 0; p = nextAt[p]!) if (text.charCodeAt(p + 1) === b) return true;
  return false;
}

/** The share of a headline's grams that occur in a text; the text's own grams are never collected. */
function share(grams: Grams, text: string): number {
  let hits = 0;
  if (grams.pairs.length > 0) {
    indexText(text);
    for (const pair of grams.pairs) if (hasPair(text, pair)) hits++;
  }
  if (grams.words.size > 0) hits += wordHits(grams, text);
  return hits / grams.size;
}

/** How many of the words occur in the text as whole Latin words (compared lower-cased). */
function wordHits({ words, firsts }: Grams, text: string): number {
  let seen: Set<string> | null = null;
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (CLS[c]! & C_LATIN) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart >= 4 && firsts.has(LOWER_FIRST[text.charCodeAt(wordStart)]!)) {
        const w = text.slice(wordStart, i).toLowerCase();
        if (words.has(w)) (seen ??= new Set()).add(w);
      }
      wordStart = -1;
    }
  }
  return seen === null ? 0 : seen.size;
}

/** Character bigrams of CJK runs, lower-cased words of four letters or more of Latin text. */
export function gramsOf(s: string): Grams {
  const pairs: number[] = [];
  const words = new Set<string>();
  let wordStart = -1;
  let ideoBefore = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x20;
    const k = CLS[c]!;
    const ideo = (k & C_CJK) !== 0 && (k & C_CJK_PUNCT) === 0;
    if (ideo && ideoBefore) {
      const pair = ((s.charCodeAt(i - 1) << 16) | c) >>> 0;
      if (!pairs.includes(pair)) pairs.push(pair);
    }
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
  return { pairs, words, firsts, size: pairs.length + words.size };
}
