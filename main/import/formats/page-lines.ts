import type { GeometryUnit, LineBox, PageGeometry } from '../../../app/model/geometry.js';

/** A line read from a source with geometry, before it becomes a raw text line. */
export interface SourceLine {
  text: string;
  box: LineBox;
}

/** One page as a reader hands it to the import: its raw text and, where known, where each line stands. */
export interface ReadPage {
  text: string;
  /** The text's encoding as stored with the page (`pdf` for a PDF's text layer). */
  encoding: string;
  geometry: PageGeometry | null;
  /** Something the editor should check: the text was read, but not exactly as its bytes said. */
  warning?: string | undefined;
}

/**
 * Raw text and geometry from lines in reading order: one raw line per source line, whitespace
 * runs (justification, tabs) as one space, lines with no text left out so the two stay aligned.
 */
export function pageFromLines(lines: readonly SourceLine[], size: { width: number; height: number } | null, unit: GeometryUnit, encoding: string): ReadPage {
  const kept = lines.map((l) => ({ text: l.text.replace(/[\s\u00a0]+/g, ' ').trim(), box: l.box })).filter((l) => l.text !== '');
  const width = size?.width ?? Math.max(1, ...kept.map((l) => l.box.x + l.box.w));
  const height = size?.height ?? Math.max(1, ...kept.map((l) => l.box.y + l.box.h));
  return {
    text: kept.map((l) => l.text).join('\n'),
    encoding,
    geometry: { width, height, unit, lines: kept.map((l) => roundBox(l.box)) },
  };
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
