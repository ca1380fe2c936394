// Source files an archive or printer may hand over broken or hostile: each is refused with a clear
// message and leaves nothing in the library, or is imported whole with progress.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf, newspaperPage, twoColumnPage } from '../../../main/bench/pdf.js';
import { seededRandom } from '../../../main/bench/edit-stream.js';
import { importFiles, importPaths, type ImportProgress } from '../../../main/import/import.js';
import type { Library } from '../../../main/library/library.js';
import { tempLibraryPerTest } from '../../support/temp-library.js';

let lib: Library;
let root: string;
tempLibraryPerTest((l, dir) => {
  lib = l;
  root = dir;
});

const count = (table: string) => lib.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const stored = () => ['issues', 'pages', 'page_geometry', 'page_sources', 'page_images'].map(count);

/** The test page as a PDF whose trailer asks for the standard security handler with a user password. */
function encryptedPdf(): Uint8Array {
  const pdf = new TextDecoder('latin1').decode(makePdf([twoColumnPage()]));
  const hex = (byte: string) => `<${byte.repeat(32)}>`;
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex('5a')} /U ${hex('a5')} /P -4 >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`;
  return new Uint8Array(Buffer.from(pdf.replace('/Root 1 0 R >>', `/Root 1 0 R ${encrypt} >>`), 'latin1'));
}

describe('a PDF', () => {
  it('encrypted with a password is refused with what to do, and nothing is stored', async () => {
    const report = await importFiles(lib.db, [{ name: 'locked.pdf', bytes: encryptedPdf() }], {});
    expect(report.files.map((f) => [f.file, f.error])).toEqual([['locked.pdf', 'the PDF is encrypted with a password; save it without one and import again']]);
    expect(stored()).toEqual([0, 0, 0, 0, 0]);
  });

  it('cut off or damaged is refused as unreadable, and nothing is stored', async () => {
    const whole = makePdf([twoColumnPage()]);
    for (const bytes of [whole.subarray(0, whole.length >> 1), new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'), new Uint8Array(4096).fill(0x25)]) {
      const report = await importFiles(lib.db, [{ name: 'broken.pdf', bytes }], {});
      expect(report.files[0]?.pageId).toBeNull();
      expect(report.files[0]?.error).toMatch(/^(not a readable PDF|the PDF has no text)/);
    }
    expect(stored()).toEqual([0, 0, 0, 0, 0]);
  });

  it('of 300 pages is imported whole, page by page, with progress the UI can show', async () => {
    const next = seededRandom(3);
    const file = join(root, 'annual.pdf');
    writeFileSync(file, makePdf(Array.from({ length: 300 }, () => newspaperPage(3, 20, next))));
    const progress: ImportProgress[] = [];
    const report = await importPaths(lib.db, [file], { publication: 'Annual' }, (p) => progress.push(p));
    expect(report.imported).toBe(300);
    expect(report.failed).toBe(0);
    expect(progress).toHaveLength(300);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === 300)).toBe(true);
    expect(progress[149]?.file).toBe(`${file}#150`);
    // one copy of the PDF for all its pages
    expect(stored()).toEqual([1, 300, 300, 1, 0]);
  }, 240_000);
});

describe('XML', () => {
  it('with external entities is refused before anything is read through them, also when a METS points to it', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/passwd">]><alto><Layout><Page><TextLine HPOS="0" VPOS="0" WIDTH="9" HEIGHT="9"><String CONTENT="&x;"/></TextLine></Page></Layout></alto>';
    const mets = `<?xml version="1.0"?><mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink"><fileSec><fileGrp USE="ocr"><file ID="A" MIMETYPE="text/xml"><FLocat LOCTYPE="URL" xlink:href="p1.xml"/></file></fileGrp></fileSec><structMap TYPE="PHYSICAL"><div TYPE="page"><fptr FILEID="A"/></div></structMap></mets>`;
    const report = await importFiles(lib.db, [{ name: 'i/issue.mets.xml', bytes: new TextEncoder().encode(mets) }, { name: 'i/p1.xml', bytes: new TextEncoder().encode(xxe) }], {});
    expect(report.files.map((f) => [f.file, f.error])).toEqual([['i/issue.mets.xml', expect.stringMatching(/DOCTYPE or entity declarations is refused/)]]);
    const withEntity = '<?xml version="1.0"?><!DOCTYPE mets [<!ENTITY x SYSTEM "http://example.com/x">]><mets>&x;</mets>';
    const direct = await importFiles(lib.db, [{ name: 'issue.mets.xml', bytes: new TextEncoder().encode(withEntity) }], {});
    expect(direct.files[0]?.error).toMatch(/DOCTYPE or entity declarations is refused/);
    expect(stored()).toEqual([0, 0, 0, 0, 0]);
  });
});
