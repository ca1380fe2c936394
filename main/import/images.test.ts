import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { GalleyError } from '../../app/errors.js';
import { sourceBytes } from '../../tests/support/fixtures.js';
import { tempFolderPerTest, tempLibraryPerTest } from '../../tests/support/temp-library.js';
import { getPage, type Library } from '../library/library.js';
import { getPageImage, getPageSource } from '../store/page-sources.js';
import { encodePng, MAX_IMAGE_BYTES, scanImage } from './images.js';
import { importFiles, importPaths } from './import.js';

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});
/** A folder of page files for each test, apart from the library's. */
let folder = '';
tempFolderPerTest((d) => {
  folder = d;
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GalleyError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
};

/** A TIFF of `w` × `h` grey pixels (uncompressed, as utif2 writes). */
function tiff(w: number, h: number): Uint8Array {
  const grey = (x: number, y: number) => (x * 7 + y * 3) % 256;
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgba.set([grey(x, y), grey(x, y), grey(x, y), 255], (y * w + x) * 4);
  return new Uint8Array(UTIF.encodeImage(rgba, w, h));
}

/** A JPEG header that claims a frame of w × h (all a size check reads). */
function jpegClaiming(w: number, h: number): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 255, w >> 8, w & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
}

describe('a scan', () => {
  it('is kept as it is when it is a JPEG or PNG, with its size in pixels', () => {
    const jpeg = scanImage('p.jpg', sourceBytes('ndnp-alto-sample.jpg'));
    expect([jpeg.mime, jpeg.width, jpeg.height]).toEqual(['image/jpeg', 1500, 2006]);
    const png = scanImage('p.png', encodePng(new Uint8Array(3 * 2 * 4).fill(200), 3, 2));
    expect([png.mime, png.width, png.height]).toEqual(['image/png', 3, 2]);
  });

  it('is decoded to a PNG with the same pixels when it is a TIFF', () => {
    const scan = scanImage('p.tif', tiff(40, 30));
    expect([scan.mime, scan.width, scan.height]).toEqual(['image/png', 40, 30]);
    // the PNG's one data chunk (after the signature and IHDR) inflated: rows of a filter byte and one grey byte a pixel
    const png = Buffer.from(scan.bytes);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const rows = inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
    expect(rows.length).toBe(30 * 41);
    expect([...rows.subarray(41 * 5 + 1, 41 * 5 + 5)]).toEqual([15, 22, 29, 36]);
  });

  it('is refused with a clear reason when it is too large, JPEG 2000 or no image', () => {
    expect(refusal(() => scanImage('big.jpg', jpegClaiming(10_000, 7_000)))).toBe(
      'scan big.jpg not stored: it is 10000 × 7000 pixels (70.0 megapixels); a scan may have at most 60',
    );
    // only the TIFF's directory: its size is read before a pixel is
    const bigTiff = new Uint8Array(UTIF.encode([{ t256: [8000], t257: [8000], t258: [8], t259: [1], t262: [1], t277: [1] } as unknown as UTIF.IFD]));
    expect(refusal(() => scanImage('big.tif', bigTiff))).toBe('scan big.tif not stored: it is 8000 × 8000 pixels (64.0 megapixels); a scan may have at most 60');
    expect(refusal(() => scanImage('huge.png', new Uint8Array(MAX_IMAGE_BYTES + 1)))).toBe('scan huge.png not stored: it is 64.0 MB; a scan may be at most 64 MB');
    const jp2 = new Uint8Array([0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]);
    expect(refusal(() => scanImage('p.jp2', jp2))).toBe('scan p.jp2 not stored: JPEG 2000 is not supported; convert the scan to JPEG, PNG or TIFF');
    expect(refusal(() => scanImage('p.jpg', new TextEncoder().encode('not an image')))).toBe('scan p.jpg not stored: it is not a JPEG, PNG or TIFF image');
    expect(refusal(() => scanImage('p.tif', new Uint8Array([0x49, 0x49, 0x2a, 0, 0xff, 0xff, 0xff, 0x7f])))).toMatch(/^scan p\.tif not stored: the TIFF/);
  });
});

