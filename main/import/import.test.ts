import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../app/engine/index.js';
import { KAILI_PAGE, PRINTS_DIR, SOURCES_DIR } from '../../tests/support/fixtures.js';
import { importFiles, importPaths, type ImportProgress, importSampleIfEmpty } from './import.js';
import { getPage, type Library, libraryTree } from '../library/library.js';
import { tempLibraryPerTest } from '../../tests/support/temp-library.js';
import { checkIntegrity } from '../store/integrity.js';
import { getPageSource, getPdfBytes } from '../store/page-sources.js';
import { makePdf, twoColumnPage } from '../bench/pdf.js';

const page = readFileSync(KAILI_PAGE, 'utf8');
const TRADITIONAL = '本報訊（通訊員 李靖）根據州委關於巡察工作的統一部署，1月4日上午召開會議。\n會議強調，要堅持問題導向。\n';

let lib: Library;
let root: string;
tempLibraryPerTest((l, dir) => {
  lib = l;
  root = dir;
});

function folder(name: string, files: Record<string, Uint8Array | string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}
const enc = (text: string, encoding: string) => iconv.encode(text, encoding);
const count = (table: string) => lib.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('import', () => {
  it('reads a folder of pages in every supported encoding into one issue named by the folder', async () => {
    const dir = folder('凯里日报_2021-01-06', {
      'p6.txt': enc(TRADITIONAL, 'big5'),
      'p1.txt': enc(`\uFEFF${page}`, 'utf-16le'),
      'p2.txt': enc(`\uFEFF${page}`, 'utf-16be'),
      'p3.txt': enc(page, 'gb18030'),
      'p4.txt': page.replaceAll('\n', '\r\n'),
      'p5.txt': enc(page.replaceAll('\n', '\r'), 'gbk'),
      'notes.md': 'not a page',
      '._p1.txt': new Uint8Array([0, 5, 22, 7, 0, 0]),
    });
    const report = await importPaths(lib.db, [dir], {});
    expect(report.failed).toBe(0);
    expect(report.files.map((f) => [f.file.slice(dir.length + 1), f.encoding, f.lines])).toEqual([
      ['p1.txt', 'utf-16le', 429], ['p2.txt', 'utf-16be', 429], ['p3.txt', 'gb18030', 429],
      ['p4.txt', 'utf-8', 429], ['p5.txt', 'gb18030', 429], ['p6.txt', 'big5', 3],
    ]);
    const [publication] = libraryTree(lib.db).publications;
    expect(publication?.name).toBe('凯里日报');
    expect(publication?.issues.map((i) => [i.id, i.date, i.label])).toEqual([[report.issueId, '2021-01-06', '2021-01-06']]);
    const pages = publication?.issues[0]?.pages ?? [];
    expect(pages.map((p) => [p.number, p.file, p.lineCount])).toEqual([
      [1, 'p1.txt', 429], [2, 'p2.txt', 429], [3, 'p3.txt', 429], [4, 'p4.txt', 429], [5, 'p5.txt', 429], [6, 'p6.txt', 2],
    ]);
    for (const p of pages.slice(0, 5)) {
      const detail = getPage(lib.db, p.id);
      expect(detail.annotation.lines.map((l) => l.text)).toEqual(splitLines(page));
      expect(detail.annotation.lines.some((l) => l.edited !== undefined)).toBe(false);
    }
    expect(getPage(lib.db, pages[5]!.id).annotation.lines[0]?.text).toBe(TRADITIONAL.split('\n')[0]);
  });

  it('keeps the raw text untouched and hashes the file bytes', async () => {
    const report = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
    const pageId = report.files[0]!.pageId!;
    expect(lib.db.prepare('SELECT raw_text FROM pages WHERE id = ?').pluck().get(pageId)).toBe(page);
    expect(getPage(lib.db, pageId).page.sha256).toBe('81b293c5155cc6a81c25b81c7bccead1a70faa2f55f1607b84f1ab15da1bbc7c');
  });

  it('refuses each bad file with one line, imports the rest, and stores nothing of a refused page', async () => {
    const dir = folder('batch', {
      'p1.txt': page,
      'p2.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'p3.txt': '',
      'p4.txt': new Uint8Array([0x61, 0x80, 0x62, 0xff, 0x0a]),
      'p5.txt': '本报讯\0通讯员',
      'p6.txt': '',
      'p8.txt': TRADITIONAL,
    });
    truncateSync(join(dir, 'p6.txt'), 100 * 1024 * 1024); // sparse: 100 MB without writing them
    copyFileSync(join(dir, 'p1.txt'), join(dir, 'p7.txt'));
    const report = await importPaths(lib.db, [dir, join(root, 'missing.txt')], { publication: 'P' });
    const errors = Object.fromEntries(report.files.map((f) => [f.file.split('/').pop(), f.error]));
    expect(errors).toEqual({
      'p1.txt': null,
      'p2.txt': 'binary file (PNG image), not a text page',
      'p3.txt': 'empty file',
      'p4.txt': 'invalid bytes: not valid UTF-8, GB18030 or Big5 text',
      'p5.txt': 'contains NUL bytes (first at byte 9); not a text page (UTF-16 needs a BOM)',
      'p6.txt': 'file is 100.0 MB; a page may be at most 32.0 MB',
      'p7.txt': `same page as ${join(dir, 'p1.txt')} (identical content), imported once`,
      'p8.txt': null,
      'missing.txt': 'no such file or folder',
    });
    expect([report.imported, report.failed]).toEqual([2, 7]);
    expect(count('pages')).toBe(2);
    // Uncorrected pages keep the engine's decisions in one value and no line rows until edited.
    expect(lib.db.prepare('SELECT sum(line_count) FROM pages WHERE proposal IS NOT NULL').pluck().get()).toBe(429 + 3);
    expect(count('lines')).toBe(0);
    expect(libraryTree(lib.db).publications[0]?.issues[0]?.pages.map((p) => [p.number, p.file])).toEqual([[1, 'p1.txt'], [2, 'p8.txt']]);
  });

  it('rolls a page back whole when storing it fails half way, and creates no empty issue', async () => {
    lib.db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON main.search_dirty BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const report = await importPaths(lib.db, [KAILI_PAGE], {});
    expect(report).toMatchObject({ issueId: null, imported: 0, failed: 1 });
    expect(report.files[0]?.error).toBe('could not store the page: disk full');
    for (const table of ['publications', 'issues', 'pages', 'lines', 'articles', 'spans']) expect(count(table)).toBe(0);
    expect(count('search_dirty')).toBe(0);
    lib.db.exec('DROP TRIGGER fail');
    expect((await importPaths(lib.db, [KAILI_PAGE], {})).imported).toBe(1);
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });

  it('says so when a folder has no pages', async () => {
    const dir = folder('empty', { 'readme.md': 'x' });
    const report = await importPaths(lib.db, [dir], {});
    expect(report).toEqual({ issueId: null, imported: 0, failed: 1, skipped: 0, files: [{ file: dir, pageId: null, encoding: null, lines: 0, error: 'folder has no pages (.txt, .xml, .alto, .hocr, .html, .pdf, .mets)' }] });
    expect(count('issues')).toBe(0);
  });

  it('reports progress after every file', async () => {
    const dir = folder('progress', { 'p1.txt': page, 'p2.txt': '', 'p3.txt': TRADITIONAL });
    const events: ImportProgress[] = [];
    await importPaths(lib.db, [dir], {}, (p) => events.push(p));
    expect(events.map((e) => [e.done, e.total, e.file.slice(dir.length + 1)])).toEqual([[1, 3, 'p1.txt'], [2, 3, 'p2.txt'], [3, 3, 'p3.txt']]);
  });

  it('reports progress after every page of a PDF, counting its pages once it is read', async () => {
    const pdf = makePdf([1, 2, 3].map((n) => [{ x: 72, y: 700, size: 12, str: `page ${n}` }]));
    const dir = folder('pdf-progress', { 'a.pdf': pdf, 'b.txt': page });
    const events: ImportProgress[] = [];
    await importPaths(lib.db, [dir], {}, (p) => events.push(p));
    expect(events.map((e) => [e.done, e.total, e.file.slice(dir.length + 1)])).toEqual([[1, 4, 'a.pdf#1'], [2, 4, 'a.pdf#2'], [3, 4, 'a.pdf#3'], [4, 4, 'b.txt']]);
  });

  it('imports uploaded files, naming the issue from their names, refusing a twin', async () => {
    const report = await importFiles(lib.db, [
      { name: 'kl/20210106_page-2.txt', bytes: enc(TRADITIONAL, 'big5') },
      { name: 'kl/20210106_page-1.txt', bytes: enc(page, 'utf8') },
      { name: 'kl/copy.txt', bytes: enc(page, 'utf8') },
    ], {});
    expect(report.files.map((f) => [f.file, f.error])).toEqual([
      ['kl/20210106_page-1.txt', null], ['kl/20210106_page-2.txt', null],
      ['kl/copy.txt', 'same page as kl/20210106_page-1.txt (identical content), imported once'],
    ]);
    const [publication] = libraryTree(lib.db).publications;
    expect([publication?.name, publication?.issues[0]?.date]).toEqual(['kl', '2021-01-06']);
    expect(publication?.issues[0]?.pages.map((p) => p.file)).toEqual(['20210106_page-1.txt', '20210106_page-2.txt']);
  });

  it('puts every import into a new issue, options winning over names', async () => {
    const first = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-07', label: 'morning' });
    const second = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报' });
    expect(first.issueId).not.toBe(second.issueId);
    const [publication] = libraryTree(lib.db).publications;
    expect(publication?.issues.map((i) => [i.date, i.label])).toEqual([['2021-01-07', 'morning'], [null, expect.stringMatching(/^imported \d{4}-/)]]);
  });

  it('imports the sample only into an empty library', async () => {
    expect((await importSampleIfEmpty(lib.db, KAILI_PAGE, { publication: '凯里日报' }))?.imported).toBe(1);
    expect(await importSampleIfEmpty(lib.db, KAILI_PAGE)).toBeNull();
    expect(count('pages')).toBe(1);
  });

  it('imports a PDF as one issue, a page per PDF page, keeping the PDF once and each line\'s box', async () => {
    const pdf = makePdf([twoColumnPage(), [], [{ x: 72, y: 700, size: 12, str: 'page three' }]]);
    const dir = folder('tribune_1898-11-10', { 'issue.pdf': pdf, 'notes.md': 'not a page' });
    const report = await importPaths(lib.db, [dir], {});
    expect(report.files.map((f) => [f.file.split('/').pop(), f.lines, f.error])).toEqual([
      ['issue.pdf#1', 19, null],
      ['issue.pdf#2', 0, 'no text on this page'],
      ['issue.pdf#3', 1, null],
    ]);
    const [first, , third] = report.files;
    expect(getPage(lib.db, first!.pageId!).rawText.split('\n')[0]).toBe('Big News Across Both Columns');
    expect(getPageSource(lib.db, third!.pageId!)).toMatchObject({ pdf: { pageIndex: 2 }, geometry: { unit: 'pt', width: 612, height: 792 } });
    const source = getPageSource(lib.db, first!.pageId!)!;
    expect(source.geometry.lines).toHaveLength(19);
    expect(Buffer.from(getPdfBytes(lib.db, source.pdf!.sourceId)!)).toEqual(Buffer.from(pdf));
    expect(count('page_sources')).toBe(1);
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });

  it('segments a PDF page with its print: a title set large is a headline because of its size', async () => {
    const report = await importPaths(lib.db, [join(PRINTS_DIR, 'zh_photo_letter_banner.pdf')], {});
    const { annotation } = getPage(lib.db, report.files[0]!.pageId!);
    const line = (start: string) => annotation.lines.find((l) => l.text.startsWith(start))!;
    expect(line('市总工会开展送温暖活动')).toMatchObject({ label: { role: 'headline' }, why: { label: { rule: 'headline-size' } } });
    expect(line('致全市广大市民朋友的一封信')).toMatchObject({ label: { role: 'headline' }, why: { label: { rule: 'headline-size' } } });
    expect(line('广大市民朋友')).toMatchObject({ label: { role: 'body' } });
  });

  it('imports ALTO and PAGE-XML with geometry, and stores nothing for a refused XML file', async () => {
    const dir = folder('cz', {
      'p1.xml': readFileSync(join(SOURCES_DIR, 'textbite-842c41f0.alto.xml')),
      'p2.xml': readFileSync(join(SOURCES_DIR, 'textbite-1b8adb50.page.xml')),
      'p3.xml': '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY x SYSTEM "http://example.com/x">]><alto>&x;</alto>',
    });
    const report = await importPaths(lib.db, [dir], {});
    expect(report.files.map((f) => [f.lines, f.error])).toEqual([
      [315, null],
      [344, null],
      [0, expect.stringMatching(/DOCTYPE or entity declarations is refused/)],
    ]);
    expect(getPageSource(lib.db, report.files[1]!.pageId!)).toMatchObject({ pdf: null, geometry: { unit: 'pixel', width: 1500 } });
    expect([count('pages'), count('page_geometry'), count('page_sources')]).toEqual([2, 2, 0]);
  });
});

