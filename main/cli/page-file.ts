import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { GalleyError } from '../../app/errors.js';
import type { PageGeometry } from '../../app/model/geometry.js';
import type { SourceArticle } from '../../app/engine/index.js';
import { readPageFile } from '../import/formats.js';
import { besideOnDisk } from '../import/import.js';
import { fail } from './io.js';

export interface PageFile {
  file: string;
  sha256: string;
  text: string;
  geometry: PageGeometry | null;
  /** The articles the source itself gives (METS), laid over the engine's proposal. */
  articles: SourceArticle[];
}

/**
 * Reads one page as the importer will, in any import format: raw bytes hashed, text decoded or
 * extracted (a METS from the files beside it). A page of a many-page file (a PDF, a METS) is named `FILE#N`.
 */
export async function readPage(path: string): Promise<PageFile> {
  const [, file = path, number] = /^(.*?)(?:#(\d+))?$/.exec(path) ?? [];
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const name = basename(file);
  const read = await readPageFile(name, bytes, besideOnDisk(file)).catch((err: unknown) => {
    if (err instanceof GalleyError) fail(`${name}: ${err.message}`);
    throw err;
  });
  const index = number === undefined ? 0 : Number(number) - 1;
  if (number === undefined && read.pages.length > 1) fail(`${name} has ${read.pages.length} pages; name one as ${name}#N`);
  const page = read.pages[index];
  if (!page) fail(`${name} has no page ${number ?? ''} (it has ${read.pages.length})`);
  if (page.problem) fail(`${name}: ${page.problem}`);
  return { file: number === undefined ? name : `${name}#${number}`, sha256: createHash('sha256').update(bytes).digest('hex'), text: page.text, geometry: page.geometry, articles: page.articles ?? [] };
}
