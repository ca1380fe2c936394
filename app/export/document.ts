import { repairText } from '../engine/text-repair.js';
import type { ArticleMetadata } from '../metadata/model.js';
import { articleText } from '../metadata/text.js';
import type { ResolvedMetadata } from '../metadata/resolve.js';
import type { PageGeometry } from '../model/geometry.js';
import type { PageAnnotation } from '../model/page.js';
import type { PageSegmentation, SegmentedArticle } from '../model/segmentation.js';
import type { ArticlePlacement } from './layout.js';

/**
 * The full-fidelity issue export (`json`), and what every other format is derived from. It holds
 * nothing local to one library (no row ids, no export time), so exporting, importing into another
 * library and exporting again gives the same bytes. schemas/galley-issue.schema.json describes it.
 */
export interface IssueDocument {
  format: 'galley-issue';
  formatVersion: 2;
  publication: { name: string };
  issue: { date: string | null; label: string; createdAt: string };
  pages: PageDocument[];
  /** Every journaled action on these pages, oldest first: the provenance of every change. */
  journal: JournalDocument[];
}

export interface PageDocument {
  /** Position in the issue, 1-based; journal rows name pages by it. */
  number: number;
  file: string;
  sha256: string;
  encoding: string;
  importedAt: string;
  lineCount: number;
  /** The page as imported, never edited: the evidence every decision points back to. */
  rawText: string;
  /** Every line's label, break and hyphen decision with its reason (engine rule or `editor`). */
  annotation: PageAnnotation;
  /** What the annotation renders to, with each paragraph's and caption's source lines. */
  segmentation: PageSegmentation;
  /** One entry per article, in reading order; then metadata of keys the page has no article for. */
  metadata: MetadataDocument[];
  /** Where each raw line stands on the printed page (PDF, ALTO, PAGE-XML, hOCR); null for a page imported as text. */
  geometry: PageGeometry | null;
}

export interface MetadataDocument {
  article: string;
  metadata: ArticleMetadata;
  /** The values with every override applied (absent for an orphan: it has no article to resolve against). */
  resolved?: ResolvedMetadata;
  /** For an orphan only: the text its entity offsets count in. */
  anchoredText?: string;
  /** For an article: the pages it is printed on, with its bounding box on each where the page has geometry. */
  pages?: ArticlePlacement[];
}

export interface JournalDocument {
  /** The page's number in this issue; null for an action on no page. */
  page: number | null;
  op: string;
  payload: unknown;
  inverse: unknown;
  params?: unknown;
  at: string;
  undone: boolean;
  discarded: boolean;
}

/** One article with everything the per-article formats write. */
export interface ExportArticle {
  page: PageDocument;
  article: SegmentedArticle;
  resolved: ResolvedMetadata;
  /** The text entity offsets count in (paragraphs joined by "\n"). */
  text: string;
  /** 1-based position in its page's reading order: what a stable id counts, never the internal key (a6 → a10). */
  number: number;
}

/**
 * An article's id as the paper prints it: publication, issue date, page and place on the page,
 * never the import time or an internal key; the same after a re-import into another library.
 */
export function stableArticleId(doc: IssueDocument, a: ExportArticle): string {
  return `${doc.publication.name}/${doc.issue.date ?? 'undated'}/p${a.page.number}/${a.number}`;
}

/** The issue's articles in reading order, page by page. */
export function exportArticles(doc: IssueDocument): ExportArticle[] {
  return doc.pages.flatMap((page) => page.segmentation.articles.map((article, i) => {
    const resolved = page.metadata.find((m) => m.article === article.id)?.resolved;
    if (!resolved) throw new Error(`page ${page.number} article ${article.id} has no resolved metadata`);
    return { page, article, resolved, text: articleText(article), number: i + 1 };
  }));
}

/** The first and last source line of an article, for a reader going back to the page. */
export function lineRange(article: SegmentedArticle): { from: number; to: number } | null {
  if (article.spans.length === 0) return null;
  return { from: Math.min(...article.spans.map((s) => s.from)), to: Math.max(...article.spans.map((s) => s.to)) };
}

/** A line this much shorter than the page's usual body line ends where the writer ended it. */
const SHORT_LINE = 0.75;

/**
 * The lines of a verse paragraph (body paragraph `k`), or null for prose: a paragraph of several
 * source lines each ending well short of the column is set line by line, as verse is, and its line
 * ends are the author's, which the joined paragraph text loses.
 */
export function verseLines(a: ExportArticle, k: number): string[] | null {
  const numbers = a.article.provenance.paragraphs[k] ?? [];
  if (numbers.length < 2) return null;
  const lines = a.page.annotation.lines;
  const texts = numbers.map((n) => repairText([lines[n - 1]?.text ?? ''], { mode: 'prose' }));
  const column = usualLineLength(a.page);
  return column > 0 && texts.every((t) => [...t].length < column * SHORT_LINE) ? texts : null;
}

const columnCache = new WeakMap<PageDocument, number>();

/** The median length of the page's body lines: how wide its columns run. */
function usualLineLength(page: PageDocument): number {
  let known = columnCache.get(page);
  if (known === undefined) {
    const lengths = page.annotation.lines
      .filter((l) => l.label?.kind === 'article' && l.label.role === 'body')
      .map((l) => [...l.text.trim()].length)
      .sort((x, y) => x - y);
    known = lengths[Math.floor(lengths.length / 2)] ?? 0;
    columnCache.set(page, known);
  }
  return known;
}
