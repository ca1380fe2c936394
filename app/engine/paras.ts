import type { BreakKind, Reason } from '../model/page.js';
import { breakByCue, breakWithin, type Breaks, type PageStyle } from './breaks.js';
import { isSpace } from './chars.js';
import type { Block, LineFeat } from './layout.js';
import type { Profile } from './profiles/profile.js';

export type ParaKind = 'body' | 'closing' | 'start' | 'byline' | 'byline-tail' | 'caption' | 'credit' | 'jump' | 'salutation' | 'signoff' | 'headline';

/** A run of lines inside one block that reads as one unit: a paragraph, a headline part, a byline. */
export interface Para {
  from: number;
  to: number;
  block: number;
  kind: ParaKind;
  why: Reason;
}

// Cue patterns only look at a line's opening: nothing is tested over more than this many characters.
const HEAD = 48;

export type LineCue = 'start' | 'byline' | 'byline-tail' | 'credit' | 'jump' | 'salutation' | 'date' | null;

/** The cue each line carries, if any: the opening of an article, a byline, a credit, a jump, a date. */
export function lineCues(feats: readonly LineFeat[], p: Profile): LineCue[] {
  const out: LineCue[] = new Array<LineCue>(feats.length).fill(null);
  let prev: LineCue = null;
  for (let i = 0; i < feats.length; i++) {
    const f = feats[i]!;
    if (f.blank) continue;
    prev = out[i] = lineCue(f, p, prev);
    // a name in brackets closing a block of text signs that text: it is not a byline standing apart
    if (prev === 'byline' && i > 0 && !feats[i - 1]!.blank && isBracketed(f.t)) {
      const above = out[i - 1];
      // stacked bracketed parts, （一）（〇）（三）, are one byline; under text they sign it
      prev = out[i] = above === 'byline' || above === 'byline-tail' ? 'byline-tail' : null;
    }
    // a bracketed byline broken over two lines, （馬二 + 先生）: both lines are the byline
    if (prev === null && i + 1 < feats.length && brokenByline(f.t, feats[i + 1]!.t, p)) {
      out[i] = 'byline';
      prev = out[++i] = 'byline-tail';
    }
  }
  // a short opening line over a byline standing apart is that byline's headline, not a paragraph's opening
  let next: LineCue = null;
  for (let i = feats.length - 1; i >= 0; i--) {
    const f = feats[i]!;
    if (f.blank) continue;
    if (out[i] === 'start' && next === 'byline' && f.t.length <= 24 && !f.final && feats[i + 1]?.blank) out[i] = null;
    next = out[i]!;
  }
  return out;
}

function lineCue(f: LineFeat, p: Profile, prev: LineCue): LineCue {
  const t = f.t;
  const h = t.length > HEAD ? t.slice(0, HEAD) : t;
  if (t.length <= HEAD && !f.final && p.jumpLine.test(t)) return 'jump';
  // a whole line of names (本报记者 王明 李华) is a byline even where it could open a paragraph
  if (t.length <= HEAD && !f.final && p.byline.test(t)) return 'byline';
  if (p.articleStart.test(h)) return 'start';
  if (t.length > HEAD || f.final) return null;
  if ((prev === 'byline' || prev === 'byline-tail') && p.bylineTail.test(t)) return 'byline-tail';
  if (p.creditLine.test(t)) return 'credit';
  if (p.dateLine.test(t)) return 'date';
  return null;
}

function isBracketed(t: string): boolean {
  const c = t.charCodeAt(0);
  return c === 0xff08 || c === 0x28;
}

function brokenByline(a: string, b: string, p: Profile): boolean {
  const open = a.charCodeAt(0);
  if ((open !== 0xff08 && open !== 0x28) || a.length + b.length > HEAD || b.length === 0) return false;
  const close = b.charCodeAt(b.length - 1);
  if ((close !== 0xff09 && close !== 0x29) || a.includes('）') || a.includes(')')) return false;
  return p.byline.test(a + b);
}

function salutation(f: LineFeat, p: Profile): boolean {
  return f.t.length <= HEAD && p.salutation.test(f.t);
}

const UNPOINTED_FLOW: Reason = { rule: 'unpointed-flow', confidence: 0.7 };

const cueReason = (rule: string, detail: string): Reason => ({ rule, confidence: 0.9, detail: detail.slice(0, 24) });

/**
 * Splits every block into paras and decides each line's break inside its block. `brk` holds the
 * decision after line i when line i+1 is in the same block; the last line of a block is decided
 * later, once articles are known.
 */
