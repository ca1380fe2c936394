import { join } from 'node:path';
import UTIF from 'utif2';
import { dispatch } from '../../app/rpc.js';
import { createHandlers } from '../handlers.js';
import { scanImage } from '../import/images.js';
import { importFiles } from '../import/import.js';
import { openLibrary } from '../library/library.js';
import { seededRandom } from './edit-stream.js';
import type { LibraryBench } from './library.js';
import { type BenchSection, p95, round } from './section.js';

/** A page scan as archives keep them: A3 at 150 dpi, grey, uncompressed TIFF. */
const SCAN = { width: 1754, height: 2480 };
const FETCHES = 30;

/**
 * A scanned page's image: a TIFF decoded to PNG at import, and what opening the page then costs
 * to get its stored image (the call the page-image pane makes, bytes read and encoded for the
 * renderer), in a library of its own.
 */
export const scanSection: BenchSection<LibraryBench> = {
  name: `scan image (${SCAN.width} × ${SCAN.height} grey TIFF with an ALTO page)`,
  async run(ctx) {
    const tiff = greyScan(seededRandom(13));
    const decodeStart = performance.now();
    const png = scanImage('p1.tif', tiff);
    const decodeMs = performance.now() - decodeStart;

    const lib = openLibrary(join(ctx.dir, 'scan.db'));
    try {
      const report = await importFiles(lib.db, [{ name: 'p1.xml', bytes: altoPage() }, { name: 'p1.tif', bytes: tiff }], { publication: 'Bench scans' });
      const page = report.files[0];
      if (!page?.pageId || page.warning) throw new Error(`bench scan page not imported with its scan: ${page?.error ?? page?.warning}`);
      const handlers = createHandlers(lib, 'cli', 'bench');
      const times: number[] = [];
      for (let i = 0; i < FETCHES; i++) {
        const start = performance.now();
        const answer = await dispatch(handlers, 'import:pageImage', { pageId: page.pageId }, { emit: () => undefined });
        if (!answer.ok) throw new Error(`bench: ${answer.error.message}`);
        times.push(performance.now() - start);
      }
      return {
        table: [
          `TIFF (${(tiff.length / 1e6).toFixed(1)} MB) decoded to PNG (${(png.bytes.length / 1e6).toFixed(1)} MB) in ${decodeMs.toFixed(0)} ms`,
          `stored page image fetched for its page: p95 ${p95(times).toFixed(1)} ms over ${FETCHES}`,
        ],
        figures: { tiff_decode_ms: round(decodeMs), page_image_fetch_ms_p95: round(p95(times)) },
      };
    } finally {
      lib.close();
    }
  },
};

/** Grainy paper with dark runs of "text": compresses about as a real scan does, not as noise or blank. */
function greyScan(next: () => number): Uint8Array {
  const { width, height } = SCAN;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let i = 0; i < rgba.length; i += 4) rgba.fill(224 + Math.floor(next() * 32), i, i + 3);
  for (let y = 80; y < height - 80; y += 30) {
    for (let x = 80; x < width - 80; x += 8 + Math.floor(next() * 40)) {
      const run = 4 + Math.floor(next() * 30);
      for (let dy = 0; dy < 16; dy++) for (let dx = 0; dx < run && x + dx < width; dx++) rgba.fill(40, ((y + dy) * width + x + dx) * 4, ((y + dy) * width + x + dx) * 4 + 3);
    }
  }
  return new Uint8Array(UTIF.encodeImage(rgba, width, height));
}

function altoPage(): Uint8Array {
  const lines = Array.from({ length: 60 }, (_, i) => `<TextLine HPOS="80" VPOS="${80 + i * 30}" WIDTH="1500" HEIGHT="16"><String CONTENT="line ${i + 1} of the scanned page"/></TextLine>`);
  return new TextEncoder().encode(`<?xml version="1.0"?><alto><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page WIDTH="${SCAN.width}" HEIGHT="${SCAN.height}"><PrintSpace><TextBlock ID="B1">${lines.join('')}</TextBlock></PrintSpace></Page></Layout></alto>`);
}
