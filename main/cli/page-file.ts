import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeBytes } from '../import/encoding.js';
import { fail } from './io.js';

export interface PageFile {
  file: string;
  sha256: string;
  text: string;
}

/** Reads one page as the importer will: raw bytes hashed, text decoded in whatever encoding it was saved in. */
export async function readPage(path: string): Promise<PageFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    fail(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return { file: basename(path), sha256: createHash('sha256').update(bytes).digest('hex'), text: decodeBytes(bytes, basename(path)).text };
}
