import { GalleyError } from '../../app/errors.js';
import { IMPORT_EXTENSIONS, PAGE_FORMAT_EXTENSIONS, type PageFormat } from '../../app/model/page-formats.js';

export type { PageFormat };
export { IMPORT_EXTENSIONS };
import { readAlto } from './formats/alto.js';
import { readHocr } from './formats/hocr.js';
import { readMets } from './formats/mets.js';
import type { Companions, ReadPage } from './formats/page-lines.js';
import { readPageXml } from './formats/page-xml.js';
import { readPdf } from './formats/pdf.js';
import { decodeBytes, MAX_PAGE_BYTES, tooLarge } from './encoding.js';


/** What one file holds: its pages in order, and for a PDF the bytes kept so the page can be drawn. */
export interface ReadFile {
  pages: ReadPage[];
  pdf?: Uint8Array;
}

export interface PageReader {
  /** Shown in the open dialog's filter. */
  label: string;
  /** Lower case, without the dot; the folder scan, the dialog and the CLI read these. */
  extensions: readonly string[];
  /** For an extension two formats share (.xml): whether the file's start is this format's. */
  claims?: (head: string) => boolean;
  /** Larger files are refused from their size alone, before they are read. */
  maxBytes: number;
  /** `companions`: the files beside this one (a METS reads the ALTO files and scans it names). */
  read(bytes: Uint8Array, companions: Companions): Promise<ReadFile>;
}

/** A PDF issue holds every page and its scans, so it may be far larger than one text page. */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;

/** Every format Galley imports; a new one is a row here (the compiler asks for every PageFormat). */
export const PAGE_FORMATS = {
  text: {
    label: 'Page text',
    extensions: PAGE_FORMAT_EXTENSIONS.text,
    maxBytes: MAX_PAGE_BYTES,
    read: async (bytes) => {
      const { text, encoding, warning } = decodeBytes(bytes);
      return { pages: [{ text, encoding, geometry: null, warning }] };
    },
  },
  alto: {
    label: 'ALTO',
    extensions: PAGE_FORMAT_EXTENSIONS.alto,
    claims: (head) => /<(\w+:)?alto[\s>]/.test(head),
    maxBytes: MAX_PAGE_BYTES,
    read: async (bytes) => ({ pages: readAlto(bytes) }),
  },
  'page-xml': {
    label: 'PAGE-XML',
    extensions: PAGE_FORMAT_EXTENSIONS['page-xml'],
    claims: (head) => /<(\w+:)?PcGts[\s>]/.test(head),
    maxBytes: MAX_PAGE_BYTES,
    read: async (bytes) => ({ pages: readPageXml(bytes) }),
  },
  hocr: {
    label: 'hOCR',
    extensions: PAGE_FORMAT_EXTENSIONS.hocr,
    claims: (head) => /ocr_page|ocr-system|ocr-capabilities/.test(head),
    maxBytes: MAX_PAGE_BYTES,
    read: async (bytes) => ({ pages: readHocr(bytes) }),
  },
  pdf: {
    label: 'PDF',
    extensions: PAGE_FORMAT_EXTENSIONS.pdf,
    maxBytes: MAX_PDF_BYTES,
    read: async (bytes) => ({ pages: await readPdf(bytes), pdf: bytes }),
  },
  mets: {
    label: 'METS',
    extensions: PAGE_FORMAT_EXTENSIONS.mets,
    claims: isMets,
    maxBytes: MAX_PAGE_BYTES,
    read: async (bytes, companions) => ({ pages: await readMets(bytes, companions) }),
  },
} as const satisfies Record<PageFormat, PageReader>;

const READERS: readonly [PageFormat, PageReader][] = Object.entries(PAGE_FORMATS) as [PageFormat, PageReader][];


export function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? (m[1] ?? '').toLowerCase() : '';
}

export function isImportable(name: string): boolean {
  return IMPORT_EXTENSIONS.includes(extensionOf(name));
}

/** The largest file any format of this name's extension takes (a .xml may be ALTO or PAGE). */
export function maxBytesFor(name: string): number {
  const fitting = READERS.filter(([, r]) => r.extensions.includes(extensionOf(name))).map(([, r]) => r.maxBytes);
  return fitting.length ? Math.max(...fitting) : MAX_PAGE_BYTES;
}

/**
 * The format of a file from its extension and, where the extension is shared, its first bytes;
 * a file whose extension no format knows is read as text (as before there were formats).
 */
export function formatOf(name: string, bytes: Uint8Array): PageFormat {
  const ext = extensionOf(name);
  const fitting = READERS.filter(([, r]) => r.extensions.includes(ext));
  if (fitting.length === 0) return 'text';
  if (fitting.length === 1) return fitting[0]![0];
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const claimed = fitting.find(([, r]) => r.claims?.(head));
  if (!claimed) throw new GalleyError('BAD_INPUT', `.${ext} file is none of ${fitting.map(([, r]) => r.label).join(', ')}`);
  return claimed[0];
}

/**
 * A METS file by its root element (prolog, comments and a DOCTYPE skipped, so that the reader
 * refuses a DOCTYPE with its own message), as its name may be any .xml.
 */
export function isMets(head: string): boolean {
  return /^\uFEFF?(?:\s|<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*<(\w+:)?mets[\s>]/.test(head);
}

/** No files beside it: a file read on its own. */
export const NO_COMPANIONS: Companions = { open: async () => null };

/** Reads one file as the import does: the format's reader over its bytes. */
export async function readPageFile(name: string, bytes: Uint8Array, companions: Companions = NO_COMPANIONS): Promise<ReadFile> {
  const reader: PageReader = PAGE_FORMATS[formatOf(name, bytes)];
  if (bytes.length > reader.maxBytes) throw new GalleyError('BAD_INPUT', tooLarge(bytes.length, reader.maxBytes));
  return reader.read(bytes, companions);
}
