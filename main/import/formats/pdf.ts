import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { GalleyError } from '../../../app/errors.js';
import { pageFromLines, type ReadPage } from './page-lines.js';
import { linesFromRuns, UNNAMED, type TextRun } from './pdf-lines.js';

/**
 * Every page of a PDF as a page: its text layer (born-digital text or a scan's invisible OCR
 * layer) as lines in reading order, each with its box and font size, in points from the top left.
 */
export async function readPdf(bytes: Uint8Array): Promise<ReadPage[]> {
  const bad = (reason: string) => new GalleyError('BAD_INPUT', `${reason}`);
  // Loaded on first use: pdf.js is large and most imports are text.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: PDFDocumentProxy;
  try {
    doc = await pdfjs.getDocument({
      // A copy as a plain Uint8Array: pdf.js refuses a Buffer and takes over the array it is given,
      // and the caller keeps its bytes to store them.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: true,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw bad('the PDF is encrypted with a password; save it without one and import again');
    throw bad(`not a readable PDF (${(err as Error).message})`);
  }
  try {
    const pages: ReadPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
        const size = Math.hypot(c ?? 0, d ?? 0);
        if (!(size > 0)) continue;
        // The em box: the baseline is at f, ascenders reach about 0.8 em above it.
        const horizontal = Math.abs(b ?? 0) < 1e-3 * Math.abs(a ?? 1);
        const width = horizontal ? item.width * Math.abs(viewport.transform[0] ?? 1) : item.width;
        runs.push({ str: item.str, x: e ?? 0, y: (f ?? 0) - 0.8 * size, w: width, h: size, size });
      }
      const read = pageFromLines(linesFromRuns(runs), { width: viewport.width, height: viewport.height }, 'pt', 'pdf');
      const unnamed = read.text.split(UNNAMED).length - 1;
      if (unnamed > 0) read.warning = `${unnamed} character${unnamed > 1 ? 's' : ''} on this page ${unnamed > 1 ? 'have' : 'has'} no Unicode in the PDF's text layer and show${unnamed > 1 ? '' : 's'} as ${UNNAMED}: check them against the printed page`;
      pages.push(read);
      page.cleanup();
    }
    if (pages.every((p) => p.text === '')) {
      throw bad(`the PDF has no text on any of its ${doc.numPages} page(s) (a scan without an OCR layer); Galley does not run OCR yet`);
    }
    return pages;
  } catch (err) {
    if (err instanceof GalleyError) throw err;
    throw bad(`not a readable PDF (${(err as Error).message})`);
  } finally {
    await doc.destroy();
  }
}
