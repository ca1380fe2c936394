/**
 * Where a page's lines stand on the printed page, when the source says so (PDF, ALTO, PAGE-XML,
 * hOCR). Kept beside the raw text: line n of the raw text is `lines[n - 1]`.
 */

/** The units the source measured in; boxes and the page size share them, so only ratios matter. */
export const GEOMETRY_UNITS = ['pt', 'pixel', 'mm10', 'inch1200'] as const;
export type GeometryUnit = (typeof GEOMETRY_UNITS)[number];

/**
 * A line's box, origin at the page's top left. `fontSize` as the source gives it (points in PDF and
 * ALTO, the x-height in pixels in hOCR): compare it within a page.
 */
export interface LineBox {
  x: number;
  y: number;
  w: number;
  h: number;
  fontSize?: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  unit: GeometryUnit;
  /** One entry per raw line; null for a line the source gave no box (none do today). */
  lines: (LineBox | null)[];
}

/** A page's printed form as the renderer can draw it. */
export interface PageSourceView {
  geometry: PageGeometry;
  /** The PDF the page came from (fetched once per source by `pages:pdf`) and its 0-based page. */
  pdf: { sourceId: number; pageIndex: number } | null;
  /** The scan stored with an XML page (fetched by `import:pageImage`), drawn under its line boxes. */
  image: { mime: string; width: number; height: number } | null;
}
