import { describe, expect, it } from 'vitest';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { applyEditToPage } from './edits.js';
import { type Library, getPage } from '../library/library.js';
import { randomEdit, seededRandom } from '../bench/edit-stream.js';
import { tempLibraryPerTest } from '../../tests/support/temp-library.js';
import { importPaths } from '../import/import.js';
import { checkIntegrity } from '../store/integrity.js';

// How fast an edit or a page open is, is measured by `galley bench` (edit_p95_ms, page_open_p95_ms), not here.

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});

describe('on the corpus page', () => {
  it('a stream of 200 random edits, each its own transaction, leaves a library that checks out', async () => {
    const pageId = (await importPaths(lib.db, [KAILI_PAGE], {})).files[0]!.pageId!;
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) applyEditToPage(lib.db, pageId, randomEdit(getPage(lib.db, pageId).annotation, random));
    expect(getPage(lib.db, pageId).history).toMatchObject({ canUndo: true, revision: expect.any(Number) });
    expect(checkIntegrity(lib.db)).toMatchObject({ ok: true, annotations: [] });
  });
});
