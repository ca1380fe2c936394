import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KAILI_PAGE, SOURCES_DIR } from '../../tests/support/fixtures.js';
import { schemaErrors } from '../../tests/support/official-schemas.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { applyEditToPage } from '../edits/edits.js';
import { importPaths } from '../import/import.js';
import { importIssueJson } from '../import/import-json.js';
import { getPage, type Library, libraryTree, openLibrary } from '../library/library.js';
import { getPageSource } from '../store/page-sources.js';
import { exportIssueToFolder, renderIssueExport } from './export.js';

// Back to the archive: an issue read from a source with geometry leaves as METS + ALTO and as
// PAGE-XML carrying the editor's articles, each valid against the official schema.

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['TextBlock', 'TextLine', 'String', 'TextRegion', 'mets:div', 'mets:area', 'mets:file', 'StructureTag', 'LayoutTag', 'OrderedGroupIndexed', 'RegionRefIndexed'].includes(name) });
type Node = Record<string, unknown>;
const list = (v: unknown) => (v ?? []) as Node[];

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
beforeEach(() => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

async function importSource(file: string): Promise<{ issueId: number; pageId: number }> {
  const report = await importPaths(lib.db, [join(SOURCES_DIR, file)], { publication: 'The National Tribune', date: '1898-11-10' });
  expect(report.files[0]!.error).toBeNull();
  return { issueId: report.issueId!, pageId: report.files[0]!.pageId! };
}

describe('archive export of a page with geometry (ALTO in, METS + ALTO and PAGE-XML out)', () => {
  it('writes METS, ALTO and PAGE-XML valid against the official schemas, every article with its line areas', async () => {
    const { issueId, pageId } = await importSource('ndnp-alto-sample.xml');
    const page = getPage(lib.db, pageId);
    // The editor's structure, not the engine's: a new article on a body line must reach the archive.
    const bodyLine = page.annotation.lines.find((l) => l.label?.kind === 'article' && l.label.role === 'body' && l.n > 200)!;
    const before = page.annotation.articles.length;
    applyEditToPage(lib.db, pageId, { op: 'startArticle', n: bodyLine.n });
    const articles = getPage(lib.db, pageId).annotation.articles;
    expect(articles.length).toBe(before + 1);

    const written = exportIssueToFolder(lib.db, issueId, 'mets', join(tmp.dir, 'out'));
    expect(written.map((f) => basename(f))).toEqual([`The National Tribune_1898-11-10_${issueId}.mets.xml`, `The National Tribune_1898-11-10_${issueId}_p01.alto.xml`]);
    expect(written.every((f) => f.includes(`${join(tmp.dir, 'out', `The National Tribune_1898-11-10_${issueId}`)}`))).toBe(true);
    const [metsXml, altoXml] = written.map((f) => readFileSync(f, 'utf8')) as [string, string];
    expect(await schemaErrors('mets', metsXml)).toEqual([]);
    expect(await schemaErrors('alto', altoXml)).toEqual([]);

    // ALTO: pixels; each line's box is the source's (inch1200 at 300 dpi: a quarter).
    const alto = parser.parse(altoXml).alto as Node;
    expect((alto.Description as Node).MeasurementUnit).toBe('pixel');
    const blocks = list(((((alto.Layout as Node).Page as Node).PrintSpace as Node).TextBlock));
    const lines = blocks.flatMap((b) => list(b.TextLine));
    const geometry = getPageSource(lib.db, pageId)!.geometry;
    const first = lines[0]!;
    const n = Number(String(first.ID).split('_L')[1]);
    expect(Number(first.HPOS)).toBe(Math.round(geometry.lines[n - 1]!.x / 4));
    expect(Number(first.VPOS)).toBe(Math.round(geometry.lines[n - 1]!.y / 4));
    const nonBlank = getPage(lib.db, pageId).annotation.lines.filter((l) => l.label !== null && l.text.trim() !== '');
    expect(lines).toHaveLength(nonBlank.length);

    // METS: the ALTO file, the page, and every article of the page with areas naming ALTO TextBlocks.
    const mets = parser.parse(metsXml)['mets:mets'] as Node;
    const files = list(((mets['mets:fileSec'] as Node)['mets:fileGrp'] as Node)['mets:file']);
    expect(files.map((f) => (f['mets:FLocat'] as Node)['xlink:href'])).toEqual([encodeURI(basename(written[1]!))]);
    const [physical, logical] = mets['mets:structMap'] as Node[];
    expect(physical!.TYPE).toBe('PHYSICAL');
    expect(list((list(physical!['mets:div'])[0]!)['mets:div']).map((d) => d.TYPE)).toEqual(['page']);
    const issue = list(logical!['mets:div'])[0]!;
    expect(issue.TYPE).toBe('issue');
    const logicalArticles = list(issue['mets:div']);
    expect(logicalArticles).toHaveLength(articles.length);
    const blockIds = new Set(blocks.map((b) => b.ID));
    for (const a of logicalArticles) {
      expect(a.TYPE).toBe('article');
      expect(String(a.LABEL)).not.toBe('');
      const areas = list(((a['mets:fptr'] as Node)['mets:seq'] as Node)['mets:area']);
      expect(areas.length).toBeGreaterThan(0);
      for (const area of areas) expect(blockIds.has(area.BEGIN)).toBe(true);
    }

    const [pageXml] = renderIssueExport(lib.db, issueId, 'page').files;
    expect(pageXml!.name).toBe(`The National Tribune_1898-11-10_${issueId}_p01.page.xml`);
    expect(await schemaErrors('page', pageXml!.content)).toEqual([]);
    const pc = (parser.parse(pageXml!.content).PcGts as Node).Page as Node;
    expect(list(pc.TextRegion).flatMap((r) => list(r.TextLine))).toHaveLength(nonBlank.length);
    const groups = list((((pc.ReadingOrder as Node).OrderedGroup as Node)).OrderedGroupIndexed);
    expect(groups).toHaveLength(articles.length);
  });

  it('validates PAGE-XML and ALTO made from a PAGE-XML source, and from a page imported as text (boxes from line numbers)', async () => {
    const cz = await importSource('textbite-1b8adb50.page.xml');
    for (const format of ['alto', 'page'] as const) {
      for (const f of renderIssueExport(lib.db, cz.issueId, format).files) expect(await schemaErrors(format, f.content, f.name)).toEqual([]);
    }
    const report = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
    const [metsFile, altoFile] = renderIssueExport(lib.db, report.issueId!, 'mets').files;
    expect(await schemaErrors('mets', metsFile!.content)).toEqual([]);
    expect(await schemaErrors('alto', altoFile!.content)).toEqual([]);
    expect(altoFile!.content).toContain('the source had no line boxes');
    expect(altoFile!.content).toMatch(/<TextLine ID="P1_L1" HPOS="100" VPOS="100" WIDTH="\d+" HEIGHT="32">/);
    const [pageFile] = renderIssueExport(lib.db, report.issueId!, 'page').files;
    expect(await schemaErrors('page', pageFile!.content)).toEqual([]);
  });

  it('puts each article\'s page and box into jsonl and json, and json brings the geometry back on import', async () => {
    const { issueId, pageId } = await importSource('ndnp-alto-sample.xml');
    const records = renderIssueExport(lib.db, issueId, 'jsonl').files[0]!.content.trim().split('\n').map((l) => JSON.parse(l) as { pages: { page: number; box: { unit: string; w: number } | null }[] });
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.pages).toEqual([{ page: 1, box: expect.objectContaining({ unit: 'inch1200' }) }]);
    expect(records.every((r) => r.pages[0]!.box!.w > 0)).toBe(true);

    const json = renderIssueExport(lib.db, issueId, 'json').files[0]!.content;
    const doc = JSON.parse(json) as { pages: { geometry: { unit: string }; metadata: { pages?: unknown[] }[] }[] };
    expect(doc.pages[0]!.geometry.unit).toBe('inch1200');
    expect(doc.pages[0]!.metadata[0]!.pages).toEqual(records[0]!.pages);
    const again = importIssueJson(lib.db, json);
    const restoredPage = libraryTree(lib.db).publications.flatMap((p) => p.issues).find((i) => i.id === again.issueId)!.pages[0]!;
    expect(getPageSource(lib.db, restoredPage.id)?.geometry).toEqual(getPageSource(lib.db, pageId)?.geometry);
    expect(renderIssueExport(lib.db, again.issueId, 'json').files[0]!.content).toBe(json);
  });

  it('is checked for real: a file the official schemas refuse is reported, not passed', async () => {
    const report = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
    const [metsFile, altoFile] = renderIssueExport(lib.db, report.issueId!, 'mets').files;
    expect(await schemaErrors('alto', altoFile!.content.replace('<MeasurementUnit>pixel</MeasurementUnit>', ''))).not.toEqual([]);
    expect(await schemaErrors('mets', metsFile!.content.replace(/ LOCTYPE="URL"/g, ''))).not.toEqual([]);
    const [pageFile] = renderIssueExport(lib.db, report.issueId!, 'page').files;
    expect(await schemaErrors('page', pageFile!.content.replace(/<Coords points="[^"]*"\/>/, ''))).not.toEqual([]);
  });
});
