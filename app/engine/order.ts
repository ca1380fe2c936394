import type { Reason } from '../model/page.js';
import { CHAR_BITS, CHAR_CLASS } from './chars.js';
import type { Group } from './headlines.js';
import type { LineFeat } from './layout.js';
import type { Para } from './paras.js';
import { leadEndSlots } from './scratch.js';

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
  // a lead is the same text whichever headline asks for it (the one above it or the one below): measured once
  const ends = leadEndSlots(units.length + 1);
  for (const k of heads) {
    if (collectGrams(units[k]!.group!.paras, feats) === 0) continue;
    const from = leadStart(units, k);
    score += share(units, from, leadEnd(units, from, feats, ends), feats) - share(units, k + 1, leadEnd(units, k + 1, feats, ends), feats);
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

/** The lead from unit `from`: its paras up to the next group, some LEAD_CHARS long; the index of the unit after it. */
function leadEnd(units: readonly Unit[], from: number, feats: readonly LineFeat[], ends: Int32Array): number {
  let end = ends[from]!;
  if (end >= 0) return end;
  // the length of the paras' text as paraText makes it, a space after each
  let length = 0;
  for (end = from; end < units.length && length < LEAD_CHARS; end++) {
    const p = units[end]!.para;
    if (p === undefined) break;
    length += feats[p.from]!.t.length + 1;
    for (let i = p.from + 1; i <= p.to; i++) length += feats[i]!.t.length + (feats[i]!.cjk ? 0 : 1);
  }
  ends[from] = end;
  return end;
}

/*
 * Texts are read line by line where they stand, never joined into strings: paraText glues a CJK
 * line to the line before it and puts a space before any other, and paras are parted by a space.
 * A headline's grams are bigrams of CJK runs and lower-cased Latin words of four letters or more;
 * one headline is scored at a time, so its grams live in tables reused from one to the next.
 */

/**
 * Each distinct bigram as its two code units (first << 16 | second) in an open-addressed table of
 * twice as many slots as the headline has characters (the front of a buffer kept for the longest);
 * 0 is an empty slot.
 */
let pairKeys = new Uint32Array(64);
/** Per slot, the share() call that last found the bigram: each counts once per text. */
let pairSeen = new Uint32Array(64);
let pairSlots = 16;
let pairShift = 28;
let pairCount = 0;
/** The bigrams' second code units as bits: most characters of a text are passed over on one bit test. */
const SECONDS = new Int32Array(0x10000 >>> 5);
/** The headline's words, each with the share() call that last found it. */
const WORDS = new Map<string, number>();
/** The lower-cased first letters of the words: a text's word is only lower-cased and looked up when it could match. */
const FIRSTS = new Uint8Array(0x10000);
let shareCall = 0;

/** Each Latin letter's lower case as toLowerCase() begins it (C_LATIN letters are all below 0x250). */
const LOWER_FIRST = (() => {
  const t = new Uint16Array(0x250);
  for (let c = 0; c < t.length; c++) t[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return t;
})();

function slotOf(pair: number): number {
  let slot = Math.imul(pair, 0x9e3779b1) >>> pairShift;
  const mask = pairSlots - 1;
  while (pairKeys[slot] !== 0 && pairKeys[slot] !== pair) slot = (slot + 1) & mask;
  return slot;
}

/** Empties the tables for a headline of `textLength` code units: at most one bigram per code unit, so its table stays at most half full. */
function clearGrams(textLength: number): void {
  for (let s = 0; s < pairSlots; s++) {
    const pair = pairKeys[s]!;
    if (pair === 0) continue;
    SECONDS[(pair & 0xffff) >>> 5] = 0;
    pairKeys[s] = 0;
  }
  let bits = 4;
  while (1 << bits < textLength * 2) bits++;
  pairSlots = 1 << bits;
  pairShift = 32 - bits;
  if (pairSlots > pairKeys.length) {
    pairKeys = new Uint32Array(pairSlots);
    pairSeen = new Uint32Array(pairSlots);
  }
  pairCount = 0;
  if (WORDS.size > 0) {
    for (const w of WORDS.keys()) FIRSTS[w.charCodeAt(0)] = 0;
    WORDS.clear();
  }
}

function addWord(w: string): void {
  if (WORDS.has(w)) return;
  WORDS.set(w, 0);
  FIRSTS[w.charCodeAt(0)] = 1;
}

/** Collects the grams of a group's headline parts (their texts joined by spaces) into the tables; their number. */
function collectGrams(paras: readonly Para[], feats: readonly LineFeat[]): number {
  let length = 0;
  for (const p of paras) if (p.kind === 'headline') for (let i = p.from; i <= p.to; i++) length += feats[i]!.t.length;
  clearGrams(length);
  for (const p of paras) {
    if (p.kind !== 'headline') continue;
    // the code unit before, when it is an ideograph (0 otherwise)
    let ideoBefore = 0;
    // a Latin word running on into the next line, glued to it: its part in the lines before
    let carried = '';
    for (let i = p.from; i <= p.to; i++) {
      const t = feats[i]!.t;
      let wordStart = carried === '' ? -1 : 0;
      for (let x = 0; x < t.length; x++) {
        const c = t.charCodeAt(x);
        const k = CLS[c]!;
        const ideo = (k & C_CJK) !== 0 && (k & C_CJK_PUNCT) === 0;
        if (ideo && ideoBefore !== 0) addPair(((ideoBefore << 16) | c) >>> 0);
        ideoBefore = ideo ? c : 0;
        if (k & C_LATIN) {
          if (wordStart < 0) wordStart = x;
        } else if (wordStart >= 0) {
          if (carried.length + x - wordStart >= 4) addWord((carried + t.slice(wordStart, x)).toLowerCase());
          carried = '';
          wordStart = -1;
        }
      }
      const glued = i < p.to && feats[i + 1]!.cjk;
      if (wordStart >= 0) {
        const word = carried + t.slice(wordStart);
        carried = glued ? word : '';
        if (!glued && word.length >= 4) addWord(word.toLowerCase());
      }
      if (!glued) ideoBefore = 0;
    }
  }
  return pairCount + WORDS.size;
}

function addPair(pair: number): void {
  const slot = slotOf(pair);
  if (pairKeys[slot] !== 0) return;
  pairKeys[slot] = pair;
  pairSeen[slot] = 0;
  pairCount++;
  const c = pair & 0xffff;
  SECONDS[c >>> 5]! |= 1 << (c & 31);
}

/**
 * The share of the headline's grams that occur in the text of units [from, end) (a lead): each
 * para's text as paraText makes it and a space after it. The lead's own grams are never collected.
 */
function share(units: readonly Unit[], from: number, end: number, feats: readonly LineFeat[]): number {
  const call = (shareCall = shareCall === 0xffffffff ? 1 : shareCall + 1);
  const seconds = SECONDS;
  const findPairs = pairCount > 0;
  const findWords = WORDS.size > 0;
  let hits = 0;
  for (let j = from; j < end; j++) {
    const p = units[j]!.para!;
    let before = 0x20;
    let carried = '';
    for (let i = p.from; i <= p.to; i++) {
      const t = feats[i]!.t;
      const glued = i < p.to && feats[i + 1]!.cjk;
      if (findPairs) {
        for (let x = 0; x < t.length; x++) {
          const c = t.charCodeAt(x);
          if ((seconds[c >>> 5]! & (1 << (c & 31))) !== 0) {
            const slot = slotOf(((before << 16) | c) >>> 0);
            if (pairKeys[slot] !== 0 && pairSeen[slot] !== call) {
              pairSeen[slot] = call;
              hits++;
            }
          }
          before = c;
        }
        if (!glued) before = 0x20;
      }
      if (findWords) {
        let wordStart = carried === '' ? -1 : 0;
        for (let x = 0; x < t.length; x++) {
          if (CLS[t.charCodeAt(x)]! & C_LATIN) {
            if (wordStart < 0) wordStart = x;
          } else if (wordStart >= 0) {
            hits += wordHit(carried, t, wordStart, x, call);
            carried = '';
            wordStart = -1;
          }
        }
        if (wordStart >= 0) {
          if (glued) carried += t.slice(wordStart);
          else {
            hits += wordHit(carried, t, wordStart, t.length, call);
            carried = '';
          }
        }
      }
    }
  }
  return hits / (pairCount + WORDS.size);
}

/** Whether the word carried + t[from, to) is a headline word not yet found by this share() call: 1 or 0. */
function wordHit(carried: string, t: string, from: number, to: number, call: number): number {
  if (carried.length + to - from < 4) return 0;
  const first = carried === '' ? t.charCodeAt(from) : carried.charCodeAt(0);
  if (FIRSTS[LOWER_FIRST[first]!] === 0) return 0;
  const w = (carried + t.slice(from, to)).toLowerCase();
  const seen = WORDS.get(w);
  if (seen === undefined || seen === call) return 0;
  WORDS.set(w, call);
  return 1;
}
