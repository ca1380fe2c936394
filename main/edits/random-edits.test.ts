import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { randomEdit, seededRandom } from '../bench/edit-stream.js';
import { importFiles } from '../import/import.js';
import { type Library } from '../library/library.js';
import { loadPage } from '../store/annotation/page-cache.js';
import { checkIntegrity } from '../store/integrity.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { tempLibraryPerTest } from '../../tests/support/temp-library.js';
import { applyEditToPage } from './edits.js';

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});

describe('edits on a long page', () => {
  // an edit rewrites only the spans around the lines it patched: the stored spans must still be
  // exactly the page's runs of labelled lines, wherever on the page the edits land
  it('leave spans, articles and lines exactly as the page reads after 200 random operations', async () => {
    const page = readFileSync(KAILI_PAGE, 'utf8');
    const report = await importFiles(lib.db, [{ name: 'long.txt', bytes: Buffer.from(Array(6).fill(page).join('\n')) }], { publication: 'P' });
    const pageId = report.files[0]!.pageId!;
    const next = seededRandom(11);
    for (let i = 0; i < 200; i++) {
      const current = lib.db.transaction(() => loadPage(lib.db, pageId)!.annotation)();
      applyEditToPage(lib.db, pageId, randomEdit(current, next));
    }
    const check = checkIntegrity(lib.db);
    expect(check.annotations).toEqual([]);
    expect(check.ok).toBe(true);
  }, 120_000);
});
