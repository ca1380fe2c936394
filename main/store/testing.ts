import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GalleyError } from '../../app/errors.js';

/** The shared corpus, found relative to the repository so tests run on any checkout next to it. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const CORPUS_PAGE = join(CORPUS_DIR, '000_274485b1067f232e.txt');

/** A fresh folder for a test's real database files; `cleanup` removes it. */
export function tempDir(prefix = 'galley-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The GalleyError `fn` throws; anything else it throws, or nothing thrown, fails the test. */
export function galleyErrorOf(fn: () => unknown): GalleyError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GalleyError) return err;
    throw err;
  }
  throw new Error('expected a GalleyError');
}
