import type { GeometryUnit, LineBox } from '../model/geometry.js';
import type { AnnotatedLine } from '../model/page.js';
import type { ArticlePlacement, PageDocument } from './document.js';
import { xmlName } from './xml.js';

/**
 * A page as the archive formats (ALTO, PAGE-XML, METS) lay it out: blocks of lines in reading
 * order, each block one part of one article (a headline, a paragraph, a caption…) or one run of
 * furniture, every line with a box in whole pixels. The blocks follow the corrected annotation, so
 * an archive gets the editor's article structure, not the OCR's.
 */

/** A box in whole pixels, origin at the page's top left. */
export interface PixelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutLine {
  /** An XML ID, unique in the issue: `P1_L12` (`P1_L12_2` for the second part of a split line). */
  id: string;
  n: number;
  text: string;
  /** True once an editor corrected the line's text. */
  edited: boolean;
  box: PixelBox;
}

export interface LayoutBlock {
  /** An XML ID, unique in the issue: `P1_A2_B3` (article 2's third block) or `P1_F1` (furniture). */
  id: string;
  /** The article's id in the page (`a3`), null for furniture. */
  article: string | null;
  /** The article's 1-based place in the page's reading order; null for furniture. */
  articleNumber: number | null;
  /** The line role (headline, body, caption…) or the furniture role (page-header…). */
  role: string;
  lines: LayoutLine[];
  box: PixelBox;
}

/** Each article's blocks, by the article's 1-based number in the page, in reading order. */
export function blocksByArticle(blocks: readonly LayoutBlock[]): Map<number, LayoutBlock[]> {
  const byArticle = new Map<number, LayoutBlock[]>();
  for (const b of blocks) if (b.articleNumber !== null) byArticle.set(b.articleNumber, [...(byArticle.get(b.articleNumber) ?? []), b]);
  return byArticle;
}

export interface PageLayout {
  /** `P1`: the page's XML ID. */
  id: string;
  number: number;
  width: number;
  height: number;
  /** True when the boxes are the source's (PDF, ALTO, PAGE-XML, hOCR); false when made up from line numbers. */
  measured: boolean;
  blocks: LayoutBlock[];
}

/** Pixels per unit at 300 dpi, the resolution archives scan newspapers at. */
const PIXELS_PER: Record<GeometryUnit, number> = { pixel: 1, pt: 300 / 72, mm10: 300 / 254, inch1200: 300 / 1200 };

/** A text page's made-up boxes: an A4 sheet at 300 dpi, one line every 40 pixels, 30 pixels a character. */
const SYNTHETIC = { width: 2480, margin: 100, pitch: 40, lineHeight: 32, charWidth: 30 } as const;

