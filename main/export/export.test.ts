import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../app/export/index.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { ajv, validArticle, validIssue } from '../../tests/support/galley-schemas.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { applyEditToPage } from '../edits/edits.js';
import { exportIssueToFolder, renderIssueExport, writeExportFiles } from './export.js';
import { importIssueJson } from '../import/import-json.js';
import { getPage, type Library, libraryTree, openLibrary } from '../library/library.js';
import { getArticleMetadata, setArticleMetadata } from '../metadata/metadata.js';
import { importPaths } from '../import/import.js';

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
let issueId: number;
let pageId: number;
beforeEach(async () => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
  const report = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
  issueId = report.issueId!;
  pageId = report.files[0]!.pageId!;
  // Tag the sample as an editor would: metadata, entities, and corrections of the source lines.
  const { text } = getArticleMetadata(lib.db, pageId, 'a3');
  const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, text: word });
  setArticleMetadata(lib.db, pageId, 'a3', {
    date: '1月4日', keywords: ['工业'], tags: ['调研'], status: 'done', notes: 'checked against the PDF',
    entities: [{ type: 'person', ...at('向必武') }, { type: 'place', ...at('大风洞镇') }, { type: 'org', ...at('凯荣玻璃有限公司') }],
  });
  setArticleMetadata(lib.db, pageId, 'a1', { title: '州委第六巡察组专项巡察动员会召开', status: 'in-review' });
  const line = getPage(lib.db, pageId).annotation.lines.find((l) => l.text.includes('1 月 4 日'))!;
  applyEditToPage(lib.db, pageId, { op: 'editLine', n: line.n, text: line.text.replace('1 月 4 日', '1月4日') });
  applyEditToPage(lib.db, pageId, { op: 'setBreak', n: line.n, kind: 'join' });
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

const files = (format: ExportFormat) => renderIssueExport(lib.db, issueId, format).files;

