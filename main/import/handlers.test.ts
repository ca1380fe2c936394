import { describe, expect, it } from 'vitest';
import type { GalleyError } from '../../app/errors.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { tempLibraryPerTest } from '../../tests/support/temp-library.js';
import { makePdf, twoColumnPage } from '../bench/pdf.js';
import type { Library } from '../library/library.js';
import { importHandlers } from './handlers.js';

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});
const ctx = { emit: () => undefined };

describe('a page\'s printed form', () => {
  it('is null for a text page; for a PDF page its boxes and the PDF, whose bytes come back whole', async () => {
    const handlers = importHandlers(lib.db);
    const text = await handlers['import:paths']({ paths: [KAILI_PAGE], options: {} }, ctx);
    expect(await handlers['import:pageSource']({ pageId: text.files[0]!.pageId! }, ctx)).toBeNull();

    const pdf = makePdf([twoColumnPage()]);
    const report = await handlers['import:files']({ files: [{ name: 'p.pdf', base64: Buffer.from(pdf).toString('base64') }], options: {} }, ctx);
    const view = await handlers['import:pageSource']({ pageId: report.files[0]!.pageId! }, ctx);
    expect(view?.geometry.lines).toHaveLength(19);
    const { base64 } = await handlers['import:sourcePdf']({ sourceId: view!.pdf!.sourceId }, ctx);
    expect(Buffer.from(base64, 'base64')).toEqual(Buffer.from(pdf));
  });

  it('says NOT_FOUND for a PDF the library does not hold', async () => {
    const handlers = importHandlers(lib.db);
    expect(() => handlers['import:sourcePdf']({ sourceId: 99 }, ctx)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }) as GalleyError);
  });
});
