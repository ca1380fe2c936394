import { GalleyError } from '../../../app/errors.js';
import { boxOfPoints, pageFromLines, type ReadPage, type SourceLine } from './page-lines.js';
import { child, descendants, num, parseXml, type XNode } from './xml.js';

/**
 * PAGE-XML (2010–2019): text regions in the ReadingOrder where the file has one (document order
 * otherwise), each region's TextLines in document order, a line's own TextEquiv as its text.
 */
export function readPageXml(bytes: Uint8Array): ReadPage[] {
  const root = parseXml(bytes);
  if (root.tag !== 'PcGts') throw new GalleyError('BAD_INPUT', `not PAGE-XML (root element is <${root.tag}>)`);
  const page = child(root, 'Page');
  if (!page) throw new GalleyError('BAD_INPUT', `PAGE-XML without a <Page>`);
  const regions = inReadingOrder(page, descendants(page, new Set(['TextRegion'])));
  const lines: SourceLine[] = [];
  for (const region of regions) {
    for (const line of region.children.filter((c) => c.tag === 'TextLine')) {
      const box = boxOfPoints(pointsOf(line));
      const text = unicodeOf(line);
      if (box && text !== null) lines.push({ text, box });
    }
  }
  const width = num(page.attrs.imageWidth);
  const height = num(page.attrs.imageHeight);
  const read = pageFromLines(lines, width && height ? { width, height } : null, 'pixel', 'utf-8');
  if (page.attrs.imageFilename) read.imageName = page.attrs.imageFilename;
  return [read];
}

function inReadingOrder(page: XNode, regions: XNode[]): XNode[] {
  const order = child(page, 'ReadingOrder');
  if (!order) return regions;
  const refs = descendants(order, new Set(['RegionRefIndexed', 'RegionRef']));
  const rank = new Map<string, number>();
  refs.forEach((ref, i) => {
    const id = ref.attrs.regionRef;
    if (id !== undefined && !rank.has(id)) rank.set(id, ref.tag === 'RegionRefIndexed' ? num(ref.attrs.index) ?? i : i);
  });
  // Regions the order leaves out keep their document position after the ordered ones.
  return regions
    .map((region, i) => ({ region, key: rank.get(region.attrs.id ?? '') ?? Number.MAX_SAFE_INTEGER, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((r) => r.region);
}

function pointsOf(line: XNode): [number, number][] {
  const coords = child(line, 'Coords');
  if (!coords) return [];
  if (coords.attrs.points !== undefined) {
    return coords.attrs.points.trim().split(/\s+/).map((p) => p.split(',').map(Number) as [number, number]).filter((p) => p.length === 2 && p.every(Number.isFinite));
  }
  // PAGE 2010 wrote <Point x= y=/> children.
  return coords.children.filter((c) => c.tag === 'Point').map((p) => [num(p.attrs.x) ?? NaN, num(p.attrs.y) ?? NaN] as [number, number]).filter((p) => p.every(Number.isFinite));
}

function unicodeOf(line: XNode): string | null {
  const equivs = line.children.filter((c) => c.tag === 'TextEquiv');
  // Several readings: index 1 (or the first) is the primary one.
  const equiv = equivs.find((e) => e.attrs.index === '1') ?? equivs[0];
  if (equiv) return child(equiv, 'Unicode')?.text ?? '';
  const words = line.children.filter((c) => c.tag === 'Word').map((w) => unicodeOf(w) ?? '');
  return words.length ? words.join(' ') : null;
}