export function splitParas(feats: readonly LineFeat[], blocks: readonly Block[], profile: Profile, cues: readonly LineCue[], brk: Breaks, style: PageStyle): Para[] {
  const paras: Para[] = [];
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    let start = b.from;
    for (let i = b.from; i <= b.to; i++) {
      let d: BreakKind | undefined;
      if (i < b.to) {
        const a = cues[i];
        const n = cues[i + 1];
        if (n === 'start' || n === 'byline' || n === 'credit' || n === 'jump' || (n === 'date' && a !== 'date')) d = breakByCue(brk, i, 'paragraph', cueReason('cue-next', feats[i + 1]!.t));
        else if (a === 'byline' || a === 'byline-tail') d = n === 'byline-tail' ? breakByCue(brk, i, 'join', cueReason('byline-cue', feats[i + 1]!.t)) : breakByCue(brk, i, 'paragraph', cueReason('byline-cue', feats[i]!.t));
        else if (a === 'jump' || a === 'credit' || salutation(feats[i]!, profile)) d = breakByCue(brk, i, 'paragraph', cueReason('cue-line', feats[i]!.t));
        // where blank lines part the paragraphs, a line inside a block goes on (a short one runs round a picture, a verse)
        else if (!style.pointed) d = breakByCue(brk, i, 'join', UNPOINTED_FLOW);
        else d = breakWithin(feats[i]!, feats[i + 1]!, b.col, i === start, brk, i);
      }
      if (i === b.to || d === 'paragraph') {
        paras.push(classify(feats, profile, cues, start, i, bi));
        start = i + 1;
      }
    }
  }
  return paras;
}

/**
 * A photo item's caption set in a narrow column, one line to a block (1 月 10 日， / 在凯里市三棵 / …),
 * ends on its credit: the single-line blocks of one width before a credit, and the shorter last
 * one, are that caption. A line of another width (the previous article's headline) ends the run.
 */
export function markCaptionRuns(paras: Para[], feats: readonly LineFeat[]): void {
  for (let c = 1; c < paras.length; c++) {
    if (paras[c]!.kind !== 'credit') continue;
    const run: Para[] = [];
    let width = NaN;
    for (let k = c - 1; k >= 0; k--) {
      const p = paras[k]!;
      const alone = p.from === p.to && p.kind === 'body' && (k === 0 || paras[k - 1]!.block !== p.block) && paras[k + 1]!.block !== p.block;
      if (!alone) break;
      const w = feats[p.from]!.width;
      if (run.length === 1) width = w;
      else if (run.length > 1 && Math.abs(w - width) > 1.5) break;
      // only the line before the credit may end a sentence
      if (run.length > 0 && feats[p.from]!.final) break;
      run.push(p);
    }
    if (run.length < 3) continue;
    for (const p of run) {
      p.kind = 'caption';
      p.why = { rule: 'photo-credit', confidence: 0.65, detail: feats[paras[c]!.from]!.t.slice(0, 24) };
    }
  }
}

function classify(feats: readonly LineFeat[], profile: Profile, cues: readonly LineCue[], from: number, to: number, block: number): Para {
  const first = feats[from]!;
  const cue = cues[from];
  if (cue === 'start') return para(from, to, block, 'start', 'start-cue', 0.9, first.t);
  if (cue === 'byline' || cue === 'byline-tail') return para(from, to, block, cue, 'byline-cue', 0.85, first.t);
  if (cue === 'credit') return para(from, to, block, 'credit', 'photo-credit', 0.8, first.t);
  if (cue === 'jump') return para(from, to, block, 'jump', 'jump-line', 0.9, first.t);
  if (cues[to] === 'date') return para(from, to, block, 'signoff', 'signature-block', 0.6, feats[to]!.t);
  if (salutation(first, profile)) return para(from, to, block, 'salutation', 'salutation', 0.85, first.t);
  if (from === to && first.t.length <= HEAD && profile.closing.test(first.t)) return para(from, to, block, 'closing', 'closing', 0.8, first.t);
  if (to - from <= 2) {
    let text = first.t;
    for (let i = from + 1; i <= to; i++) text += feats[i]!.t;
    // justification spreads CJK captions (2 0 2 1 年 …): the cue reads the characters only
    if (first.cjk) text = withoutSpaces(text);
    if (text.length <= 160 && profile.captionCue.test(text)) return para(from, to, block, 'caption', 'caption-cue', 0.75, text);
  }
  return para(from, to, block, 'body', 'body-flow', 0.8);
}

/** text.replace(/\s+/g, ''), without running a regex over text that mostly has no space. */
function withoutSpaces(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    out += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

// a module-level function, not a closure per call: classify runs once per paragraph
function para(from: number, to: number, block: number, kind: ParaKind, rule: string, confidence: number, detail?: string): Para {
  return { from, to, block, kind, why: detail === undefined ? { rule, confidence } : { rule, confidence, detail: detail.slice(0, 24) } };
}
