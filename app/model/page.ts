/**
 * The domain model of one page: its source lines and the annotation an engine proposes and an
 * editor corrects. Everything else (the cleaned articles, the JSON export, the article pane) is
 * derived from these by pure functions, so the store keeps only what a person or the engine decided.
 */

export const LINE_ROLES = ['headline', 'kicker', 'subheadline', 'byline', 'body', 'caption', 'signature'] as const;
export type LineRole = (typeof LINE_ROLES)[number];

export const FURNITURE_ROLES = ['page-header', 'page-footer', 'slogan', 'advert', 'noise'] as const;
export type FurnitureRole = (typeof FURNITURE_ROLES)[number];

export const GENRES = ['news', 'feature', 'letter', 'photo', 'notice', 'other'] as const;
export type Genre = (typeof GENRES)[number];

export type BreakKind = 'join' | 'paragraph';

/**
 * Why the engine decided something. `rule` is a stable code (the UI translates it), `detail` a short
 * free text taken from the page (a matched cue, a measured width), `confidence` in [0, 1].
 */
export interface Reason {
  rule: string;
  confidence: number;
  detail?: string;
}

/** Where a non-blank line belongs: to one article in one role, or to the page's furniture. */
export type LineLabel =
  | { kind: 'article'; article: string; role: LineRole }
  | { kind: 'furniture'; role: FurnitureRole };

export interface AnnotatedLine {
  /** 1-based line number in the source file as imported. */
  n: number;
  /**
   * Set only when an editor split source line n (two columns merged on one line): its pieces, in
   * order, are parts 1, 2, … of n. Source line numbers never shift, so the raw page stays the key.
   */
  part?: number;
  /** The line's text: as imported, or as an editor corrected it. */
  text: string;
  /** True once an editor changed the text; the original stays in the raw page under line n. */
  edited?: boolean;
  /** null exactly when the line is blank (whitespace only). */
  label: LineLabel | null;
  /**
   * How this line's end continues into the next non-blank line of the same article and role:
   * `join` (one paragraph) or `paragraph` (a paragraph, caption or title part ends here).
   * Ignored for blank lines and furniture.
   */
  brk: BreakKind;
  /**
   * For a line that ends in a hyphen and joins a line starting with a letter: whether the hyphen is
   * part of the word (`keep`, well-known) or a soft hyphen dropped when the word is rejoined
   * (`drop`, news-paper → newspaper). Absent: decided when the text is derived.
   */
  hyphen?: 'keep' | 'drop';
  /** Who decided the label, the break and the hyphen: an engine reason, or `editor` once a person changed it. */
  why: { label?: Reason; brk?: Reason; hyphen?: Reason };
}

export interface ArticleMeta {
  /** Stable within a page ("a1", "a2", … from the engine; editors' new articles get fresh ids). */
  id: string;
  genre: Genre;
  /** Author names only, no role words (通讯员, 记者, By). */
  authors: string[];
  /** Warnings the engine raises for the editor, e.g. `no-title` when the headline did not survive. */
  flags: string[];
  why?: Reason;
}

export interface PageAnnotation {
  lines: AnnotatedLine[];
  /** Articles in reading order. Every article label in `lines` names one of these. */
  articles: ArticleMeta[];
  /** The page header's text when one is found (e.g. 时政凯里). */
  section: string | null;
  /** Detected reading order of headline and body on this page. */
  headlineOrder: 'before' | 'after' | 'unknown';
}
