import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposePage, splitLines } from '../../app/engine/index.js';
import { GalleyError } from '../../app/errors.js';
import { recordEdit } from '../store/journal.js';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { issueFileStem } from '../../app/export/file-names.js';
import { buildIssueExport, exportIssueToFolder } from '../export/export.js';
import { getPage, type Library, libraryInfo, libraryTree } from './library.js';
import { tempLibraryPerTest } from '../../tests/support/temp-library.js';
import { importPaths } from '../import/import.js';
import { checkIntegrity } from '../store/integrity.js';

const page = readFileSync(KAILI_PAGE, 'utf8');

let lib: Library;
let root: string;
tempLibraryPerTest((l, dir) => {
  lib = l;
  root = dir;
});

function notFound(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GalleyError);
    expect((err as GalleyError).code).toBe('NOT_FOUND');
    return (err as GalleyError).message;
  }
  throw new Error('expected NOT_FOUND');
}

describe('library', () => {
  it('opens empty, with its path and schema version', () => {
    expect(libraryTree(lib.db)).toEqual({ publications: [] });
    expect(libraryInfo(lib)).toEqual({ libraryPath: join(root, 'library.db'), schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('gives a page with the annotation proposed on import', async () => {
    const report = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
    const detail = getPage(lib.db, report.files[0]!.pageId!);
    expect(detail.page).toMatchObject({ number: 1, file: '000_274485b1067f232e.txt', encoding: 'utf-8', lineCount: 429, issueId: report.issueId });
    expect(detail.annotation).toStrictEqual(proposePage(splitLines(page)));
    expect(notFound(() => getPage(lib.db, 9999))).toBe('no page with id 9999');
  });

  it('exports an issue with everything needed to restore it', async () => {
    const report = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
    const pageId = report.files[0]!.pageId!;
    recordEdit(lib.db, { pageId, op: 'line.text', payload: { n: 3, text: 'x' }, inverse: { n: 3, text: 'y' } }, () => undefined);
    const data = buildIssueExport(lib.db, report.issueId!);
    expect(data).toMatchObject({
      format: 'galley-issue', formatVersion: 2,
      publication: { name: '凯里日报' }, issue: { date: '2021-01-06', label: '2021-01-06' },
      journal: [{ page: 1, op: 'line.text', payload: { n: 3, text: 'x' }, undone: false }],
    });
    expect(data.pages).toHaveLength(1);
    expect(data.pages[0]).toMatchObject({ rawText: page, encoding: 'utf-8', segmentation: { source: { file: '000_274485b1067f232e.txt', lines: 429 } } });
    expect(data.pages[0]?.annotation).toStrictEqual(getPage(lib.db, pageId).annotation);
    const [file] = exportIssueToFolder(lib.db, report.issueId!, 'json', join(root, 'out', 'new'));
    expect(file!.endsWith(`凯里日报_2021-01-06_${report.issueId}.json`)).toBe(true);
    expect(JSON.parse(readFileSync(file!, 'utf8'))).toEqual(data);
    expect(notFound(() => buildIssueExport(lib.db, 77))).toBe('no issue with id 77');
  });

  it('names export files safely on every system', () => {
    const exportJsonName = (publication: string, date: string | null, issueId: number) => `${issueFileStem(publication, date, issueId)}.json`;
    expect(exportJsonName('凯里日报', '2021-01-06', 3)).toBe('凯里日报_2021-01-06_3.json');
    expect(exportJsonName('A/B: "C"? <D>|*\\', null, 4)).toBe('A_B_ _C__ _D_____undated_4.json');
    expect(exportJsonName(' ..hidden. ', null, 5)).toBe('hidden_undated_5.json');
    expect(exportJsonName('\u0000\n', null, 6)).toBe('___undated_6.json');
    expect(Buffer.byteLength(exportJsonName('报'.repeat(300), '2021-01-06', 7))).toBeLessThanOrEqual(255);
  });

  it('checks integrity and counts rows', async () => {
    const pageId = (await importPaths(lib.db, [KAILI_PAGE], {})).files[0]!.pageId!;
    const report = checkIntegrity(lib.db);
    expect(report).toMatchObject({ ok: true, integrity: ['ok'], foreignKeys: [], search: 'ok', schemaVersion: LATEST_SCHEMA_VERSION, latestSchemaVersion: LATEST_SCHEMA_VERSION });
    expect(report.counts).toMatchObject({ publications: 1, issues: 1, pages: 1, lines: 429 });
    expect(report.counts.articles).toBe(getPage(lib.db, pageId).annotation.articles.length);
  });
});
