import { readPageFile } from '../import/formats.js';
import { importFiles } from '../import/import.js';
import { seededRandom } from './edit-stream.js';
import type { LibraryBench } from './library.js';
import { makePdf, newspaperPage } from './pdf.js';
import { type BenchSection, round } from './section.js';

const PDF_PAGES = 16;

/** A 16-page PDF issue (born-digital, 4 columns, some 250 lines a page): read, lines built, stored. */
export const pdfImportSection: BenchSection<LibraryBench> = {
  name: `PDF import (one ${PDF_PAGES}-page issue: text layer, lines by position, segment, store)`,
  async run(ctx) {
    const next = seededRandom(11);
    const bytes = makePdf(Array.from({ length: PDF_PAGES }, () => newspaperPage(4, 62, next)));
    // pdf.js loads once per process (seconds when run from source, where tsx compiles it): timed apart.
    const load = performance.now();
    await readPageFile('warm-up.pdf', makePdf([[{ x: 72, y: 700, size: 12, str: 'warm up' }]]));
    const loadSeconds = (performance.now() - load) / 1000;
    const start = performance.now();
    const report = await importFiles(ctx.lib.db, [{ name: 'issue.pdf', bytes }], { publication: 'Bench PDF', label: 'bench pdf' });
    const seconds = (performance.now() - start) / 1000;
    const failed = report.files.find((f) => f.pageId === null);
    if (failed) throw new Error(`bench PDF page ${failed.file} was not imported: ${failed.error}`);
    const lines = report.files.reduce((n, f) => n + f.lines, 0);
    return {
      table: [`${report.imported} pages (${lines} lines) in ${seconds.toFixed(2)} s; loading pdf.js first took ${loadSeconds.toFixed(2)} s`],
      figures: { pdf_import_16_pages_s: round(seconds, 2), pdf_import_lines: lines, pdfjs_load_s: round(loadSeconds, 2) },
    };
  },
};
