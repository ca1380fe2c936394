import { CHAR_BITS, CHAR_CLASS, endsSentence } from './chars.js';
import { widthSort } from './scratch.js';

const CLS = CHAR_CLASS;
// bundlers turn imported bindings into getters; hot loops read these local copies instead
const { C_CJK, C_CJK_PUNCT, C_LATIN, C_SHARED, C_SPACE } = CHAR_BITS;

/** What the engine measures on one source line, once. */
export interface LineFeat {
  t: string;
  blank: boolean;
  /** Printed width in ems: ideographs 1, squeezed CJK punctuation and Latin characters ½. */
  width: number;
  /** Set in a CJK script (decides widths, joins and tolerances). */
  cjk: boolean;
  final: boolean;
  /** Width of the first word (Latin) or character (CJK): what would have to fit on the line above. */
  head: number;
  /** Code units of the whole line, untrimmed, in the CJK class and in the Latin letter class: what detects the page's profile. */
  cjkUnits: number;
  latinUnits: number;
  /** How many 、 and how many ， or 。 the line holds: what tells old-style pointing from modern (see pageStyle). */
  dun: number;
  modern: number;
}

/**
 * Each code unit's printed width in half ems: an ideograph 2, squeezed CJK punctuation and quotes 1,
 * an ellipsis or a dash 2 (they keep their full em in CJK text), Latin and others 1, a low surrogate
 * 0 (its high surrogate carries the character). Spaces are counted apart, as gaps.
 */
const HALF_EMS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const k = CLS[c]!;
    if (c >= 0xdc00 && c <= 0xdfff) t[c] = 0;
    else if (c === 0x2026 || c === 0x2014) t[c] = 2;
    else if (k & (C_CJK_PUNCT | C_SHARED)) t[c] = 1;
    else t[c] = k & C_CJK ? 2 : 1;
  }
  return t;
})();

export function measure(line: string): LineFeat {
  const cls = CLS;
  const halfEms = HALF_EMS;
  // the trimmed text's bounds; what trim() removes still counts for the profile (an ideographic space is in the CJK class)
  let cjkUnits = 0;
  let latinUnits = 0;
  let start = 0;
  let end = line.length;
  for (; start < end; start++) {
    const k = cls[line.charCodeAt(start)]!;
    if (!(k & C_SPACE)) break;
    if (k & C_CJK) cjkUnits++;
  }
  for (; end > start; end--) {
    const k = cls[line.charCodeAt(end - 1)]!;
    if (!(k & C_SPACE)) break;
    if (k & C_CJK) cjkUnits++;
  }
  let halves = 0;
  let gaps = 0;
  let mixedGaps = 0;
  let cjk = 0;
  let latin = 0;
  let headHalves = 0;
  let dun = 0;
  let modern = 0;
  let inHead = true;
  let prevClass: number = C_SPACE;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    const k = cls[c]!;
    if (k & C_SPACE) {
      if (!(prevClass & C_SPACE)) {
        gaps++;
        // print sets a thin space between CJK and Latin or digits; between two ideographs a gap is only justification
        if (!(prevClass & C_CJK && cls[nextVisible(line, i)]! & C_CJK)) mixedGaps++;
      }
      prevClass = k;
      inHead = false;
      if (k & C_CJK) cjkUnits++;
      continue;
    }
    prevClass = k;
    const h = halfEms[c]!;
    if (k & C_CJK) {
      cjkUnits++;
      if (h === 2) cjk++;
      else if (c === 0x3001) dun++;
      else if (c === 0xff0c || c === 0x3002) modern++;
    } else if (k & C_LATIN) {
      latinUnits++;
      latin++;
    }
    halves += h;
    if (inHead) {
      headHalves += h;
      if (h === 2) inHead = false;
    }
  }
  const t = start === 0 && end === line.length ? line : line.slice(start, end);
  const w = halves / 2;
  const isCjkLine = cjk * 2 >= latin && cjk > 0;
  // spaces are artifacts in CJK lines (justification) but word gaps in Latin ones
  return { t, blank: t === '', width: isCjkLine ? w + mixedGaps * 0.25 : w + gaps * 0.5, cjk: isCjkLine, final: endsSentence(t), head: isCjkLine ? 1 : headHalves / 2, cjkUnits, latinUnits, dun, modern };
}

function nextVisible(t: string, i: number): number {
  while (i < t.length && CLS[t.charCodeAt(i)]! & C_SPACE) i++;
  return i < t.length ? t.charCodeAt(i) : 0;
}

/** A run of non-blank lines between blank lines (or furniture), with its column width. */
export interface Block {
  from: number;
  to: number;
  col: number;
  cjk: boolean;
}

/**
 * Column width of each block: the median line width for justified CJK text (most lines are full,
 * punctuation squeezing makes a few wider), the widest line for ragged Latin text. Blocks of one
 * or two lines say little about their column: they take the width of the nearest measured block.
 */
export function findBlocks(feats: readonly LineFeat[], skip: (i: number) => boolean, opens: (i: number) => boolean): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < feats.length) {
    if (feats[i]!.blank || skip(i)) {
      i++;
      continue;
    }
    let j = i;
    let cjk = 0;
    // a line that opens an article (本报讯, By …) also opens a block: its column may be another one
    while (j + 1 < feats.length && !feats[j + 1]!.blank && !skip(j + 1) && !opens(j + 1)) j++;
    for (let k = i; k <= j; k++) if (feats[k]!.cjk) cjk++;
    const isCjkBlock = cjk * 2 >= j - i + 1;
    blocks.push({ from: i, to: j, col: j - i >= 2 ? blockWidth(feats, i, j, isCjkBlock) : NaN, cjk: isCjkBlock });
    i = j + 1;
  }
  let last = NaN;
  for (const b of blocks) {
    if (Number.isNaN(b.col)) b.col = last;
    else last = b.col;
  }
  last = NaN;
  for (let k = blocks.length - 1; k >= 0; k--) {
    const b = blocks[k]!;
    if (Number.isNaN(b.col)) b.col = Number.isNaN(last) ? ownWidth(feats, b) : last;
    else last = b.col;
  }
  return blocks;
}

function blockWidth(feats: readonly LineFeat[], from: number, to: number, cjk: boolean): number {
  if (!cjk) {
    let w = feats[to]!.width;
    for (let k = from; k < to; k++) w = Math.max(w, feats[k]!.width);
    return w;
  }
  // the median of all lines but the last
  const n = to - from;
  if (n > widthSort.length) {
    const ws = new Float64Array(n);
    for (let k = from; k < to; k++) ws[k - from] = feats[k]!.width;
    return ws.sort()[n >> 1]!;
  }
  // most blocks are short: an insertion sort in a reused array allocates nothing
  const ws = widthSort;
  for (let k = 0; k < n; k++) {
    const w = feats[from + k]!.width;
    let j = k;
    for (; j > 0 && ws[j - 1]! > w; j--) ws[j] = ws[j - 1]!;
    ws[j] = w;
  }
  return ws[n >> 1]!;
}

function ownWidth(feats: readonly LineFeat[], b: Block): number {
  let w = 0;
  for (let k = b.from; k <= b.to; k++) w = Math.max(w, feats[k]!.width);
  return w;
}

/** Whether two column widths are the same column (justified CJK: within an em; Latin: within 15%). */
export function sameColumn(a: number, b: number, cjk: boolean): boolean {
  return cjk ? Math.abs(a - b) <= 1.5 : Math.abs(a - b) <= 0.15 * Math.max(a, b);
}