describe('an XML page with its scan', () => {
  it('keeps a TIFF beside it as PNG in the library, found by the page file\'s name', async () => {
    writeFileSync(join(folder, 'p1.alto.xml'), sourceBytes('textbite-842c41f0.alto.xml'));
    writeFileSync(join(folder, 'p1.tif'), tiff(64, 90));
    const report = await importPaths(lib.db, [folder], {});
    expect(report.files.map((f) => [f.file.split('/').pop(), f.error, f.warning])).toEqual([['p1.alto.xml', null, undefined]]);
    const pageId = report.files[0]!.pageId!;
    expect(getPageSource(lib.db, pageId)?.image).toEqual({ mime: 'image/png', width: 64, height: 90 });
    expect(getPageImage(lib.db, pageId)?.mime).toBe('image/png');
  });

  it('imports the text and says why when its scan is refused; nothing of the scan is stored', async () => {
    const alto = sourceBytes('ndnp-alto-sample.xml');
    const report = await importFiles(lib.db, [{ name: 'p1.xml', bytes: alto }, { name: 'p1.jp2', bytes: new Uint8Array([0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]) }], {});
    const [file] = report.files;
    expect(file?.error).toBeNull();
    expect(file?.warning).toBe('scan p1.jp2 not stored: JPEG 2000 is not supported; convert the scan to JPEG, PNG or TIFF');
    expect(getPage(lib.db, file!.pageId!).rawText).toContain('Career of These Veterans');
    expect(getPageSource(lib.db, file!.pageId!)?.image).toBeNull();
    const big = await importFiles(lib.db, [{ name: 'p2.xml', bytes: alto.slice() }, { name: 'p2.jpg', bytes: jpegClaiming(9000, 9000) }], {});
    expect(big.files[0]?.warning).toMatch(/^scan p2\.jpg not stored: it is 9000 × 9000 pixels/);
  });

  it('takes the image the XML names, by its own name beside the page', async () => {
    const page = new TextDecoder().decode(sourceBytes('textbite-1b8adb50.page.xml')).replace(/imageFilename="[^"]*"/, 'imageFilename="C:\\scans\\front.png"');
    writeFileSync(join(folder, 'p1.xml'), page);
    writeFileSync(join(folder, 'front.png'), encodePng(new Uint8Array(20 * 30 * 4).fill(255), 20, 30));
    const report = await importPaths(lib.db, [join(folder, 'p1.xml')], {});
    expect(getPageSource(lib.db, report.files[0]!.pageId!)?.image).toEqual({ mime: 'image/png', width: 20, height: 30 });
  });

  it('takes the image an hOCR page names in its title', async () => {
    const hocr = `<html><body><div class="ocr_page" title='image "scans/page one.png"; bbox 0 0 20 30'>
      <span class="ocr_line" title="bbox 2 2 18 8"><span class="ocrx_word" title="bbox 2 2 18 8">hello</span></span></div></body></html>`;
    const report = await importFiles(lib.db, [
      { name: 'p.hocr', bytes: new TextEncoder().encode(hocr) },
      { name: 'scans/page one.png', bytes: encodePng(new Uint8Array(20 * 30 * 4).fill(255), 20, 30) },
    ], {});
    expect(report.files.map((f) => [f.file, f.error, f.warning])).toEqual([['p.hocr', null, undefined]]);
    expect(getPageSource(lib.db, report.files[0]!.pageId!)?.image).toEqual({ mime: 'image/png', width: 20, height: 30 });
  });

  it('alone is no page: a scan picked without its XML is reported', async () => {
    const report = await importFiles(lib.db, [{ name: 'p1.jpg', bytes: sourceBytes('ndnp-alto-sample.jpg') }], {});
    expect(report.files.map((f) => f.error)).toEqual(['a scan is imported with its page file (ALTO, PAGE-XML, hOCR or METS), not alone']);
    expect(report.imported).toBe(0);
  });
});
