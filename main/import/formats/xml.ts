import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { GalleyError } from '../../../app/errors.js';
import { decodeBytes } from '../encoding.js';

/** One element: local name (namespace prefix dropped), attributes, children in document order. */
export interface XNode {
  tag: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Character data directly inside this element, entities decoded. */
  text: string;
}

/**
 * Parses an XML (or XHTML) page file. A DOCTYPE is refused before parsing: it is how external
 * entities and entity bombs come in, and no page format needs one, so nothing is ever read from
 * disk or network through the file. Entities are decoded here (the predefined five and character
 * references only), never by the parser.
 */
export function parseXml(bytes: Uint8Array, options: { html?: boolean } = {}): XNode {
  const bad = (reason: string) => new GalleyError('BAD_INPUT', `${reason}`);
  const { text } = decodeBytes(bytes);
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(text);
  // hOCR is HTML: an HTML DOCTYPE without an internal subset declares nothing (the DTD it may name is
  // never fetched), so it alone passes; tesseract writes the XHTML 1.0 one.
  if (doctype && !(options.html && /^<!DOCTYPE\s+html\b[^[>]*>/i.test(text.slice(doctype.index, doctype.index + 300)) && !/<!ENTITY/i.test(text))) {
    throw bad('XML with a DOCTYPE or entity declarations is refused (entities could read other files)');
  }
  const body = options.html ? text.replace(/<!DOCTYPE[^>]*>/i, '') : text;
  const valid = XMLValidator.validate(body, { unpairedTags: options.html ? HTML_VOID : [] });
  if (valid !== true) throw bad(`broken XML at line ${valid.err.line}: ${valid.err.msg}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    removeNSPrefix: true,
    unpairedTags: options.html ? HTML_VOID : [],
    stopNodes: options.html ? ['*.script', '*.style'] : [],
  });
  const root = toNodes(parser.parse(body) as RawNode[]).find((n) => n.tag !== '?xml');
  if (!root) throw bad('no root element');
  return root;
}

const HTML_VOID = ['br', 'meta', 'link', 'img', 'hr', 'input', 'col', 'area', 'base', 'wbr'];

type RawNode = Record<string, unknown>;

function toNodes(raw: RawNode[]): XNode[] {
  const out: XNode[] = [];
  for (const item of raw) {
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@' || key === '#text') continue;
      const attrs: Record<string, string> = {};
      for (const [name, v] of Object.entries((item[':@'] ?? {}) as Record<string, unknown>)) attrs[name] = decodeEntities(String(v));
      const kids = Array.isArray(value) ? (value as RawNode[]) : [];
      const text = kids.map((k) => ('#text' in k ? decodeEntities(String(k['#text'])) : '')).join('');
      out.push({ tag: key, attrs, children: toNodes(kids), text });
    }
  }
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[name.toLowerCase()] ?? all;
  });
}

/** Every descendant (and the node itself) with one of the tags, in document order. */
export function descendants(node: XNode, tags: ReadonlySet<string>, into: XNode[] = []): XNode[] {
  if (tags.has(node.tag)) into.push(node);
  for (const child of node.children) descendants(child, tags, into);
  return into;
}

export function child(node: XNode, tag: string): XNode | undefined {
  return node.children.find((c) => c.tag === tag);
}

export function num(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
