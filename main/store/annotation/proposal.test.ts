import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyEdit } from '../../../app/edits/apply.js';
import { proposePage, splitLines } from '../../../app/engine/index.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import { applyEditToPage } from '../../edits/edits.js';
import { getPage, type Library, openLibrary } from '../../library/library.js';
import { refreshSearchIndex, searchLibrary } from '../../search/search.js';
import { getPageAnnotation, insertProposedPage, saveAnnotation } from './annotations.js';
import { checkIntegrity } from '../integrity.js';
import { createIssue } from '../issues.js';
import { type NewPage } from '../pages.js';
import { decodeProposal, encodeProposal, toProposedPage } from './proposal.js';
import { ensurePublication } from '../publications.js';
import { KAILI_DIR, KAILI_PAGE, PAGES_DIR } from '../../../tests/support/fixtures.js';
import { tempDir } from '../../../tests/support/temp-dir.js';
import { importPaths } from '../../import/import.js';

const FIXTURES = PAGES_DIR;

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
let db: Database.Database;
beforeEach(() => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
  db = lib.db;
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

let pages = 0;
function newPage(raw: string): NewPage {
  pages++;
  const issueId = createIssue(db, { publicationId: ensurePublication(db, 'P'), date: null, label: `i${pages}` });
  return { issueId, number: 1, file: `p${pages}.txt`, rawText: raw, sha256: createHash('sha256').update(raw).digest('hex'), encoding: 'utf-8', lineCount: splitLines(raw).length };
}

const proposalOf = (pageId: number) => db.prepare('SELECT proposal FROM pages WHERE id = ?').pluck().get(pageId) as string | null;
const rowCount = (table: string, pageId: number) => db.prepare(`SELECT count(*) FROM ${table} WHERE page_id = ?`).pluck().get(pageId);

/** Every real page the repository holds: the 凯里日报 page and the small gold pages. */
function realPages(): string[] {
  const dirs = [KAILI_DIR, FIXTURES];
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8')));
}

describe('pages stored as the engine proposed them', () => {
  it('read back exactly as the same annotation stored as rows, on every real page', () => {
    const raws = realPages();
    expect(raws.length).toBeGreaterThanOrEqual(5);
    for (const raw of raws) {
      const lines = splitLines(raw);
      const proposed = proposePage(lines);
      const compact = db.transaction(() => insertProposedPage(db, newPage(raw), toProposedPage(proposed, lines)))();
      expect(proposalOf(compact)).not.toBeNull();
      expect([rowCount('lines', compact), rowCount('spans', compact), rowCount('articles', compact)]).toEqual([0, 0, 0]);
      const inRows = db.transaction(() => insertProposedPage(db, { ...newPage(raw), sha256: '0'.repeat(64) }, toProposedPage(proposed, lines)))();
      saveAnnotation(db, inRows, proposed);
      expect(proposalOf(inRows)).toBeNull();
      expect(getPageAnnotation(db, compact)).toStrictEqual(getPageAnnotation(db, inRows));
      expect(getPageAnnotation(db, compact)).toStrictEqual(proposed);
    }
    expect(checkIntegrity(db)).toMatchObject({ ok: true, annotations: [] });
  });

  it('keep hyphen choices, reasons with and without detail (an empty one too), furniture and blank lines', () => {
    const raw = '时政凯里\n\nnews-\npaper\nwell-\nknown';
    const lines = splitLines(raw);
    const annotation: PageAnnotation = {
      section: '时政凯里', headlineOrder: 'before',
      articles: [{ id: 'a1', genre: 'news', authors: [], flags: [] }],
      lines: [
        { n: 1, text: lines[0]!, label: { kind: 'furniture', role: 'page-header' }, brk: 'paragraph', why: { label: { rule: 'header', confidence: 1, detail: '' } } },
        { n: 2, text: '', label: null, brk: 'join', why: {} },
        { n: 3, text: lines[2]!, label: { kind: 'article', article: 'a1', role: 'body' }, brk: 'join', hyphen: 'drop', why: { hyphen: { rule: 'vocab', confidence: 0.8 } } },
        { n: 4, text: lines[3]!, label: { kind: 'article', article: 'a1', role: 'body' }, brk: 'paragraph', why: { brk: { rule: 'no-final-punct', confidence: 0.9, detail: '5/6' } } },
        { n: 5, text: lines[4]!, label: { kind: 'article', article: 'a1', role: 'headline' }, brk: 'join', hyphen: 'keep', why: { hyphen: { rule: 'vocab', confidence: 0.8, detail: 'well-known' } } },
        { n: 6, text: lines[5]!, label: { kind: 'article', article: 'a1', role: 'headline' }, brk: 'paragraph', why: { label: { rule: 'header', confidence: 1 } } },
      ],
    };
    const value = encodeProposal(annotation, lines);
    expect(value).not.toBeNull();
    expect(decodeProposal(value!, lines, 1)).toStrictEqual({ lines: annotation.lines, articles: annotation.articles });
    const pageId = db.transaction(() => insertProposedPage(db, newPage(raw), toProposedPage(annotation, lines)))();
    expect(getPageAnnotation(db, pageId)).toStrictEqual(annotation);
  });

  it('are rows from the start when the lines are not the plain source lines', () => {
    const raw = '第一行\n第二行';
    const lines = splitLines(raw);
    const proposed = proposePage(lines);
    for (const changed of [
      { ...proposed, lines: proposed.lines.map((l) => (l.n === 2 ? { ...l, text: '改过', edited: true } : l)) },
      { ...proposed, lines: proposed.lines.map((l) => (l.n === 2 ? { ...l, edited: false } : l)) },
    ]) {
      expect(encodeProposal(changed, lines)).toBeNull();
      const pageId = db.transaction(() => insertProposedPage(db, { ...newPage(raw), sha256: String(pages).padStart(64, '0') }, toProposedPage(changed, lines)))();
      expect(proposalOf(pageId)).toBeNull();
      expect(rowCount('lines', pageId)).toBe(2);
      expect(getPageAnnotation(db, pageId)).toStrictEqual(changed);
    }
    expect(encodeProposal(proposed, [...lines, ''])).toBeNull();
  });

  it('become rows with their first edit, which undo and redo then walk as any other', async () => {
    const pageId = (await importPaths(lib.db, [KAILI_PAGE], {})).files[0]!.pageId!;
    const imported = getPage(lib.db, pageId).annotation;
    expect(proposalOf(pageId)).not.toBeNull();
    const op = { op: 'toggleBreak' as const, n: 47 };
    applyEditToPage(lib.db, pageId, op);
    expect(proposalOf(pageId)).toBeNull();
    expect(rowCount('lines', pageId)).toBe(429);
    expect(rowCount('articles', pageId)).toBe(imported.articles.length);
    expect(getPageAnnotation(db, pageId)).toStrictEqual(applyEdit(imported, op).page);
    expect(checkIntegrity(db)).toMatchObject({ ok: true, annotations: [] });
  });

  it('are found by search, their text read from the source lines', async () => {
    const pageId = (await importPaths(lib.db, [KAILI_PAGE], {})).files[0]!.pageId!;
    refreshSearchIndex(db);
    const line = splitLines(readFileSync(KAILI_PAGE, 'utf8'))[46]!;
    const hits = searchLibrary(db, line.slice(2, 8), 'text', 20).hits;
    expect(hits).toContainEqual(expect.objectContaining({ pageId, line: 47, text: line }));
  });

  it('that were damaged are reported by the integrity check, which goes on with the other pages', async () => {
    const fixture = readdirSync(FIXTURES).find((f) => f.endsWith('.txt'))!;
    const report = await importPaths(lib.db, [KAILI_PAGE, join(FIXTURES, fixture)], {});
    const [first, second] = report.files.map((f) => f.pageId!);
    const good = getPage(lib.db, second!).annotation;
    const damage = (value: string) => {
      db.prepare('UPDATE pages SET proposal = ?, revision = revision + 1 WHERE id = ?').run(value, first);
      return checkIntegrity(db);
    };
    const original = proposalOf(first!)!;
    for (const [value, message] of [
      ['{"v":1', 'is not valid JSON'],
      ['{"v":2}', 'has an unknown shape'],
      [original.replace('"a":[{"id":"a1"', '"a":[{"key":"a1"'), 'has an article of an unknown shape'],
      [original.replace('"n":429', '"n":428'), 'is for 428 lines, its source text has 429'],
      [original.replace(/"s":\[\[\d+,/, '"s":[[0,'), 'has a label run outside the page'],
      [original.replace(/(\[\d+,\d+,)"a1"/, '$1"a99"'), 'labels lines for article a99'],
    ] as const) {
      expect(value).not.toBe(original);
      const checked = damage(value);
      expect(checked.ok).toBe(false);
      expect(checked.annotations.join('\n')).toContain(`page ${first}: its stored proposal ${message}`);
      expect(getPage(lib.db, second!).annotation).toStrictEqual(good);
    }
    expect(() => getPage(lib.db, first!)).toThrow(/its stored proposal/);
    damage(original);
    expect(checkIntegrity(db).ok).toBe(true);
    db.prepare('UPDATE pages SET proposal_articles = 99 WHERE id = ?').run(first);
    expect(checkIntegrity(db).annotations).toEqual([`page ${first}: counts 99 articles for the 8 of its proposal`]);
  });
});
