import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The pages tests read, inside the repository (tests/fixtures/, with their source and licence),
// so a clone with nothing beside it tests the same pages as any other checkout.

/** 凯里日报, page 时政凯里, January 2021, with its hand-made gold segmentation. */
export const KAILI_DIR = fileURLToPath(new URL('../fixtures/kaili/', import.meta.url));
export const KAILI_PAGE = join(KAILI_DIR, '000_274485b1067f232e.txt');
export const KAILI_GOLD = join(KAILI_DIR, '000_274485b1067f232e.gold.json');
/** Small gold pages of both headline orders, in Chinese and English. */
export const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

/** Two pages of one made-up 凯里日报 issue whose first article goes on from page 1 (转第2版) to page 2 (上接第1版). */
export const CONTINUED_DIR = fileURLToPath(new URL('../fixtures/continued/', import.meta.url));
export const CONTINUED_PAGES = [join(CONTINUED_DIR, 'kaili-2021-10-28-p1.txt'), join(CONTINUED_DIR, 'kaili-2021-10-28-p2.txt')];

export const readText = (path: string) => readFileSync(path, 'utf8');
/** Gold pages printed as newspaper PDFs (scripts/gold-pdf.ts), each with its gold and source text. */
export const PRINTS_DIR = fileURLToPath(new URL('../fixtures/prints/', import.meta.url));
/** Pages as archives and printers hand them over (PDF, ALTO, PAGE-XML), with credits and licences. */
export const SOURCES_DIR = fileURLToPath(new URL('../fixtures/sources/', import.meta.url));
/** One file of SOURCES_DIR, as the bytes an upload or a read gives. */
export const sourceBytes = (name: string) => new Uint8Array(readFileSync(join(SOURCES_DIR, name)));
