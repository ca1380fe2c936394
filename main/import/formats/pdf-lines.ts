import { median, type SourceLine } from './page-lines.js';

/** A run of text as a PDF draws it, in top-left page coordinates (points). */
export interface TextRun {
  str: string;
  x: number;
  /** Top of the run's em box. */
  y: number;
  w: number;
  h: number;
  size: number;
}

/**
 * Lines in reading order from a page's text runs, by recursive XY-cut: a block splits first at
 * wide white bands across it (a masthead above the columns), then at column gutters, then at
 * narrower bands; what no longer splits is read row by row. Columns are thus read one after the
 * other instead of interleaved, and the gaps between runs of one line (word spacing,
 * justification) become single spaces.
 */
export function linesFromRuns(runs: readonly TextRun[]): SourceLine[] {
  const kept = runs.filter((r) => r.str.trim() !== '' && r.w >= 0 && r.h > 0 && Number.isFinite(r.x + r.y + r.w + r.h));
  if (kept.length === 0) return [];
  const em = median(kept.map((r) => r.size));
  const out: SourceLine[] = [];
  cut(kept, em, out);
  return out;
}

function cut(runs: TextRun[], em: number, out: SourceLine[]): void {
  const wide = splitAtBands(runs, em, WIDE_BAND_EM);
  const parts = (wide && shortColumns(runs, wide, em)) ?? wide ?? splitAtGutters(runs, em) ?? splitAtBands(runs, em, BAND_EM);
  if (parts) for (const part of parts) cut(part, em, out);
  else out.push(...rows(runs, em));
}

/**
 * The columns of a block, each whole, when a white band across it is only there because a column
 * ended early (or started late): the text below the band goes on in that column, so columns read
 * one after the other. Where every column has text on both sides of each band, the band parts two
 * stacked regions (one story's columns above another's) and is kept.
 */
function shortColumns(runs: TextRun[], bands: readonly TextRun[][], em: number): TextRun[][] | null {
  const columns = cleanGutters(runs, em);
  if (!columns) return null;
  for (let k = 1; k < bands.length; k++) {
    const y = Math.min(...bands[k]!.map((r) => r.y));
    if (columns.some((c) => c.every((r) => r.y >= y) || c.every((r) => r.y < y))) return columns;
  }
  return null;
}

/** Groups runs whose [lo, hi) spans overlap or lie closer than `gap`, in order of `lo`. */
function groups(runs: TextRun[], lo: (r: TextRun) => number, hi: (r: TextRun) => number, gap: number): TextRun[][] {
  const sorted = [...runs].sort((a, b) => lo(a) - lo(b));
  const out: TextRun[][] = [];
  let current: TextRun[] = [];
  let end = -Infinity;
  for (const r of sorted) {
    if (current.length && lo(r) - end >= gap) {
      out.push(current);
      current = [];
    }
    current.push(r);
    end = Math.max(end, hi(r));
  }
  if (current.length) out.push(current);
  return out;
}

function splitAtGutters(runs: TextRun[], em: number): TextRun[][] | null {
  return cleanGutters(runs, em) ?? scannedGutters(runs, em);
}

/** Gutters no run crosses (born-digital pages). */
function cleanGutters(runs: TextRun[], em: number): TextRun[][] | null {
  const parts = groups(runs, (r) => r.x, (r) => r.x + r.w, GUTTER_EM * em);
  if (parts.length < 2) return null;
  // A gap beside a single line is a wide word space (a headline), not a gutter between columns;
  // but beside two lines or more, no headline spaces its words as wide as WIDE_GUTTER_EM: that is
  // white beside a column's last lines.
  const columns: TextRun[][] = [];
  for (const part of parts) {
    const last = columns[columns.length - 1];
    const gap = last ? Math.min(...part.map((r) => r.x)) - Math.max(...last.map((r) => r.x + r.w)) : 0;
    const few = (lines: number) => last !== undefined && (!severalRows(last, em, lines) || !severalRows(part, em, lines));
    if (last && (few(1.5) || (gap < WIDE_GUTTER_EM * em && few(2.5)))) last.push(...part);
    else columns.push([...part]);
  }
  return columns.length >= 2 ? columns : null;
}

/**
 * Gutters of a scan's OCR layer, where word boxes are loose and a few cross between columns: a
 * strip (in half-em bins) that the runs, each trimmed by up to half an em at both ends, cover at
 * most a tenth as often as the block's typical column, with several lines of text on each side.
 * Runs go to the side their middle is on.
 */
function scannedGutters(runs: TextRun[], em: number): TextRun[][] | null {
  const bin = em / 2;
  const x0 = Math.min(...runs.map((r) => r.x));
  const x1 = Math.max(...runs.map((r) => r.x + r.w));
  const counts = new Array<number>(Math.ceil((x1 - x0) / bin) + 1).fill(0);
  for (const r of runs) {
    const trim = Math.min(0.5 * em, r.w / 4);
    const from = Math.floor((r.x + trim - x0) / bin);
    const to = Math.min(counts.length - 1, Math.floor((r.x + r.w - trim - x0) / bin));
    for (let i = Math.max(0, from); i <= to; i++) counts[i] = (counts[i] ?? 0) + 1;
  }
  const typical = median(counts.filter((c) => c > 0));
  if (typical < 8) return null;
  const low = (i: number) => (counts[i] ?? 0) <= SCAN_GUTTER_SHARE * typical;
  const cuts: number[] = [];
  for (let i = 1; i < counts.length - 1; i++) {
    if (!low(i) || low(i - 1)) continue;
    let j = i;
    while (j + 1 < counts.length && low(j + 1)) j++;
    if (j < counts.length - 1) cuts.push(x0 + ((i + j + 1) / 2) * bin);
    i = j;
  }
  if (cuts.length === 0) return null;
  const columns: TextRun[][] = cuts.map(() => []).concat([[]]);
  for (const r of runs) {
    const mid = r.x + r.w / 2;
    const k = cuts.findIndex((c) => mid < c);
    columns[k === -1 ? cuts.length : k]?.push(r);
  }
  const kept = columns.filter((c) => c.length > 0);
  return kept.length >= 2 && kept.every((c) => severalRows(c, em, 4)) ? kept : null;
}

