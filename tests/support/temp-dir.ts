import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GalleyError } from '../../app/errors.js';

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
