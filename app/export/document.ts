import { repairText } from '../engine/text-repair.js';
import { withoutContinuations } from '../metadata/continuation.js';
import type { ArticleMetadata } from '../metadata/model.js';
import { articleText } from '../metadata/text.js';
import type { ResolvedMetadata } from '../metadata/resolve.js';
import type { GeometryUnit, PageGeometry } from '../model/geometry.js';
import type { PageAnnotation } from '../model/page.js';
import type { PageSegmentation, SegmentedArticle } from '../model/segmentation.js';

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
  /** Articles the paper ran over two pages: each part and the part it goes on with, by page number. */
  continuations: ContinuationDocument[];
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

export interface ContinuationDocument {
  from: { page: number; article: string };
  to: { page: number; article: string };
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

/** Where an article stands on one page, in the source's own units; `box` is null for a page without geometry. */
export interface ArticlePlacement {
  page: number;
  box: { x: number; y: number; w: number; h: number; unit: GeometryUnit } | null;
}

/** One article with everything the per-article formats write. */
export interface ExportArticle {
  /** The page it starts on. */
  page: PageDocument;
  /** Every part in print order, with its page: one for most articles, more for one continued on another page. */
  parts: { page: PageDocument; article: string }[];
  /** For a continued article, the index in `article.paragraphs` where each later part begins, with its page. */
  breaks: { page: number; paragraph: number }[];
  /** The whole article: a continued one's parts joined in order, without their jump lines (转第2版, 上接第1版). */
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

/**
 * The issue's articles in reading order, page by page. A continued article is one, written where it
 * starts, whole: its later parts follow it and are not written again. Every format reads this, so
 * each writes a continued article the same way.
 */
export function exportArticles(doc: IssueDocument): ExportArticle[] {
  const key = (page: number, article: string) => `${page}:${article}`;
  const next = new Map(doc.continuations.map((c) => [key(c.from.page, c.from.article), c.to]));
  const later = new Set(doc.continuations.map((c) => key(c.to.page, c.to.article)));
  const byKey = new Map(doc.pages.flatMap((page) => page.segmentation.articles.map((article) => [key(page.number, article.id), { page, article }] as const)));
  return doc.pages.flatMap((page) => page.segmentation.articles.flatMap((article, i) => {
    if (later.has(key(page.number, article.id))) return [];
    const resolved = page.metadata.find((m) => m.article === article.id)?.resolved;
    if (!resolved) throw new Error(`page ${page.number} article ${article.id} has no resolved metadata`);
    const parts = [{ page, article }];
    for (let to = next.get(key(page.number, article.id)); to && parts.length <= doc.pages.length; to = next.get(key(to.page, to.article))) {
      const part = byKey.get(key(to.page, to.article));
      if (part) parts.push(part);
    }
    const whole = parts.length === 1 ? article : joinParts(parts.map((p) => p.article));
    const breaks: ExportArticle['breaks'] = [];
    let at = 0;
    for (const [n, p] of parts.entries()) {
      if (n > 0) breaks.push({ page: p.page.number, paragraph: at });
      at += withoutContinuations(p.article.paragraphs).length;
    }
    return [{ page, parts: parts.map((p) => ({ page: p.page, article: p.article.id })), breaks, article: whole, resolved, text: articleText(whole), number: i + 1 }];
  }));
}

/**
 * One article from its parts: the first part's heads, every part's paragraphs and captions in order
 * without the jump lines. Provenance keeps each paragraph's source lines, counted on its own page.
 */
function joinParts(parts: readonly SegmentedArticle[]): SegmentedArticle {
  const first = parts[0]!;
  const paragraphs: string[] = [];
  const provenance: number[][] = [];
  for (const part of parts) {
    for (const [i, p] of part.paragraphs.entries()) {
      const [kept] = withoutContinuations([p]);
      if (kept === undefined) continue;
      paragraphs.push(kept);
      provenance.push(part.provenance.paragraphs[i] ?? []);
    }
  }
  return {
    ...first,
    authors: [...new Set(parts.flatMap((p) => p.authors))],
    signature: parts.findLast((p) => p.signature !== null)?.signature ?? null,
    paragraphs,
    captions: parts.flatMap((p) => p.captions),
    provenance: { paragraphs: provenance, captions: parts.flatMap((p) => p.provenance.captions) },
  };
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
  // a continued article's later paragraphs count their lines on the page they are printed on
  const at = a.breaks.findLast((b) => b.paragraph <= k)?.page;
  const page = a.parts.find((p) => p.page.number === at)?.page ?? a.page;
  const lines = page.annotation.lines;
  const texts = numbers.map((n) => repairText([lines[n - 1]?.text ?? ''], { mode: 'prose' }));
  const column = usualLineLength(page);
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
