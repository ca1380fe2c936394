import { GalleyError } from '../../../app/errors.js';
import type { GeometryUnit, LineBox } from '../../../app/model/geometry.js';
import { pageFromLines, type ReadPage, type SourceLine } from './page-lines.js';
import { descendants, num, parseXml, type XNode } from './xml.js';

const UNITS: Record<string, GeometryUnit> = { pixel: 'pixel', mm10: 'mm10', inch1200: 'inch1200' };

/**
 * ALTO 1.x–4.x: every TextLine in document order (ALTO's reading order), its Strings joined by
 * single spaces and a HYP kept as a hyphen, with its box and the font size of its text style.
 */
export function readAlto(bytes: Uint8Array): ReadPage[] {
  const root = parseXml(bytes);
  if (root.tag !== 'alto') throw new GalleyError('BAD_INPUT', `not ALTO (root element is <${root.tag}>)`);
  const unitName = (descendants(root, new Set(['MeasurementUnit']))[0]?.text ?? 'pixel').trim();
  const unit = UNITS[unitName];
  if (!unit) throw new GalleyError('BAD_INPUT', `unknown ALTO MeasurementUnit "${unitName}"`);
  const sizes = new Map<string, number>();
  for (const style of descendants(root, new Set(['TextStyle']))) {
    const size = num(style.attrs.FONTSIZE);
    if (style.attrs.ID && size !== null) sizes.set(style.attrs.ID, size);
  }
  const pages = descendants(root, new Set(['Page']));
  if (pages.length === 0) throw new GalleyError('BAD_INPUT', `ALTO without a <Page>`);
  const imageName = descendants(root, new Set(['fileName']))[0]?.text.trim();
  return pages.map((page) => {
    const lines: SourceLine[] = [];
    walk(page, undefined, undefined, sizes, lines);
    const width = num(page.attrs.WIDTH);
    const height = num(page.attrs.HEIGHT);
    const read = pageFromLines(lines, width && height ? { width, height } : null, unit, 'utf-8');
    if (imageName) read.imageName = imageName;
    return read;
  });
}

/** Text style of a block passes down to its lines and strings unless they name their own. */
function walk(node: XNode, inherited: number | undefined, block: string | undefined, sizes: ReadonlyMap<string, number>, into: SourceLine[]): void {
  const own = fontSizeOf(node, sizes) ?? inherited;
  const inBlock = node.tag === 'TextBlock' ? (node.attrs.ID ?? block) : block;
  if (node.tag === 'TextLine') {
    const line = lineOf(node, own, sizes);
    if (line) into.push({ ...line, block: inBlock });
    return;
  }
  for (const c of node.children) walk(c, own, inBlock, sizes, into);
}

function lineOf(line: XNode, fontSize: number | undefined, sizes: ReadonlyMap<string, number>): SourceLine | null {
  const words: string[] = [];
  let size = fontSize;
  for (const c of line.children) {
    if (c.tag === 'String') {
      words.push(c.attrs.CONTENT ?? '');
      size ??= fontSizeOf(c, sizes);
    } else if (c.tag === 'HYP') {
      words[words.length - 1] = `${words[words.length - 1] ?? ''}${hyphen(c.attrs.CONTENT)}`;
    }
  }
  const box = boxOf(line);
  if (!box) return null;
  if (size !== undefined) box.fontSize = size;
  return { text: words.join(' '), box };
}

function hyphen(content: string | undefined): string {
  // ¬ and the soft hyphen are how OCR marks a word broken at the line end; the engine reads '-'.
  return content === undefined || content === '¬' || content === '\u00ad' || content === '' ? '-' : content;
}

function boxOf(node: XNode): LineBox | null {
  const x = num(node.attrs.HPOS);
  const y = num(node.attrs.VPOS);
  const w = num(node.attrs.WIDTH);
  const h = num(node.attrs.HEIGHT);
  return x === null || y === null || w === null || h === null ? null : { x, y, w, h };
}

function fontSizeOf(node: XNode, sizes: ReadonlyMap<string, number>): number | undefined {
  for (const id of (node.attrs.STYLEREFS ?? '').split(/\s+/)) {
    const size = sizes.get(id);
    if (size !== undefined) return size;
  }
  return undefined;
}
