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

/**
 * For tests that open and close the library themselves: a fresh folder and the path of a library
 * file in it before each test; the folder is removed after it.
 */
export function tempFolderPerTest(use: (dir: string, file: string) => void): void {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
    use(tmp.dir, join(tmp.dir, 'library.db'));
  });
  afterEach(() => tmp.cleanup());
}
