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
  const heads = units.flatMap((u, k) => (u.group && u.group.paras.some((p) => p.kind === 'headline') ? [k] : []));
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
    markTails(grams, 1);
    score += share(grams, leadBefore(units, k, feats)) - share(grams, leadAfter(units, k, feats));
    markTails(grams, 0);
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

/** A gram: a CJK bigram as one 32-bit number, or a lower-cased Latin word. */
type Gram = string | number;

/**
 * TAIL[c] is 1 while the headline being scored has a bigram ending in c: a lead's bigram is only
 * looked up when its second character could match, which most of them cannot.
 */
const TAIL = new Uint8Array(0x10000);

function markTails(grams: Map<Gram, number>, mark: 0 | 1): void {
  for (const g of grams.keys()) if (typeof g === 'number') TAIL[g & 0xffff] = mark;
}

/**
 * The share of a headline's grams that occur in a text; the text's own grams are never collected.
 * Expects the headline's tails marked (markTails).
 */
function share(grams: Map<Gram, number>, text: string): number {
  const seen = new Uint8Array(grams.size);
  let hits = 0;
  let wordStart = -1;
  let prev = -1;
  for (let i = 0; i <= text.length && hits < grams.size; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    const k = CLS[c]!;
    const ideo = (k & C_CJK) !== 0 && (k & C_CJK_PUNCT) === 0;
    if (ideo && prev >= 0 && TAIL[c] === 1) hits += hit(grams, seen, (prev << 16) | c);
    prev = ideo ? c : -1;
    if (k & C_LATIN) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart >= 4) hits += hit(grams, seen, text.slice(wordStart, i).toLowerCase());
      wordStart = -1;
    }
  }
  return hits / grams.size;
}

/** 1 when g is one of the headline's grams not seen before in this text (and marks it seen). */
function hit(grams: Map<Gram, number>, seen: Uint8Array, g: Gram): number {
  const k = grams.get(g);
  if (k === undefined || seen[k] === 1) return 0;
  seen[k] = 1;
  return 1;
}

/** A text's distinct grams, each with its own index (for marking it seen). */
export function gramsOf(s: string): Map<Gram, number> {
  const out = new Map<Gram, number>();
  let wordStart = -1;
  let prev = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x20;
    const k = CLS[c]!;
    const ideo = (k & C_CJK) !== 0 && (k & C_CJK_PUNCT) === 0;
    if (ideo && prev >= 0) add(out, (prev << 16) | c);
    prev = ideo ? c : -1;
    if (k & C_LATIN) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart >= 4) add(out, s.slice(wordStart, i).toLowerCase());
      wordStart = -1;
    }
  }
  return out;
}

function add(grams: Map<Gram, number>, g: Gram): void {
  if (!grams.has(g)) grams.set(g, grams.size);
}
