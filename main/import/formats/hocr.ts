import { GalleyError } from '../../../app/errors.js';
import type { LineBox } from '../../../app/model/geometry.js';
import { pageFromLines, type ReadPage, type SourceLine } from './page-lines.js';
import { descendants, parseXml, type XNode } from './xml.js';

const LINE_CLASSES = ['ocr_line', 'ocrx_line', 'ocr_header', 'ocr_caption', 'ocr_textfloat'];

/** hOCR: one page per ocr_page, its lines (ocr_line and kin) in document order with bbox and x_size. */
export function readHocr(bytes: Uint8Array): ReadPage[] {
  const root = parseXml(bytes, { html: true });
  const all = descendants(root, new Set(['div', 'span', 'p', 'body']));
  const pages = all.filter((n) => hasClass(n, 'ocr_page'));
  if (pages.length === 0) throw new GalleyError('BAD_INPUT', `not hOCR (no element of class ocr_page)`);
  return pages.map((page) => {
    const lines: SourceLine[] = [];
    collect(page, lines);
    const size = bboxOf(page);
    const read = pageFromLines(lines, size ? { width: size.x + size.w, height: size.y + size.h } : null, 'pixel', 'utf-8');
    const image = /image\s+"([^"]+)"/.exec(page.attrs.title ?? '');
    if (image) read.imageName = image[1];
    return read;
  });
}

function collect(node: XNode, into: SourceLine[]): void {
  for (const c of node.children) {
    if (LINE_CLASSES.some((k) => hasClass(c, k))) {
      const box = bboxOf(c);
      if (box) {
        const size = /x_size\s+([\d.]+)/.exec(c.attrs.title ?? '');
        if (size) box.fontSize = Number(size[1]);
        into.push({ text: textOf(c), box });
      }
    } else {
      collect(c, into);
    }
  }
}

function textOf(node: XNode): string {
  const words = descendants(node, new Set(['span'])).filter((n) => hasClass(n, 'ocrx_word'));
  if (words.length) return words.map(allText).join(' ');
  return allText(node);
}

function allText(node: XNode): string {
  return node.text + node.children.map(allText).join('');
}

function hasClass(node: XNode, name: string): boolean {
  return (node.attrs.class ?? '').split(/\s+/).includes(name);
}

function bboxOf(node: XNode): LineBox | null {
  const m = /bbox\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)/.exec(node.attrs.title ?? '');
  if (!m) return null;
  const [x0, y0, x1, y1] = m.slice(1).map(Number) as [number, number, number, number];
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
