import type { BreakKind, Reason } from '../model/page.js';
import { breakByCue, breakWithin, type Breaks } from './breaks.js';
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
  }
  return out;
}

function lineCue(f: LineFeat, p: Profile, prev: LineCue): LineCue {
  const t = f.t;
  const h = t.length > HEAD ? t.slice(0, HEAD) : t;
  // a whole line of names (本报记者 王明 李华) is a byline even where it could open a paragraph
  if (t.length <= HEAD && !f.final && p.byline.test(t)) return 'byline';
  if (p.articleStart.test(h)) return 'start';
  if (t.length > HEAD || f.final) return null;
  if ((prev === 'byline' || prev === 'byline-tail') && p.bylineTail.test(t)) return 'byline-tail';
  if (p.creditLine.test(t)) return 'credit';
  if (p.jumpLine.test(t)) return 'jump';
  if (p.dateLine.test(t)) return 'date';
  return null;
}

function salutation(f: LineFeat, p: Profile): boolean {
  return f.t.length <= HEAD && p.salutation.test(f.t);
}

const cueReason = (rule: string, detail: string): Reason => ({ rule, confidence: 0.9, detail: detail.slice(0, 24) });

/**
 * Splits every block into paras and decides each line's break inside its block. `brk` holds the
 * decision after line i when line i+1 is in the same block; the last line of a block is decided
 * later, once articles are known.
 */
export function splitParas(feats: readonly LineFeat[], blocks: readonly Block[], profile: Profile, cues: readonly LineCue[], brk: Breaks): Para[] {
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
