import type { BreakKind, Reason } from '../model/page.js';
import { sameColumn, type LineFeat } from './layout.js';

export interface BreakDecision {
  brk: BreakKind;
  why: Reason;
}

/** The breaks decided inside blocks, by line: the kind and reason of the break after each line, apart (no object per line to hold the pair). */
export interface Breaks {
  kind: (BreakKind | undefined)[];
  why: (Reason | undefined)[];
}

function decide(out: Breaks, i: number, kind: BreakKind, why: Reason): BreakKind {
  out.kind[i] = kind;
  out.why[i] = why;
  return kind;
}

const r = (rule: string, confidence: number, detail?: string): Reason => (detail === undefined ? { rule, confidence } : { rule, confidence, detail });

// Widths are sums of whole, half and quarter ems, so most are one of a few hundred values: their
// one-decimal text is formatted once per value, not once per line.
const FIXED_QUARTERS = 1024;
const FIXED = new Array<string | undefined>(FIXED_QUARTERS).fill(undefined);

/** Exactly w.toFixed(1). */
function fixed1(w: number): string {
  const q = w * 4;
  if (!Number.isInteger(q) || q < 0 || q >= FIXED_QUARTERS) return w.toFixed(1);
  return (FIXED[q] ??= w.toFixed(1));
}

// A width against its column ("19.5/21.25"), the detail of most breaks: both are quarter-em
// multiples, so a page repeats a few dozen of these; each is formatted once and kept (a bounded cache).
const RATIOS = new Map<number, string>();
const RATIOS_MAX = 1 << 16;

/** Exactly `${w.toFixed(1)}/${col}`. */
function ratio(w: number, col: number): string {
  const wq = w * 4;
  const cq = col * 4;
  if (!Number.isInteger(wq) || !Number.isInteger(cq) || wq < 0 || cq < 0 || wq >= FIXED_QUARTERS || cq >= FIXED_QUARTERS) return `${fixed1(w)}/${col}`;
  const key = wq * FIXED_QUARTERS + cq;
  let s = RATIOS.get(key);
  if (s === undefined) {
    if (RATIOS.size >= RATIOS_MAX) RATIOS.clear();
    RATIOS.set(key, (s = `${fixed1(w)}/${col}`));
  }
  return s;
}

/** A paragraph's first line lost its two-em indent in extraction: it is that much short of the column. */
function indented(f: LineFeat, col: number): boolean {
  const deficit = col - f.width;
  return f.cjk && deficit >= 1.5 && deficit <= 3;
}

/**
 * Whether line i (a) ends its paragraph, the next line (b) following directly in the same column:
 * decided into `out`, its kind returned. Justified CJK text fills every line but the last of a
 * paragraph; ragged Latin text breaks a line only when the next word would not fit, so a line that
 * had room for it ended the paragraph.
 */
export function breakWithin(a: LineFeat, b: LineFeat, col: number, opensPara: boolean, out: Breaks, i: number): BreakKind {
  if (!a.cjk) {
    const roomy = a.width + 0.5 + b.head <= col + 0.01;
    if (roomy && a.final) return decide(out, i, 'paragraph', r('short-line-final', 0.85, ratio(a.width, col)));
    return decide(out, i, 'join', r(a.final ? 'full-line' : 'no-final-punct', roomy ? 0.6 : 0.9, ratio(a.width, col)));
  }
  // a paragraph's first line is short by its lost indent already
  const deficit = col - a.width - (opensPara ? 2 : 0);
  if (a.final && deficit >= 1) return decide(out, i, 'paragraph', r('short-line-final', 0.9, ratio(a.width, col)));
  if (a.final && indented(b, col)) return decide(out, i, 'paragraph', r('indent-next', 0.6, ratio(b.width, col)));
  if (!a.final && deficit >= Math.max(3.5, col * 0.25)) return decide(out, i, 'paragraph', r('short-line', 0.55, ratio(a.width, col)));
  return decide(out, i, 'join', r(a.final ? 'full-line' : 'no-final-punct', a.final ? 0.7 : 0.9, ratio(a.width, col)));
}

/** A break decided inside a block by a cue, not by widths. */
export function breakByCue(out: Breaks, i: number, kind: BreakKind, why: Reason): BreakKind {
  return decide(out, i, kind, why);
}

/**
 * Whether a line before a blank line ends its paragraph when the text goes on in the next block.
 * A blank line after a sentence cut mid-way is a column break. After a finished sentence it is a
 * paragraph end: a column break that happens to fall on a sentence end is far rarer than a
 * paragraph that happens to fill its last line.
 */
export function breakAcross(a: LineFeat, colA: number, colB: number, style: PageStyle, columnMove = false): BreakDecision {
  // the print shows the text moving to the next column after a full line that ends on no mark at
  // all, or on a pause where 、 marks every pause alike: the text runs on
  if (columnMove && a.cjk && a.width >= colA - 0.75 && (!style.pointed || !PUNCT_END.test(a.t))) return { brk: 'join', why: r('print-column-break', 0.85, ratio(a.width, colA)) };
  // old-style pointing marks every pause alike (、): a line end says nothing of sentences, and the blank line is the paragraph's mark
  if (!style.pointed) {
    // a full line before a block set to another measure: the text runs on into the next column
    if (a.cjk && a.width >= colA - 0.75 && !sameColumn(colA, colB, true)) return { brk: 'join', why: r('column-break', 0.6, `${colA}→${colB}`) };
    return { brk: 'paragraph', why: r('blank-unpointed', 0.75, ratio(a.width, colA)) };
  }
  if (!a.final) return { brk: 'join', why: r('column-break', 0.8, ratio(a.width, colA)) };
  if (!sameColumn(colA, colB, a.cjk)) return { brk: 'paragraph', why: r('width-change', 0.85, `${colA}→${colB}`) };
  return { brk: 'paragraph', why: r('blank-after-sentence', 0.8, ratio(a.width, colA)) };
}

/** A line ending on a mark of any kind: a pause, a stop, a quote or a bracket. */
const PUNCT_END = /[\p{P}\p{S}]$/u;

/** What a page shows of its own conventions, measured once over its lines. */
export interface PageStyle {
  /**
   * Whether line ends carry modern punctuation (， 。 ； and the like) that tells a sentence's end
   * from a pause. Old-style pointing (句读) marks every pause with 、 and never a sentence end.
   */
  pointed: boolean;
}

/** Old-style pointing shows as a page of 、 with few ， or 。: counted over the whole text, a verse's ！ or a quoted 。 weighs little. */
export function pageStyle(feats: readonly LineFeat[]): PageStyle {
  let dun = 0;
  let modern = 0;
  for (const f of feats) {
    dun += f.dun;
    modern += f.modern;
  }
  return { pointed: dun < 20 || dun <= 2 * modern };
}
