import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyEditToPage, undoEdit } from '../../../main/edits/edits.js';
import { renderIssueExport } from '../../../main/export/export.js';
import { importPaths } from '../../../main/import/import.js';
import { importIssueJson } from '../../../main/import/import-json.js';
import { getPage, type Library, libraryTree, openLibrary } from '../../../main/library/library.js';
import { setArticleMetadata } from '../../../main/metadata/metadata.js';
import { KAILI_PAGE } from '../../support/fixtures.js';
import { tempDir } from '../../support/temp-dir.js';

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
let exported: string;

beforeEach(async () => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
  const report = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
  const pageId = report.files[0]!.pageId!;
  setArticleMetadata(lib.db, pageId, 'a1', { status: 'in-review' });
  const line = getPage(lib.db, pageId).annotation.lines.find((l) => l.text.includes('1 月 4 日'))!;
  applyEditToPage(lib.db, pageId, { op: 'editLine', n: line.n, text: line.text.replace('1 月 4 日', '1月4日') });
  applyEditToPage(lib.db, pageId, { op: 'setBreak', n: line.n, kind: 'join' });
  applyEditToPage(lib.db, pageId, { op: 'setRole', from: 3, to: 3, role: 'caption' });
  undoEdit(lib.db, pageId);
  exported = renderIssueExport(lib.db, report.issueId!, 'json').files[0]!.content;
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

type Doc = {
  issue: { date: string; createdAt: string };
  pages: { sha256: string; rawText: string; importedAt: string; annotation: { lines: { text: string }[] } }[];
  journal: { op: string; payload: { lines: { parts: { text: string }[] }[] }; inverse: unknown; at: string; undone: boolean }[];
};

function tampered(change: (doc: Doc) => void): string {
  const doc = JSON.parse(exported) as Doc;
  change(doc);
  return JSON.stringify(doc);
}

describe('an issue export imported back', () => {
  it('is refused, with its first problem named, when any field was tampered with; nothing is imported', () => {
    const issues = () => libraryTree(lib.db).publications[0]!.issues.length;
    const before = issues();
    const editLine = (doc: Doc) => doc.journal.find((j) => j.op === 'editLine')!;
    const cases: [string, string, RegExp][] = [
      ['wrong sha256', tampered((d) => { d.pages[0]!.sha256 = '0'.repeat(64); }), /page 1: sha256 0{64} is not that of its raw text \(utf-8: [0-9a-f]{64}\)/],
      ['raw text changed under its sha256', tampered((d) => { d.pages[0]!.rawText = d.pages[0]!.rawText.replace('凯里', '凯理'); }), /page 1: sha256 [0-9a-f]{64} is not that of its raw text/],
      ['a NUL in a line', tampered((d) => { d.pages[0]!.annotation.lines[4]!.text += '\0'; }), /document\.pages\[0\]\.annotation\.lines\[4\]\.text contains a NUL character/],
      ['a lone surrogate in the raw text', tampered((d) => { d.pages[0]!.rawText += '\ud800'; }), /document\.pages\[0\]\.rawText contains a lone surrogate/],
      ['an issue date that is no day', tampered((d) => { d.issue.date = '2021-13-45'; }), /issue\.date.*not a day of the calendar/],
      ['a timestamp that is no time', tampered((d) => { d.journal[0]!.at = 'yesterday'; }), /journal\.0\.at.*expected a UTC timestamp/],
      ['an inverse of null', tampered((d) => { editLine(d).inverse = null; }), /journal row \d \(editLine\): inverse/],
      ['a payload that is not what the edit did', tampered((d) => { editLine(d).payload.lines[0]!.parts[0]!.text = '别的文字'; }), /page 1: journal row \d cannot be undone: its payload and inverse do not undo each other/],
      ['an undone edit that no longer fits the page', tampered((d) => { d.journal.find((j) => j.undone)!.inverse = { lines: [{ n: 1, parts: [] }] }; }), /page 1: journal row \d cannot be redone/],
      ['an article named by an id the page lacks', tampered((d) => { editLine(d).inverse = { lines: [], articles: ['a99'] }; }), /page 1: journal row \d cannot be undone: the page has no article a99/],
      ['a metadata row of another shape', tampered((d) => { d.journal[0]!.payload = { lines: [] } as never; }), /journal row 1 \(articles:meta:set\)/],
    ];
    for (const [what, text, message] of cases) expect(() => importIssueJson(lib.db, text, 'issue.json'), what).toThrow(message);
    expect(issues()).toBe(before);
  });

  it('untouched, is restored and exported again byte for byte, undo and redo working on it', () => {
    const again = importIssueJson(lib.db, exported);
    expect(renderIssueExport(lib.db, again.issueId, 'json').files[0]!.content).toBe(exported);
    const pageId = libraryTree(lib.db).publications[0]!.issues.find((i) => i.id === again.issueId)!.pages[0]!.id;
    expect(() => undoEdit(lib.db, pageId)).not.toThrow();
  });
});
