import type { SourceArticle } from '../../../app/engine/index.js';
import type { GeometryUnit, LineBox, PageGeometry } from '../../../app/model/geometry.js';

/** A line read from a source with geometry, before it becomes a raw text line. */
export interface SourceLine {
  text: string;
  box: LineBox;
  /** The source's id of the block the line stands in (ALTO's TextBlock ID), for a METS area to name. */
  block?: string | undefined;
}

/** One page as a reader hands it to the import: its raw text and, where known, where each line stands. */
export interface ReadPage {
  text: string;
  /** The text's encoding as stored with the page (`pdf` for a PDF's text layer). */
  encoding: string;
  geometry: PageGeometry | null;
  /** Something the editor should check: the text was read, but not exactly as its bytes said. */
  warning?: string | undefined;
  /** The scan the file names (ALTO's fileName, PAGE's imageFilename, hOCR's image), as the file gives it. */
  imageName?: string | undefined;
  /** Per source block id, the raw line numbers (1-based) of its lines. */
  blocks?: Record<string, number[]> | undefined;
  /** Per article of the source's logical structure (METS), the raw line numbers of its areas. */
  articles?: SourceArticle[] | undefined;
  /** Why a page a many-page file lists could not be read (a METS page whose ALTO is missing). */
  problem?: string | undefined;
}

/** Files beside the one being read, by the name it gives them (relative to its folder). */
export interface Companions {
  /** Null when there is no such file; refused (with the reason) when the name leaves the folder. */
  open(name: string): Promise<{ name: string; size: number; read: () => Promise<Uint8Array> } | null>;
}


/**
 * Raw text and geometry from lines in reading order: one raw line per source line, whitespace
 * runs (justification, tabs) as one space, lines with no text left out. Where the print leaves
 * more room between two lines than its lines do (a paragraph or article gap) or the text goes on
 * in another column, a blank raw line stands between them, as in a text extraction of the page:
 * the engine reads blank lines as such breaks. Blank lines have no box.
 */
export function pageFromLines(lines: readonly SourceLine[], size: { width: number; height: number } | null, unit: GeometryUnit, encoding: string): ReadPage {
  const kept = lines.map((l) => ({ text: l.text.replace(/[\s\u00a0]+/g, ' ').trim(), box: l.box, block: l.block })).filter((l) => l.text !== '');
  const width = size?.width ?? Math.max(1, ...kept.map((l) => l.box.x + l.box.w));
  const height = size?.height ?? Math.max(1, ...kept.map((l) => l.box.y + l.box.h));
  const gapAfter = gapsOf(kept.map((l) => l.box));
  const text: string[] = [];
  const boxes: (LineBox | null)[] = [];
  const blocks: Record<string, number[]> = {};
  kept.forEach((l, i) => {
    if (i > 0 && gapAfter[i - 1]) {
      text.push('');
      boxes.push(null);
    }
    text.push(l.text);
    boxes.push(roundBox(l.box));
    if (l.block !== undefined) (blocks[l.block] ??= []).push(text.length);
  });
  const page: ReadPage = { text: text.join('\n'), encoding, geometry: { width, height, unit, lines: boxes } };
  if (Object.keys(blocks).length > 0) page.blocks = blocks;
  return page;
}

/**
 * Per line, whether a break shows after it on the print: the next line starts another column (it
 * stands above this one, or beside it), or the space between the two is wider than the page's
 * usual space between lines by half a line or more.
 */
function gapsOf(boxes: readonly LineBox[]): boolean[] {
  const spaces: number[] = [];
  const heights: number[] = [];
  for (let i = 0; i + 1 < boxes.length; i++) {
    const a = boxes[i]!;
    const b = boxes[i + 1]!;
    heights.push(a.h);
    if (sameColumn(a, b) && b.y >= a.y) spaces.push(b.y - (a.y + a.h));
  }
  // the usual space is the one between lines of running text; a page of short captions and
  // paragraphs has gaps between most lines, so a low quantile of the spaces finds it, not their median
  const usual = quantile(spaces, 0.25);
  const line = median(heights);
  return boxes.slice(0, -1).map((a, i) => {
    const b = boxes[i + 1]!;
    if (!sameColumn(a, b) || b.y < a.y) return true;
    return b.y - (a.y + a.h) > usual + 0.5 * Math.min(line, a.h, b.h);
  });
}

/** Two lines share a column when they overlap across. */
function sameColumn(a: LineBox, b: LineBox): boolean {
  return Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x);
}

/** The middle value (the upper one of an even count); 0 for none. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The value a share `q` of the values lie below (counted from the lowest); 0 for none. */
function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length * q)]!;
}

function roundBox(b: LineBox): LineBox {
  const r = (n: number) => Math.round(n * 10) / 10;
  const box: LineBox = { x: r(b.x), y: r(b.y), w: r(b.w), h: r(b.h) };
  if (b.fontSize !== undefined) box.fontSize = r(b.fontSize);
  return box;
}

/** The box around a set of points. */
export function boxOfPoints(points: readonly (readonly [number, number])[]): LineBox | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}
