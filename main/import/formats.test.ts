import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GalleyError } from '../../app/errors.js';
import { PRINTS_DIR, sourceBytes } from '../../tests/support/fixtures.js';
import { makePdf, twoColumnPage } from '../bench/pdf.js';
import { formatOf, IMPORT_EXTENSIONS, PAGE_FORMATS, readPageFile } from './formats.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const failure = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(GalleyError);
  return (err as GalleyError).message;
};

describe('the format table', () => {
  it('names every format by extension, and tells ALTO from PAGE-XML by the root element', () => {
    expect(IMPORT_EXTENSIONS).toEqual(expect.arrayContaining(['txt', 'xml', 'pdf', 'hocr']));
    expect(formatOf('p1.txt', utf8('x'))).toBe('text');
    expect(formatOf('p1.PDF', utf8('%PDF'))).toBe('pdf');
    expect(formatOf('a.xml', sourceBytes('ndnp-alto-sample.xml'))).toBe('alto');
    expect(formatOf('a.xml', sourceBytes('textbite-1b8adb50.page.xml'))).toBe('page-xml');
    expect(formatOf('a.hocr', utf8('<html/>'))).toBe('hocr');
    expect(() => formatOf('a.xml', utf8('<?xml version="1.0"?><TEI/>'))).toThrow(/none of ALTO, PAGE-XML, METS/);
    expect(Object.keys(PAGE_FORMATS)).toEqual(['text', 'alto', 'page-xml', 'hocr', 'pdf', 'mets']);
  });

  it('reads plain text as before: one page, no geometry', async () => {
    const read = await readPageFile('p.txt', utf8('一\n二\n'));
    expect(read.pages).toEqual([{ text: '一\n二\n', encoding: 'utf-8', geometry: null }]);
  });
});

describe('ALTO', () => {
  it('reads the 1898 ABBYY page: every TextLine in order, boxes in inch1200, font sizes from its styles', async () => {
    const { pages } = await readPageFile('ndnp.xml', sourceBytes('ndnp-alto-sample.xml'));
    expect(pages).toHaveLength(1);
    const [page] = pages;
    const lines = page!.text.split('\n');
    expect(lines).toHaveLength(page!.geometry!.lines.length);
    expect(lines.length).toBeGreaterThan(700);
    expect(page!.geometry).toMatchObject({ width: 29992, height: 40104, unit: 'inch1200' });
    expect(lines).toContain('WASHINGTON, D. 0., THURSDAY, NOVEMBER 10, 1898.');
    // every printed line has its box and font size; a blank line (a gap or a column break on the print) has none
    expect(page!.geometry!.lines.every((b, i) => (b === null) === (lines[i] === '') && (b === null || b.fontSize !== undefined))).toBe(true);
    expect(lines.filter((l) => l === '').length).toBeGreaterThan(0);
    // A HYP at the line end stays a hyphen for the engine to rejoin.
    expect(lines.filter((l) => l.endsWith('-')).length).toBeGreaterThan(10);
  });

  it('reads ALTO v2 in pixels (a current OCR engine, no styles)', async () => {
    const { pages } = await readPageFile('cz.xml', sourceBytes('textbite-842c41f0.alto.xml'));
    const lines = pages[0]!.text.split('\n');
    expect(lines[0]).toBe('A stalo se, co předvídal. Od té doby není ve Vídni');
    expect(pages[0]!.geometry).toMatchObject({ width: 3393, height: 5198, unit: 'pixel' });
    expect(pages[0]!.geometry!.lines[0]).toEqual({ x: 154, y: 2570, w: 941, h: 48 });
  });

  it('refuses an unknown measurement unit', async () => {
    const alto = '<alto><Description><MeasurementUnit>furlong</MeasurementUnit></Description><Layout><Page/></Layout></alto>';
    expect(await failure(readPageFile('a.xml', utf8(alto)))).toMatch(/unknown ALTO MeasurementUnit "furlong"/);
  });
});

describe('PAGE-XML', () => {
  it('reads regions and their lines with boxes from the polygons', async () => {
    const { pages } = await readPageFile('cz.xml', sourceBytes('textbite-1b8adb50.page.xml'));
    const lines = pages[0]!.text.split('\n');
    expect(lines.filter((l) => l !== '')).toHaveLength(338);
    expect(lines[0]).toBe('50 zl. z výrotu pořádaného dne 9. t. m. na Závisť.');
    expect(pages[0]!.geometry!.lines[0]).toEqual({ x: 91, y: 62, w: 426, h: 21 });
  });

  it('follows the ReadingOrder over document order', async () => {
    const line = (id: string, text: string) =>
      `<TextRegion id="${id}"><TextLine id="${id}l"><Coords points="0,0 10,0 10,5 0,5"/><TextEquiv><Unicode>${text}</Unicode></TextEquiv></TextLine></TextRegion>`;
    const xml = `<?xml version="1.0"?><PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15"><Page imageWidth="100" imageHeight="100">
      <ReadingOrder><OrderedGroup id="g"><RegionRefIndexed index="0" regionRef="b"/><RegionRefIndexed index="1" regionRef="a"/></OrderedGroup></ReadingOrder>
      ${line('a', 'second &amp; last')}${line('b', 'first')}</Page></PcGts>`;
    const { pages } = await readPageFile('p.xml', utf8(xml));
    expect(pages[0]!.text).toBe('first\nsecond & last');
  });
});

