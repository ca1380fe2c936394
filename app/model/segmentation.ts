import type { FurnitureRole, Genre, LineRole } from './page.js';

/**
 * The page segmentation JSON (docs/segmentation-format.md): what `galley segment --json` prints,
 * what the scorer reads, and what every article carries in an issue export.
 */

export interface SegmentSpan<R extends string = LineRole> {
  role: R;
  /** 1-based, inclusive, source line numbers. Blank lines inside a span belong to nothing. */
  from: number;
  to: number;
}

export interface SegmentedArticle {
  id: string;
  genre: Genre;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  authors: string[];
  /** A byline printed on a line of its own; null when it sits in the first paragraph. */
  byline: string | null;
  /** A closing signature block (letters, notices); null when there is none. */
  signature: string | null;
  spans: SegmentSpan[];
  paragraphs: string[];
  captions: string[];
  /** Engine or editor warnings, e.g. `no-title`. */
  flags: string[];
  /** The source line numbers each paragraph and caption was joined from, in order. */
  provenance: { paragraphs: number[][]; captions: number[][] };
}

export interface PageSegmentation {
  source: { file: string; sha256: string; lines: number };
  section: string | null;
  furniture: SegmentSpan<FurnitureRole>[];
  articles: SegmentedArticle[];
}
