import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES_DIR, sourceBytes } from '../../../tests/support/fixtures.js';
import { tempFolderPerTest, tempLibraryPerTest } from '../../../tests/support/temp-library.js';
import { rerunPage } from '../../edits/edits.js';
import { getPage, type Library } from '../../library/library.js';
import { getPageImage, getPageSource } from '../../store/page-sources.js';
import { formatOf } from '../formats.js';
import { importFiles, importPaths } from '../import.js';

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});
/** A folder of page files for each test, apart from the library's. */
let folder = '';
tempFolderPerTest((d) => {
  folder = d;
});
const dir = () => folder;

const METS = join(SOURCES_DIR, 'ndnp-1898.mets.xml');

/** The words of an article as the page now says: its lines' text in order. */
function articleTexts(pageId: number): Map<string, string> {
  const { annotation } = getPage(lib.db, pageId);
  const out = new Map<string, string>();
  for (const l of annotation.lines) {
    if (l.label?.kind === 'article') out.set(l.label.article, `${out.get(l.label.article) ?? ''} ${l.text}`);
  }
  return out;
}

describe('a METS issue', () => {
  it('is told from ALTO by its root element, whatever its name', () => {
    expect(formatOf('issue.xml', sourceBytes('ndnp-1898.mets.xml'))).toBe('mets');
    expect(formatOf('ndnp.xml', sourceBytes('ndnp-alto-sample.xml'))).toBe('alto');
  });

  it('brings its page from the ALTO file it points to, with its scan and its logical articles as the segmentation', async () => {
    const report = await importPaths(lib.db, [METS], { publication: 'National Tribune' });
    expect(report.files).toHaveLength(1);
    const [file] = report.files;
    expect(file?.error).toBeNull();
    const pageId = file!.pageId!;
    const source = getPageSource(lib.db, pageId)!;
    expect(source.geometry.unit).toBe('inch1200');
    expect(source.image).toEqual({ mime: 'image/jpeg', width: 1500, height: 2006 });
    expect(getPageImage(lib.db, pageId)?.bytes.length).toBe(sourceBytes('ndnp-alto-sample.jpg').length);

    const { annotation } = getPage(lib.db, pageId);
    // the METS's three articles come first, in its order, each said by the source
    expect(annotation.articles.slice(0, 3).map((a) => [a.id, a.genre, a.why?.rule])).toEqual([
      ['a1', 'news', 'source-structure'],
      ['a2', 'news', 'source-structure'],
      ['a3', 'photo', 'source-structure'],
    ]);
    const texts = articleTexts(pageId);
    expect(texts.get('a1')).toContain('Career of These Veterans');
    expect(texts.get('a2')).toContain('THE UNITED STATES CAPITOL');
    expect(texts.get('a3')?.trim()).toMatch(/^PRINCIPAL FLOOR PLAN OF THE UNITED STATES CAPITOL. The explosion took place .* East front.$/);
  });

  it('keeps its articles on a re-run instead of guessing them again', async () => {
    const report = await importPaths(lib.db, [METS], { publication: 'National Tribune' });
    const pageId = report.files[0]!.pageId!;
    const before = articleTexts(pageId);
    rerunPage(lib.db, pageId);
    const after = articleTexts(pageId);
    for (const id of ['a1', 'a2', 'a3']) expect(after.get(id)).toBe(before.get(id));
  });

  it('is the issue of its folder (or of the files picked with it): the ALTO files it points to are not imported again as pages of their own', async () => {
    for (const name of ['ndnp-1898.mets.xml', 'ndnp-alto-sample.xml', 'ndnp-alto-sample.jpg']) copyFileSync(join(SOURCES_DIR, name), join(dir(), name));
    const report = await importPaths(lib.db, [dir()], { publication: 'National Tribune' });
    expect(report.files.map((f) => [f.file.split('/').pop(), f.error])).toEqual([['ndnp-1898.mets.xml', null]]);
    // the same when the files are picked one by one
    const picked = await importPaths(lib.db, ['ndnp-alto-sample.xml', 'ndnp-1898.mets.xml', 'ndnp-alto-sample.jpg'].map((n) => join(dir(), n)), {});
    expect(picked.files.map((f) => [f.file.split('/').pop(), f.error])).toEqual([['ndnp-1898.mets.xml', null]]);
  });

  it('comes as uploaded files too: the METS with the ALTO and the scan it names', async () => {
    const names = ['ndnp-1898.mets.xml', 'ndnp-alto-sample.xml', 'ndnp-alto-sample.jpg'];
    const report = await importFiles(lib.db, names.map((name) => ({ name: `issue/${name}`, bytes: sourceBytes(name) })), {});
    expect(report.files.map((f) => [f.file, f.error])).toEqual([['issue/ndnp-1898.mets.xml', null]]);
    expect(getPageSource(lib.db, report.files[0]!.pageId!)?.image?.mime).toBe('image/jpeg');
  });

  it('brings several pages in the order of its PHYSICAL structMap, not of its files', async () => {
    copyFileSync(join(SOURCES_DIR, 'ndnp-alto-sample.xml'), join(dir(), 'ndnp.xml'));
    copyFileSync(join(SOURCES_DIR, 'textbite-842c41f0.alto.xml'), join(dir(), 'cz.xml'));
    const file = (id: string, href: string) => `<mets:file ID="${id}" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" xlink:href="${href}"/></mets:file>`;
    const page = (order: number, id: string) => `<mets:div TYPE="page" ORDER="${order}"><mets:fptr FILEID="${id}"/></mets:div>`;
    writeFileSync(join(dir(), 'issue.mets.xml'), `<?xml version="1.0"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink">
  <mets:fileSec><mets:fileGrp USE="ocr">${file('A', 'ndnp.xml')}${file('B', 'cz.xml')}</mets:fileGrp></mets:fileSec>
  <mets:structMap TYPE="PHYSICAL"><mets:div TYPE="issue">${page(2, 'A')}${page(1, 'B')}</mets:div></mets:structMap>
</mets:mets>`);
    const report = await importPaths(lib.db, [dir()], {});
    expect(report.files.map((f) => [f.file.split('/').pop(), f.error])).toEqual([['issue.mets.xml#1', null], ['issue.mets.xml#2', null]]);
    const [first, second] = report.files.map((f) => getPage(lib.db, f.pageId!).rawText);
    expect(second).toContain('Career of These Veterans');
    expect(first).not.toContain('Career of These Veterans');
    // no logical structMap: the engine segments the pages as any other
    expect(getPage(lib.db, report.files[0]!.pageId!).annotation.articles.every((a) => a.why?.rule !== 'source-structure')).toBe(true);
  });

  it('reads nothing outside its folder, and says which page it could not read', async () => {
    const text = new TextDecoder().decode(sourceBytes('ndnp-1898.mets.xml'));
    mkdirSync(join(dir(), 'issue'));
    writeFileSync(join(dir(), 'secret.xml'), sourceBytes('ndnp-alto-sample.xml'));
    writeFileSync(join(dir(), 'issue', 'outside.mets.xml'), text.replace('xlink:href="ndnp-alto-sample.xml"', 'xlink:href="../secret.xml"'));
    const outside = await importPaths(lib.db, [join(dir(), 'issue', 'outside.mets.xml')], {});
    expect(outside.files[0]?.error).toBe('../secret.xml is not a file beside this one (only relative names inside its folder are read)');
    writeFileSync(join(dir(), 'issue', 'absolute.mets.xml'), text.replace('xlink:href="ndnp-alto-sample.xml"', `xlink:href="file://${join(dir(), 'secret.xml')}"`));
    expect((await importPaths(lib.db, [join(dir(), 'issue', 'absolute.mets.xml')], {})).files[0]?.error).toMatch(/is not a file beside this one/);
    writeFileSync(join(dir(), 'issue', 'missing.mets.xml'), text);
    const missing = await importPaths(lib.db, [join(dir(), 'issue', 'missing.mets.xml')], {});
    expect(missing.files[0]?.error).toBe('ndnp-alto-sample.xml, named by the METS, is not beside it');
    expect(missing.imported).toBe(0);
    writeFileSync(join(dir(), 'issue', 'ndnp-alto-sample.xml'), '<alto><Layout>');
    const broken = await importPaths(lib.db, [join(dir(), 'issue', 'missing.mets.xml')], {});
    expect(broken.files[0]?.error).toMatch(/^ndnp-alto-sample\.xml: broken XML at line 1/);
  });
});
