import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../app/export/jsonl.js';
import { CONTINUED_PAGES } from '../../tests/support/fixtures.js';
import { validArticle, validIssue } from '../../tests/support/galley-schemas.js';
import { tempLibraryPerTest } from '../../tests/support/temp-library.js';
import { toggleContinuation, undoEdit } from '../edits/edits.js';
import { importIssueJson } from '../import/import-json.js';
import { importPaths } from '../import/import.js';
import type { Library } from '../library/library.js';
import { issueArticles } from '../metadata/issue-articles.js';
import { schemaErrors } from '../../tests/support/official-schemas.js';
import { renderIssueExport } from './export.js';

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});
let issueId: number;
let p1: number;
let p2: number;
beforeEach(async () => {
  const report = await importPaths(lib.db, CONTINUED_PAGES, { publication: '凯里日报', date: '2021-10-28' });
  issueId = report.issueId!;
  [p1, p2] = report.files.map((f) => f.pageId!) as [number, number];
});

const rendered = (format: 'jsonl' | 'csv' | 'tei' | 'md' | 'txt' | 'json' | 'mets') => renderIssueExport(lib.db, issueId, format).files;
const records = () => rendered('jsonl')[0]!.content.trimEnd().split('\n').map((l) => JSON.parse(l) as ArticleRecord);

describe('exporting a continued article', () => {
  it('gives a linked article one METS div whose areas run over both pages, valid against the METS schema', async () => {
    toggleContinuation(lib.db, p1, 'a1');
    const [mets, ...altos] = rendered('mets');
    expect(altos).toHaveLength(2);
    const first = /<mets:div ID="LOG_P1_A1"[^>]*>([\s\S]*?)<\/mets:div>/.exec(mets!.content)![1]!;
    expect(first).toContain('FILEID="ALTO_P1"');
    expect(first).toContain('FILEID="ALTO_P2"');
    expect(mets!.content).not.toContain('ID="LOG_P2_A1"');
    expect(await schemaErrors('mets', mets!.content)).toEqual([]);
    for (const alto of altos) expect(await schemaErrors('alto', alto.content)).toEqual([]);
  });

  it('writes each part as an article of its own while they are not linked', () => {
    expect(records().map((r) => [r.pages.map((p) => p.page), r.article])).toEqual([[[1], 'a1'], [[1], 'a2'], [[2], 'a1'], [[2], 'a2']]);
  });

  it('writes a linked article once, whole, with the pages it spans, in every format', () => {
    toggleContinuation(lib.db, p1, 'a1');
    const jsonl = records();
    expect(jsonl.map((r) => [r.pages.map((p) => p.page), r.article])).toEqual([[[1, 2], 'a1'], [[1], 'a2'], [[2], 'a2']]);
    for (const r of jsonl) expect(validArticle(r), JSON.stringify(validArticle.errors)).toBe(true);
    const whole = jsonl[0]!;
    expect(whole.title).toContain('凯里经济开发区工业园区建设提速');
    expect(whole.text).not.toMatch(/转第|上接/);
    expect(whole.paragraphs).toHaveLength(4);
    expect(whole.paragraphs[1]).toMatch(/生产条件。$/);
    expect(whole.paragraphs[2]).toMatch(/^为加快项目落地/);
    expect(whole.paragraphs[3]).toMatch(/有力支撑。$/);
    expect(whole.provenance.paragraphs).toHaveLength(whole.paragraphs.length);

    const csv = rendered('csv')[0]!.content.slice(1).split('\r\n').filter(Boolean);
    expect(csv).toHaveLength(4);
    expect(csv[1]).toContain('凯里日报,2021-10-28,1,1; 2,a1,');
    const tei = rendered('tei')[0]!.content;
    expect(tei.match(/type="article"/g)).toHaveLength(3);
    expect(tei).toContain('<pb n="2"/>\n        <p n="3">为加快项目落地');
    expect(tei).not.toContain('上接第1版');
    const md = rendered('md');
    expect(md).toHaveLength(4);
    expect(md[1]!.content).toContain('pages: [1,2]');
    expect(md[0]!.content).toContain('— p. 1–2');
    const txt = rendered('txt');
    expect(txt).toHaveLength(3);
    expect(txt[0]!.content).toContain('生产条件。\n\n为加快项目落地');

    const json = rendered('json')[0]!.content;
    const doc = JSON.parse(json) as { continuations: unknown; journal: { op: string; payload: unknown }[] };
    expect(validIssue(doc), JSON.stringify(validIssue.errors)).toBe(true);
    expect(doc.continuations).toEqual([{ from: { page: 1, article: 'a1' }, to: { page: 2, article: 'a1' } }]);
    // Links in the journal name pages by number, never by a library's row ids.
    expect(doc.journal.find((j) => j.op === 'linkContinuation')?.payload).toEqual({ add: { from: { page: 1, article: 'a1' }, to: { page: 2, article: 'a1' } } });
  });

  it('brings the link and its undo back from a json export', () => {
    toggleContinuation(lib.db, p2, 'a1');
    const json = rendered('json')[0]!.content;
    const again = importIssueJson(lib.db, json).issueId;
    expect(renderIssueExport(lib.db, again, 'json').files[0]!.content).toBe(json);
    expect(issueArticles(lib.db, again).map((a) => [a.pageNumber, a.articleId, a.continuesOn, a.continuedFrom]).slice(0, 3))
      .toEqual([[1, 'a1', 2, null], [1, 'a2', null, null], [2, 'a1', null, 1]]);
    const page2 = issueArticles(lib.db, again).find((a) => a.pageNumber === 2)!.pageId;
    undoEdit(lib.db, page2);
    expect(issueArticles(lib.db, again).every((a) => a.continuesOn === null)).toBe(true);
    expect(undoEdit(lib.db, p2).outcome.linksChanged).toBe(true);
  });

  it('refuses a json export whose link names an article it does not have', () => {
    toggleContinuation(lib.db, p1, 'a1');
    const json = rendered('json')[0]!.content.replace('"to": {\n        "page": 2,\n        "article": "a1"', '"to": {\n        "page": 2,\n        "article": "a7"');
    expect(() => importIssueJson(lib.db, json, 'issue.json')).toThrow('continuation 1 names article a7 of page 2');
  });
});