describe('issue export', () => {
  it('json: valid against the shipped schema, and json → import → json gives the same bytes', () => {
    const [json] = files('json');
    const doc = JSON.parse(json!.content);
    expect(validIssue(doc), ajv.errorsText(validIssue.errors)).toBe(true);
    expect(doc.journal.map((j: { op: string }) => j.op)).toEqual(['articles:meta:set', 'articles:meta:set', 'editLine', 'setBreak']);
    expect(doc.pages[0].segmentation.articles[2].provenance.paragraphs[0][0]).toBeGreaterThan(0);

    const again = importIssueJson(lib.db, json!.content);
    expect(again).toMatchObject({ pages: 1, articles: 8 });
    expect(renderIssueExport(lib.db, again.issueId, 'json').files[0]!.content).toBe(json!.content);
  });

  it('jsonl: one article a line, each valid against the article schema, offsets pointing at their words', () => {
    const lines = files('jsonl')[0]!.content.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(8);
    for (const record of lines) expect(validArticle(record), ajv.errorsText(validArticle.errors)).toBe(true);
    const a3 = lines[2];
    expect(a3).toMatchObject({ article: 'a3', date: '2021-01-04', status: 'done', authors: ['李靖'], section: '时政凯里' });
    for (const e of a3.entities) expect(a3.text.slice(e.start, e.end)).toBe(e.text);
  });

  it('tei: well-formed XML with articles, heads, bylines and tagged names', () => {
    const tei = files('tei')[0]!.content;
    expect(XMLValidator.validate(tei)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: false }).parse(tei);
    const divs = parsed.TEI.text.body.div;
    expect(divs).toHaveLength(8);
    expect(divs[2]['@_type']).toBe('article');
    expect(tei).toContain('<persName>向必武</persName>');
    expect(tei).toContain('<placeName>大风洞镇</placeName>');
    expect(tei).toContain('<orgName>凯荣玻璃有限公司</orgName>');
    expect(tei).toContain('<head type="kicker">向必武杨波调研工业发展和项目建设情况时强调</head>');
  });

  it('csv: UTF-8 with a byte order mark, CRLF rows, one per article', () => {
    const csv = files('csv')[0]!.content;
    expect(csv.startsWith('\uFEFFpublication,issue_date,page,pages,article,kicker,title')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows).toHaveLength(10);
    expect(rows[3]).toContain('凯里日报,2021-01-06,1,1,a3,向必武杨波调研工业发展和项目建设情况时强调,确保凯里市“十四五”开局之年开好局、起好步,,李靖,2021-01-04,时政凯里,news,工业,调研,向必武,大风洞镇,凯荣玻璃有限公司,done');
  });

  it('md and txt: a file per article (md with front matter and an index), in a folder of their own', () => {
    const written = exportIssueToFolder(lib.db, issueId, 'md', join(tmp.dir, 'out'));
    expect(written).toHaveLength(9);
    const folder = join(tmp.dir, 'out', `凯里日报_2021-01-06_${issueId}`);
    expect(readdirSync(folder)).toContain('index.md');
    const a3 = readFileSync(written.find((f) => f.includes('_p01_03_'))!, 'utf8');
    expect(a3.split('\n').slice(0, 3)).toEqual(['---', 'title: "确保凯里市“十四五”开局之年开好局、起好步"', 'kicker: "向必武杨波调研工业发展和项目建设情况时强调"']);
    expect(a3).toContain('people: ["向必武"]');
    const txt = files('txt');
    expect(txt).toHaveLength(8);
    expect(txt[0]!.name).toBe('凯里日报_2021-01-06_p01_01_州委第六巡察组专项巡察动员会召开.txt');
    expect(txt[0]!.content.startsWith('州委第六巡察组专项巡察动员会召开\n\n本报讯（通讯员 李靖）根据州委关于巡察工作的统一部署，1月4日上午')).toBe(true);
  });

  it('writes nothing outside the chosen folder, whatever the titles', () => {
    const hostile = ['../../etc/passwd', 'CON', 'a/b', '报'.repeat(300), 'x\\..\\..\\y', 'nul.', 'Title', 'title'];
    hostile.forEach((title, i) => setArticleMetadata(lib.db, pageId, `a${i + 1}`, { title }));
    const out = join(tmp.dir, 'safe');
    for (const format of ['md', 'txt'] as const) {
      const written = exportIssueToFolder(lib.db, issueId, format, out);
      expect(written).toHaveLength(format === 'md' ? 9 : 8);
      for (const file of written) {
        expect(resolve(file).startsWith(resolve(out, `凯里日报_2021-01-06_${issueId}`))).toBe(true);
        expect(Buffer.byteLength(file.split('/').pop()!)).toBeLessThanOrEqual(255);
      }
    }
    expect(readdirSync(join(out, `凯里日报_2021-01-06_${issueId}`)).filter((f) => f.endsWith('.md')).sort().slice(0, 3))
      .toEqual(['index.md', '凯里日报_2021-01-06_p01_01_etc-passwd.md', '凯里日报_2021-01-06_p01_02_CON.md']);
    for (const name of ['../escape.txt', 'sub/file.txt', '..', '']) {
      expect(() => writeExportFiles([{ name, content: 'x' }], out)).toThrow('refusing to write');
    }
  });

  it('refuses a malformed export file in one line and imports nothing', () => {
    const good = JSON.parse(files('json')[0]!.content);
    const before = libraryTree(lib.db).publications[0]!.issues.length;
    const broken = structuredClone(good);
    broken.pages[0].annotation.lines[5].n = 99;
    const cases: [string, string][] = [
      ['{"format":', 'is not JSON'],
      ['{"hello": 1}', 'is not a Galley issue export'],
      [JSON.stringify({ ...good, pages: [{ ...good.pages[0], sha256: 'x' }] }), 'pages.0.sha256'],
      [JSON.stringify(broken), 'page 1: line 99 is out of order'],
      [JSON.stringify({ ...good, journal: [{ ...good.journal[0], page: 7 }] }), 'the journal names page 7'],
    ];
    for (const [text, message] of cases) {
      expect(() => importIssueJson(lib.db, text, 'issue.json')).toThrow(message);
    }
    expect(libraryTree(lib.db).publications[0]!.issues).toHaveLength(before);
  });
});

describe('the json export', () => {
  it('gives an article the same genre in its segmentation as in its metadata', () => {
    setArticleMetadata(lib.db, pageId, 'a3', { genre: 'letter' });
    const doc = JSON.parse(renderIssueExport(lib.db, issueId, 'json').files[0]!.content) as { pages: { segmentation: { articles: { id: string; genre: string }[] }; metadata: { article: string; resolved?: { genre: string } }[] }[] };
    const page = doc.pages[0]!;
    expect(page.segmentation.articles.find((a) => a.id === 'a3')?.genre).toBe('letter');
    for (const a of page.segmentation.articles) expect(a.genre).toBe(page.metadata.find((m) => m.article === a.id)?.resolved?.genre);
  });
});

describe('the json export of a waived QA item', () => {
  it('keeps the waiver and its reason, valid against the schema', () => {
    setArticleMetadata(lib.db, pageId, 'a1', { waive: { kind: 'no-title', reason: '原版无标题' } });
    const doc = JSON.parse(renderIssueExport(lib.db, issueId, 'json').files[0]!.content) as unknown;
    expect(validIssue(doc)).toBe(true);
  });
});

describe('jsonl article ids', () => {
  it('are publication, issue date, page and the article number in reading order: no internal keys, no gaps', () => {
    const line = getPage(lib.db, pageId).annotation.lines.find((l) => l.text.includes('刘良敖强调'))!;
    applyEditToPage(lib.db, pageId, { op: 'startArticle', n: line.n });
    const ids = files('jsonl')[0]!.content.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => `凯里日报/2021-01-06/p1/${i + 1}`));
  });
});