describe('the library tree', () => {
  it('counts the lines of a page saved with a final newline as an editor does', async () => {
    const dir = folder('final-newline', { 'p.txt': '本报讯（记者 张三）凯里市完成住房公积金归集。\n会议要求，各级各部门要提高认识。\n结尾。\n' });
    await importPaths(lib.db, [join(dir, 'p.txt')], { publication: '凯里日报', date: '2021-10-28' });
    const pages = libraryTree(lib.db).publications.flatMap((p) => p.issues.flatMap((i) => i.pages));
    expect(pages.map((p) => p.lineCount)).toEqual([3]);
  });
});

describe('an upload without issue details', () => {
  it('takes the date and the paper from the page header', async () => {
    const text = ['凯里日报', '2021年10月28日 星期四', '第2版', '', '本报讯（记者 张三）凯里市完成住房公积金归集。会议要求，各级各部门要提高认识。', ''].join('\n');
    const report = await importFiles(lib.db, [{ name: 'scan.txt', bytes: new TextEncoder().encode(text) }], {});
    expect(report.failed).toBe(0);
    const [publication] = libraryTree(lib.db).publications;
    expect([publication?.name, publication?.issues[0]?.date, publication?.issues[0]?.label]).toEqual(['凯里日报', '2021-10-28', '2021-10-28']);
  });
});