function splitAtBands(runs: TextRun[], em: number, gapEm: number): TextRun[][] | null {
  const bands = groups(runs, (r) => r.y, (r) => r.y + r.h, gapEm * em);
  return bands.length >= 2 ? bands : null;
}

function severalRows(runs: readonly TextRun[], em: number, lines: number): boolean {
  const top = Math.min(...runs.map((r) => r.y));
  const bottom = Math.max(...runs.map((r) => r.y + r.h));
  return bottom - top >= lines * Math.min(em, median(runs.map((r) => r.h)));
}

/** Rows of a block that no longer splits: runs whose vertical middles agree, read left to right. */
function rows(runs: TextRun[], em: number): SourceLine[] {
  const sorted = [...runs].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2));
  const rowsOut: TextRun[][] = [];
  for (const r of sorted) {
    const row = rowsOut[rowsOut.length - 1];
    const mid = r.y + r.h / 2;
    if (row && Math.abs(mid - middle(row)) < 0.5 * Math.min(r.h, median(row.map((x) => x.h)))) row.push(r);
    else rowsOut.push([r]);
  }
  return rowsOut.map((row) => lineOf(row, em));
}

function middle(row: readonly TextRun[]): number {
  return median(row.map((r) => r.y + r.h / 2));
}

function lineOf(row: TextRun[], em: number): SourceLine {
  const runs = [...row].sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  for (const r of runs) {
    // U+0000 is a glyph the PDF names no character for (a font fallback without a Unicode map): kept
    // as U+FFFD so the editor sees that a character stands there; other control characters are dropped.
    const str = r.str.replace(/\s+/g, ' ').replace(/\0/g, UNNAMED).replace(/\p{Cc}/gu, '');
    const gap = r.x - end;
    // Chinese and Japanese set no spaces: beside a CJK character only a real gap is one.
    const cjk = CJK.test(text.slice(-1)) || CJK.test(str.charAt(0));
    const space = (cjk ? CJK_SPACE_EM : SPACE_EM) * Math.min(r.size, em * 4);
    if (text !== '' && gap > space && !text.endsWith(' ') && !str.startsWith(' ')) text += ' ';
    text += str;
    end = Math.max(end, r.x + r.w);
  }
  const x = Math.min(...runs.map((r) => r.x));
  const y = Math.min(...runs.map((r) => r.y));
  // The line's size is the size most of its characters are set in.
  const bySize = new Map<number, number>();
  for (const r of runs) bySize.set(r.size, (bySize.get(r.size) ?? 0) + r.str.length);
  const fontSize = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? em;
  return {
    text: radicalsAsIdeographs(text.trim()),
    box: { x, y, w: Math.max(...runs.map((r) => r.x + r.w)) - x, h: Math.max(...runs.map((r) => r.y + r.h)) - y, fontSize },
  };
}

/**
 * Fonts often map CJK glyphs to the Kangxi radicals block (⾥ U+2F65 for 里 U+91CC) in a PDF's text
 * layer; those characters are read as the ideographs they look like, and a two- or three-em dash
 * glyph as the em dashes it stands for. Nothing else is changed.
 */
function radicalsAsIdeographs(text: string): string {
  // a Chinese dash (——) is set as one two-em glyph that the text layer names ⸺: read as typed
  return text.replace(/[\u2e80-\u2fdf]/g, (c) => RADICALS[c] ?? c.normalize('NFKC')).replace(/\u2e3a/g, '——').replace(/\u2e3b/g, '———');
}

/** Radicals-supplement forms used as whole characters (Unicode gives them no decomposition). */
const RADICALS: Record<string, string> = {
  '⺠': '民', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻐': '钅', '⻑': '長', '⻓': '长', '⻔': '门', '⻗': '雨',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻁': '虎', '⻄': '西', '⻯': '龍', '⻱': '龜', '⺟': '母',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};


/** Column gutters are at least this many ems of white; word spaces in justified text are less. */
const GUTTER_EM = 1;
/** White this wide between runs is a gutter even beside a single line. */
const WIDE_GUTTER_EM = 4;
/** White between stacked blocks; the leading between rows of text is less. */
const BAND_EM = 0.45;
/** White across a whole block that parts regions (a masthead from the columns below it). */
const WIDE_BAND_EM = 1.2;
/** A scan's gutter is covered at most this share as often as its columns are. */
const SCAN_GUTTER_SHARE = 0.12;
/** A gap between runs wider than this is a word space. */
const SPACE_EM = 0.15;
/** Beside a CJK character, a gap is a space only from this width on (a space set in a CJK font is wider). */
const CJK_SPACE_EM = 0.2;
/** What stands for a glyph whose character the PDF does not name. */
export const UNNAMED = '\uFFFD';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
