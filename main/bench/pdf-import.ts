import { join } from 'node:path';
import { readPageFile } from '../import/formats.js';
import { importFiles } from '../import/import.js';
import { seededRandom } from './edit-stream.js';
import { openLibrary } from '../library/library.js';
import type { LibraryBench } from './library.js';
import { makePdf, newspaperPage } from './pdf.js';
import { type BenchSection, round } from './section.js';

const PDF_PAGES = 16;
/** A long PDF (a year's supplement, a bound volume): its pages are the 16-page issue's kind. */
const LONG_PDF_PAGES = 300;

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
    const long = await longPdf(ctx.dir);
    return {
      table: [
        `${report.imported} pages (${lines} lines) in ${seconds.toFixed(2)} s; loading pdf.js first took ${loadSeconds.toFixed(2)} s`,
        `${LONG_PDF_PAGES} pages (${long.lines} lines) in ${long.seconds.toFixed(2)} s (${long.progress} progress reports)`,
      ],
      figures: {
        pdf_import_16_pages_s: round(seconds, 2), pdf_import_lines: lines, pdfjs_load_s: round(loadSeconds, 2),
        pdf_import_300_pages_s: round(long.seconds, 2), pdf_import_300_pages_lines: long.lines,
      },
    };
  },
};

/** The 300-page PDF into a library of its own, so the synthetic library's size figures stay its own. */
async function longPdf(dir: string): Promise<{ seconds: number; lines: number; progress: number }> {
  const next = seededRandom(12);
  const bytes = makePdf(Array.from({ length: LONG_PDF_PAGES }, () => newspaperPage(4, 62, next)));
  const lib = openLibrary(join(dir, 'long-pdf.db'));
  try {
    let progress = 0;
    const start = performance.now();
    const report = await importFiles(lib.db, [{ name: 'volume.pdf', bytes }], { publication: 'Bench PDF', label: 'bench long pdf' }, () => progress++);
    const seconds = (performance.now() - start) / 1000;
    if (report.imported !== LONG_PDF_PAGES) throw new Error(`bench: ${report.imported} of ${LONG_PDF_PAGES} PDF pages imported`);
    return { seconds, lines: report.files.reduce((n, f) => n + f.lines, 0), progress };
  } finally {
    lib.close();
  }
}