describe('hOCR', () => {
  it('reads ocr_line elements with bbox and x_size', async () => {
    const hocr = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>
      <div class="ocr_page" title="bbox 0 0 1000 2000"><p class="ocr_par">
      <span class="ocr_line" title="bbox 10 20 400 50; x_size 30"><span class="ocrx_word">Hello</span> <span class="ocrx_word">world</span></span>
      <span class="ocr_line" title="bbox 10 60 400 90; x_size 20"><span class="ocrx_word">again</span></span></p></div></body></html>`;
    const { pages } = await readPageFile('p.hocr', utf8(hocr));
    expect(pages[0]!.text).toBe('Hello world\nagain');
    expect(pages[0]!.geometry).toEqual({
      width: 1000, height: 2000, unit: 'pixel',
      lines: [{ x: 10, y: 20, w: 390, h: 30, fontSize: 30 }, { x: 10, y: 60, w: 390, h: 30, fontSize: 20 }],
    });
  });

  it('takes tesseract\'s XHTML DOCTYPE (it declares nothing) but no internal subset', async () => {
    const page = '<html xmlns="http://www.w3.org/1999/xhtml"><body><div class="ocr_page" title="bbox 0 0 100 100"><span class="ocr_line" title="bbox 1 2 30 12">tess</span></div></body></html>';
    const xhtml = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n';
    expect((await readPageFile('t.hocr', utf8(xhtml + page))).pages[0]!.text).toBe('tess');
    const subset = '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/hostname">]>';
    expect(await failure(readPageFile('t.hocr', utf8(subset + page)))).toMatch(/DOCTYPE or entity declarations is refused/);
  });
});

describe('bad XML', () => {
  it('refuses a DOCTYPE with an external entity without reading it', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/passwd">]><alto><Layout><Page><TextLine HPOS="0" VPOS="0" WIDTH="1" HEIGHT="1"><String CONTENT="&x;"/></TextLine></Page></Layout></alto>';
    expect(await failure(readPageFile('a.xml', utf8(xxe)))).toMatch(/DOCTYPE or entity declarations is refused/);
  });

  it('says where broken XML breaks', async () => {
    expect(await failure(readPageFile('a.xml', utf8('<alto>\n<Layout><Page></Layout></alto>')))).toMatch(/broken XML at line 2/);
  });
});

describe('PDF', () => {
  it('reads columns one after the other under a headline across them, with boxes and font sizes', async () => {
    const { pages, pdf } = await readPageFile('p.pdf', makePdf([twoColumnPage()]));
    expect(pdf).toBeDefined();
    const lines = pages[0]!.text.split('\n');
    // the headline's gap and the column break stand as blank lines, as in a text extraction of the page
    expect(lines).toEqual([
      'Big News Across Both Columns',
      '',
      ...Array.from({ length: 8 }, (_, i) => `left column line ${i + 1}`),
      '',
      ...Array.from({ length: 8 }, (_, i) => `right column line ${i + 1}`),
    ]);
    const [head, gap, firstLeft] = pages[0]!.geometry!.lines;
    expect(gap).toBeNull();
    expect(head).toMatchObject({ x: 72, fontSize: 24 });
    expect(firstLeft).toMatchObject({ x: 72, fontSize: 10 });
    expect(firstLeft!.y).toBeCloseTo(792 - 680 - 8, 0);
    expect(pages[0]!.encoding).toBe('pdf');
  });

  it('reads a PDF handed over as a Node Buffer (an upload) and leaves the bytes as they were', async () => {
    const bytes = Buffer.from(makePdf([[{ x: 72, y: 700, size: 12, str: 'uploaded' }]]));
    const copy = Buffer.from(bytes);
    const { pages, pdf } = await readPageFile('p.pdf', bytes);
    expect(pages[0]!.text).toBe('uploaded');
    expect(Buffer.from(pdf!)).toEqual(copy);
  });

  it('makes every page a page, and a page without text an empty one', async () => {
    const { pages } = await readPageFile('p.pdf', makePdf([[{ x: 72, y: 700, size: 12, str: 'one' }], [], [{ x: 72, y: 700, size: 12, str: 'three' }]]));
    expect(pages.map((p) => p.text)).toEqual(['one', '', 'three']);
  });

  it('reads the 1898 scan from its OCR layer, column by column', async () => {
    const { pages } = await readPageFile('ndnp.pdf', sourceBytes('ndnp-sample1.pdf'));
    const lines = pages[0]!.text.split('\n');
    expect(lines.length).toBeGreaterThan(600);
    const at = lines.indexOf('Reserves, which had among its officers during');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 3)).toEqual(['Reserves, which had among its officers during', 'the first year of its service such distinguished', 'soldiers as Meade, Reynolds, Ord and Sey-']);
  }, 60_000);

  it('keeps a glyph the PDF names no character for as U+FFFD, and says so', async () => {
    const { pages } = await readPageFile('p.pdf', readFileSync(join(PRINTS_DIR, 'zh_unnamed_glyph.pdf')));
    expect(pages[0]!.text).toBe('中壘揮金\uFFFD洛妃');
    expect(pages[0]!.warning).toMatch(/^1 character on this page has no Unicode in the PDF's text layer and shows as \uFFFD/);
  });

  it('says so for a PDF with no text at all, and for one that is not a PDF', async () => {
    expect(await failure(readPageFile('p.pdf', makePdf([[], []])))).toMatch(/no text on any of its 2 page\(s\).*does not run OCR/);
    expect(await failure(readPageFile('p.pdf', utf8('%PDF-1.4\nthis is not really a pdf')))).toMatch(/not a readable PDF/);
  });
});