export function pageLayout(page: PageDocument): PageLayout {
  const pageId = `P${page.number}`;
  const geometry = page.geometry ?? null;
  const scale = geometry ? PIXELS_PER[geometry.unit] : 1;
  const width = geometry ? Math.max(1, Math.round(geometry.width * scale)) : SYNTHETIC.width;
  const height = geometry ? Math.max(1, Math.round(geometry.height * scale)) : SYNTHETIC.margin * 2 + Math.max(1, page.lineCount) * SYNTHETIC.pitch;
  const numbers = new Map(page.segmentation.articles.map((a, i) => [a.id, i + 1]));
  page.annotation.articles.forEach((a) => { if (!numbers.has(a.id)) numbers.set(a.id, numbers.size + 1); });
  const partsOf = new Map<number, number>();
  for (const l of page.annotation.lines) partsOf.set(l.n, Math.max(partsOf.get(l.n) ?? 0, l.part ?? 1));

  const lineBox = (line: AnnotatedLine): PixelBox => {
    const source = geometry?.lines[line.n - 1];
    const whole = source ? scaled(source, scale) : synthetic(line);
    const parts = partsOf.get(line.n) ?? 1;
    if (parts === 1) return whole;
    // A split line (two columns run together) shares its source box: each part takes its share of the width.
    const w = Math.max(1, Math.floor(whole.w / parts));
    return { x: whole.x + w * ((line.part ?? 1) - 1), y: whole.y, w, h: whole.h };
  };

  const blocks: (LayoutBlock & { key: string })[] = [];
  const blockCount = new Map<string, number>();
  let current: (LayoutBlock & { key: string }) | null = null;
  let closed = false;
  for (const line of page.annotation.lines) {
    if (!line.label || line.text.trim() === '') continue;
    const label = line.label;
    const key = label.kind === 'article' ? `a:${label.article}:${label.role}` : `f:${label.role}`;
    if (!current || current.key !== key || closed) {
      const articleNumber = label.kind === 'article' ? (numbers.get(label.article) ?? null) : null;
      const owner = label.kind === 'article' ? `${pageId}_A${articleNumber ?? xmlName(label.article)}` : `${pageId}_F`;
      const k = (blockCount.get(owner) ?? 0) + 1;
      blockCount.set(owner, k);
      current = {
        key, id: label.kind === 'article' ? `${owner}_B${k}` : `${owner}${k}`,
        article: label.kind === 'article' ? label.article : null, articleNumber,
        role: label.role, lines: [], box: { x: 0, y: 0, w: 0, h: 0 },
      };
      blocks.push(current);
    }
    current.lines.push({
      id: `${pageId}_L${line.n}${line.part === undefined ? '' : `_${line.part}`}`,
      n: line.n, text: line.text.trim(), edited: line.edited === true, box: lineBox(line),
    });
    // A paragraph, caption or title part ends at a `paragraph` break: the next line starts a block.
    closed = label.kind === 'article' && line.brk === 'paragraph';
  }
  return {
    id: pageId, number: page.number, width, height, measured: geometry !== null,
    blocks: blocks.map(({ key: _key, ...b }) => ({ ...b, box: union(b.lines.map((l) => l.box)) })),
  };
}

/** The smallest box holding all of `boxes` (a loop, not Math.min(...): a block may hold a whole 100,000-line page). */
function union<B extends PixelBox>(boxes: readonly B[]): PixelBox {
  if (boxes.length === 0) return { x: 0, y: 0, w: 1, h: 1 };
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.w);
    bottom = Math.max(bottom, b.y + b.h);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}

function scaled(b: LineBox, scale: number): PixelBox {
  const x = Math.max(0, Math.round(b.x * scale));
  const y = Math.max(0, Math.round(b.y * scale));
  return { x, y, w: Math.max(1, Math.round((b.x + b.w) * scale) - x), h: Math.max(1, Math.round((b.y + b.h) * scale) - y) };
}

function synthetic(line: AnnotatedLine): PixelBox {
  const chars = [...line.text.trim()].length;
  return {
    x: SYNTHETIC.margin, y: SYNTHETIC.margin + (line.n - 1) * SYNTHETIC.pitch,
    w: Math.min(SYNTHETIC.width - 2 * SYNTHETIC.margin, Math.max(1, chars) * SYNTHETIC.charWidth), h: SYNTHETIC.lineHeight,
  };
}


/** The pages an article is printed on and its bounding box on each, where the source gave line boxes. */
export function articlePlacement(page: Pick<PageDocument, 'number' | 'annotation' | 'geometry'>, articleId: string): ArticlePlacement[] {
  const geometry = page.geometry ?? null;
  if (!geometry) return [{ page: page.number, box: null }];
  const boxes = page.annotation.lines
    .filter((l) => l.label?.kind === 'article' && l.label.article === articleId)
    .map((l) => geometry.lines[l.n - 1])
    .filter((b): b is LineBox => b !== null && b !== undefined);
  if (boxes.length === 0) return [{ page: page.number, box: null }];
  const b = union(boxes);
  const round = (v: number) => Math.round(v * 100) / 100;
  return [{ page: page.number, box: { x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h), unit: geometry.unit } }];
}