describe('pages whose names give no order', () => {
  it('take the page numbers they print (第N版)', async () => {
    const page = (n: string) => new TextEncoder().encode(['凯里日报', '2021年10月28日', `第${n}版`, '', `本报讯（记者 张三）第${n}版的稿件，会议要求各级各部门要提高认识。`, ''].join('\n'));
    await importFiles(lib.db, [{ name: 'scan-a.txt', bytes: page('3') }, { name: 'scan-b.txt', bytes: page('2') }], {});
    const pages = libraryTree(lib.db).publications[0]!.issues[0]!.pages;
    expect(pages.map((p) => [p.number, p.file])).toEqual([[2, 'scan-b.txt'], [3, 'scan-a.txt']]);
  });
});

describe('an import cut short', () => {
  it('leaves its issue marked incomplete; the same folder imported again goes on into it, skipping what it holds', async () => {
    const dir = folder('凯里日报_2021-01-07', { 'p1.txt': page, 'p2.txt': TRADITIONAL, 'p3.txt': `${page}\n补充一行。\n` });
    // What a kill after the first page leaves: each page commits on its own, the run's end never came.
    const first = await importPaths(lib.db, [dir], {});
    lib.db.prepare('DELETE FROM pages WHERE id IN (?, ?)').run(first.files[1]!.pageId, first.files[2]!.pageId);
    lib.db.prepare('UPDATE import_runs SET finished_at = NULL').run();
    const issue = () => libraryTree(lib.db).publications[0]!.issues[0]!;
    expect(issue()).toMatchObject({ incomplete: true, pages: [{ number: 1, file: 'p1.txt' }] });

    const again = await importPaths(lib.db, [dir], {});
    expect(again).toMatchObject({ issueId: issue().id, imported: 2, skipped: 1, failed: 0 });
    expect(again.files.map((f) => [f.file.split('/').pop(), f.skipped ?? false])).toEqual([['p1.txt', true], ['p2.txt', false], ['p3.txt', false]]);
    expect(libraryTree(lib.db).publications[0]!.issues).toHaveLength(1);
    expect(issue()).toMatchObject({ incomplete: false, pages: [{ number: 1, file: 'p1.txt' }, { number: 2, file: 'p2.txt' }, { number: 3, file: 'p3.txt' }] });

    // a finished import run again is a new issue, as before
    const third = await importPaths(lib.db, [dir], {});
    expect(third).toMatchObject({ imported: 3, skipped: 0 });
    expect(third.issueId).not.toBe(again.issueId);
    expect(checkIntegrity(lib.db).ok).toBe(true);
  });
});
