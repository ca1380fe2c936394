import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from './temp-dir.js';
import { type Library, openLibrary } from '../../main/library/library.js';

/**
 * For tests: a fresh library file in a fresh folder before each test, closed and removed after it.
 * `use` receives them each time, so a test file keeps plain `lib` / `dir` variables.
 */
export function tempLibraryPerTest(use: (lib: Library, dir: string) => void): void {
  let tmp: ReturnType<typeof tempDir>;
  let lib: Library;
  beforeEach(() => {
    tmp = tempDir();
    lib = openLibrary(join(tmp.dir, 'library.db'));
    use(lib, tmp.dir);
  });
  afterEach(() => {
    lib.close();
    tmp.cleanup();
  });
}
