import { describe, expect, it } from 'vitest';
import { CORPUS_PAGE } from '../store/testing.js';
import { applyEditToPage } from './edits.js';
import type { Library } from './library.js';
import { randomEdit, seededRandom } from './testing.js';
import { tempLibraryPerTest } from './temp-library.js';

// How fast an edit or a page open is, is measured by `galley bench` (edit_p95_ms, page_open_p95_ms), not here.

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});

describe('on the corpus page', () => {
  it('a stream of 200 random edits, each its own transaction, leaves a library that checks out', async () => {
    const pageId = (await lib.importPaths([CORPUS_PAGE], {})).files[0]!.pageId!;
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) applyEditToPage(lib, pageId, randomEdit(lib.getPage(pageId).annotation, random));
    expect(lib.getPage(pageId).history).toMatchObject({ canUndo: true, revision: expect.any(Number) });
    expect(lib.check()).toMatchObject({ ok: true, annotations: [] });
  });
});
