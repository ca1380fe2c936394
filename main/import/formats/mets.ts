import { GalleyError } from '../../../app/errors.js';
import type { SourceArticle } from '../../../app/engine/index.js';
import type { Genre } from '../../../app/model/page.js';
import { MAX_PAGE_BYTES, tooLarge } from '../encoding.js';
import { readAlto } from './alto.js';
import type { Companions, ReadPage } from './page-lines.js';
import { descendants, num, parseXml, type XNode } from './xml.js';

interface MetsFile {
  href: string;
  mime: string;
  use: string;
}

/**
 * METS: one page per page of the PHYSICAL structMap, in its order, each read from the ALTO file it
 * points to (by the ALTO reader) with the image it points to as its scan; a LOGICAL structMap's
 * articles (their areas naming ALTO TextBlocks by BEGIN id) become each page's source articles.
 * Files are read only from the METS's folder and below.
 */
export async function readMets(bytes: Uint8Array, companions: Companions): Promise<ReadPage[]> {
  const root = parseXml(bytes);
  if (root.tag !== 'mets') throw new GalleyError('BAD_INPUT', `not METS (root element is <${root.tag}>)`);
  const files = new Map<string, MetsFile>();
  for (const grp of descendants(root, new Set(['fileGrp']))) {
    for (const file of grp.children.filter((c) => c.tag === 'file')) {
      const href = file.children.find((c) => c.tag === 'FLocat')?.attrs.href;
      if (file.attrs.ID && href) files.set(file.attrs.ID, { href, mime: (file.attrs.MIMETYPE ?? '').toLowerCase(), use: (grp.attrs.USE ?? '').toLowerCase() });
    }
  }
  const maps = descendants(root, new Set(['structMap']));
  const physical = maps.find((m) => (m.attrs.TYPE ?? '').toUpperCase() === 'PHYSICAL') ?? maps[0];
  if (!physical) throw new GalleyError('BAD_INPUT', 'METS without a structMap');
  const pageDivs = leafDivs(physical);
  if (pageDivs.length === 0) throw new GalleyError('BAD_INPUT', 'METS whose PHYSICAL structMap points to no files');
  const ordered = pageDivs.every((d) => num(d.attrs.ORDER) !== null)
    ? [...pageDivs].sort((a, b) => num(a.attrs.ORDER)! - num(b.attrs.ORDER)!)
    : pageDivs;
  const logical = maps.find((m) => (m.attrs.TYPE ?? '').toUpperCase() === 'LOGICAL');
  const articles = logical ? logicalArticles(logical) : [];

  const pages: ReadPage[] = [];
  for (const div of ordered) {
    const ids = fileIdsOf(div);
    const text = ids.find((id) => isText(files.get(id)));
    const image = ids.find((id) => isImage(files.get(id)));
    if (text === undefined) {
      pages.push(problemPage(`page ${div.attrs.ORDER ?? pages.length + 1} of the METS points to no ALTO file`));
      continue;
    }
    const href = files.get(text)!.href;
    const opened = await companions.open(href);
    if (!opened) {
      pages.push(problemPage(`${href}, named by the METS, is not beside it`));
      continue;
    }
    if (opened.size > MAX_PAGE_BYTES) {
      pages.push(problemPage(`${href}: ${tooLarge(opened.size)}`));
      continue;
    }
    // a broken or refused ALTO file costs its page, not the other pages
    let page: ReadPage | undefined;
    try {
      [page] = readAlto(await opened.read());
    } catch (err) {
      if (!(err instanceof GalleyError)) throw err;
      pages.push(problemPage(`${href}: ${err.message}`));
      continue;
    }
    if (!page) continue;
    if (image !== undefined) page.imageName = files.get(image)!.href;
    const own = articles
      .map((a): SourceArticle => ({ lines: a.areas.filter((r) => r.file === text).flatMap((r) => page.blocks?.[r.block] ?? []), ...(a.genre && { genre: a.genre }) }))
      .filter((a) => a.lines.length > 0);
    if (own.length > 0) page.articles = own;
    pages.push(page);
  }
  return pages;
}

/** A page the METS lists but that cannot be read: the import reports it and goes on with the others. */
function problemPage(problem: string): ReadPage {
  return { text: '', encoding: 'utf-8', geometry: null, problem };
}

/** Divs that point to files themselves (the pages of a PHYSICAL map), in document order. */
function leafDivs(node: XNode, into: XNode[] = []): XNode[] {
  for (const c of node.children) {
    if (c.tag !== 'div') continue;
    if (c.children.some((k) => k.tag === 'fptr')) into.push(c);
    else leafDivs(c, into);
  }
  return into;
}

function fileIdsOf(div: XNode): string[] {
  const fptrs = div.children.filter((c) => c.tag === 'fptr');
  return fptrs.flatMap((f) => [f.attrs.FILEID, ...descendants(f, new Set(['area'])).map((a) => a.attrs.FILEID)]).filter((id): id is string => id !== undefined);
}

function isText(file: MetsFile | undefined): boolean {
  return !!file && (/xml/.test(file.mime) || /\.(xml|alto)$/i.test(file.href) || /ocr|alto/.test(file.use)) && !file.mime.startsWith('image/');
}

function isImage(file: MetsFile | undefined): boolean {
  return !!file && (file.mime.startsWith('image/') || /\.(jpe?g|png|tiff?|jp2|j2k|jpx)$/i.test(file.href));
}

interface LogicalArticle {
  areas: { file: string; block: string }[];
  genre?: Genre;
}

const GENRE_OF: Record<string, Genre> = { illustration: 'photo', picture: 'photo', photograph: 'photo', advertisement: 'other', letter: 'letter' };

/**
 * The logical map's articles: each div that holds areas itself (through its fptrs), with the areas
 * of its own fptrs; a div of divs (the issue, a section) is only a container.
 */
function logicalArticles(map: XNode): LogicalArticle[] {
  const out: LogicalArticle[] = [];
  const visit = (div: XNode) => {
    const areas = div.children
      .filter((c) => c.tag === 'fptr')
      .flatMap((f) => descendants(f, new Set(['area'])))
      .flatMap((a) => (a.attrs.FILEID && a.attrs.BEGIN ? [{ file: a.attrs.FILEID, block: a.attrs.BEGIN }] : []));
    if (areas.length > 0) {
      const genre = GENRE_OF[(div.attrs.TYPE ?? '').toLowerCase()];
      out.push(genre ? { areas, genre } : { areas });
    }
    for (const c of div.children) if (c.tag === 'div') visit(c);
  };
  for (const c of map.children) if (c.tag === 'div') visit(c);
  return out;
}
