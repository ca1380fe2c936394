import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { proposePage, splitLines } from '../../../app/engine/index.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import { getPageAnnotation, saveAnnotation } from './annotations.js';
import { openDatabase } from '../connection.js';
import { createIssue } from '../issues.js';
import { insertPage } from '../pages.js';
import { ensurePublication } from '../publications.js';
import { KAILI_PAGE } from '../../../tests/support/fixtures.js';
import { tempDir } from '../../../tests/support/temp-dir.js';

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(join(tmp.dir, 'library.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

function addPage(text: string, file = 'p1.txt'): number {
  const issueId = createIssue(db, { publicationId: ensurePublication(db, '凯里日报'), date: '2021-01-06', label: '2021-01-06' });
  const sha256 = createHash('sha256').update(text).digest('hex');
  return insertPage(db, { issueId, number: 1, file, rawText: text, sha256, encoding: 'utf-8', lineCount: splitLines(text).length });
}

/** A small page exercising every kind of stored decision: furniture, roles, reasons, an edit. */
function handMade(): { raw: string; annotation: PageAnnotation } {
  const raw = '时政凯里\n\n本报讯（通讯员 李靖）1 月 4 日\n上午召开会议。\n会议召开\n\n坚定信心';
  const annotation: PageAnnotation = {
    section: '时政凯里',
    headlineOrder: 'after',
    articles: [
      { id: 'a1', genre: 'news', authors: ['李靖'], flags: [], why: { rule: 'dateline', confidence: 0.9, detail: '本报讯' } },
      { id: 'a2', genre: 'notice', authors: [], flags: ['no-title'] },
    ],
    lines: [
      { n: 1, text: '时政凯里', label: { kind: 'furniture', role: 'page-header' }, brk: 'paragraph', why: { label: { rule: 'header-first-line', confidence: 1 } } },
      { n: 2, text: '', label: null, brk: 'join', why: {} },
      { n: 3, text: '本报讯（通讯员 李靖）1月4日', edited: true, label: { kind: 'article', article: 'a1', role: 'body' }, brk: 'join', hyphen: 'keep',
        why: { label: { rule: 'dateline', confidence: 0.95 }, brk: { rule: 'editor', confidence: 1 }, hyphen: { rule: 'vocab', confidence: 0.6 } } },
      { n: 4, part: 1, text: '上午召开会议。', edited: false, label: { kind: 'article', article: 'a1', role: 'body' }, brk: 'paragraph', why: { brk: { rule: 'short-line', confidence: 0.7, detail: '8/20' } } },
      { n: 4, part: 2, text: '坚定', label: { kind: 'article', article: 'a2', role: 'body' }, brk: 'join', why: {} },
      { n: 5, text: '会议召开', label: { kind: 'article', article: 'a1', role: 'headline' }, brk: 'paragraph', why: {} },
      { n: 6, text: '', label: null, brk: 'join', why: {} },
      { n: 7, text: '坚定信心', label: { kind: 'article', article: 'a2', role: 'body' }, brk: 'join', why: {} },
    ],
  };
  return { raw, annotation };
}

describe('page annotations', () => {
  it('read back exactly as the engine proposed them for the corpus page', () => {
    const raw = readFileSync(KAILI_PAGE, 'utf8');
    const pageId = addPage(raw);
    const proposed = proposePage(splitLines(raw));
    saveAnnotation(db, pageId, proposed);
    expect(getPageAnnotation(db, pageId)).toStrictEqual(proposed);
  });

  it('keep furniture, roles, breaks, hyphen choices, reasons and article metadata', () => {
    const { raw, annotation } = handMade();
    const pageId = addPage(raw);
    saveAnnotation(db, pageId, annotation);
    expect(getPageAnnotation(db, pageId)).toStrictEqual(annotation);
  });

  it('mark corrected lines as edited and who decided each break, keeping the raw text', () => {
    const { raw, annotation } = handMade();
    const pageId = addPage(raw);
    saveAnnotation(db, pageId, annotation);
    expect(db.prepare('SELECT n FROM lines WHERE page_id = ? AND edited = 1').pluck().all(pageId)).toEqual([3]);
    expect(db.prepare("SELECT n FROM lines WHERE page_id = ? AND source = 'editor'").pluck().all(pageId)).toEqual([3]);
    expect(db.prepare('SELECT raw_text FROM pages WHERE id = ?').pluck().get(pageId)).toBe(raw);
  });

  it('store runs of lines as spans, furniture without an article', () => {
    const { raw, annotation } = handMade();
    const pageId = addPage(raw);
    saveAnnotation(db, pageId, annotation);
    const spans = db.prepare(`SELECT a.key, s.role, s.from_n, s.from_part, s.to_n, s.to_part FROM spans s LEFT JOIN articles a ON a.id = s.article_id
      WHERE s.page_id = ? ORDER BY s.from_n`).raw().all(pageId);
    expect(spans).toEqual([
      [null, 'page-header', 1, 0, 1, 0], ['a1', 'body', 3, 0, 4, 1], ['a2', 'body', 4, 2, 4, 2], ['a1', 'headline', 5, 0, 5, 0], ['a2', 'body', 7, 0, 7, 0],
    ]);
  });

  it('keep article ids when saved again, and drop articles that are gone', () => {
    const { raw, annotation } = handMade();
    const pageId = addPage(raw);
    saveAnnotation(db, pageId, annotation);
    const ids = () => db.prepare('SELECT key, id FROM articles WHERE page_id = ? ORDER BY key').raw().all(pageId) as [string, number][];
    const before = ids();
    const merged: PageAnnotation = {
      ...annotation,
      articles: annotation.articles.slice(0, 1),
      lines: annotation.lines.map((l) => (l.label?.kind === 'article' ? { ...l, label: { ...l.label, article: 'a1' } } : l)),
    };
    saveAnnotation(db, pageId, merged);
    expect(ids()).toEqual(before.slice(0, 1));
    expect(getPageAnnotation(db, pageId)).toStrictEqual(merged);
  });

  it('refuse a label naming an article the page does not have, storing nothing', () => {
    const { raw, annotation } = handMade();
    const pageId = addPage(raw);
    const bad = { ...annotation, articles: annotation.articles.slice(1) };
    expect(() => saveAnnotation(db, pageId, bad)).toThrow(/names article a1/);
    expect(db.prepare('SELECT count(*) FROM lines').pluck().get()).toBe(0);
  });

  it('refuse lines out of order', () => {
    const { raw, annotation } = handMade();
    const pageId = addPage(raw);
    const swapped = { ...annotation, lines: [annotation.lines[1]!, annotation.lines[0]!, ...annotation.lines.slice(2)] };
    expect(() => saveAnnotation(db, pageId, swapped)).toThrow('line 1 is out of order or repeated');
  });

  it('are undefined for an unknown page', () => {
    expect(getPageAnnotation(db, 999)).toBeUndefined();
  });

  it('leave their page marked for the search index, also after a correction', () => {
    const { raw, annotation } = handMade();
    const pageId = addPage(raw);
    saveAnnotation(db, pageId, annotation);
    const dirty = () => db.prepare('SELECT page_id FROM search_dirty').pluck().all();
    expect(dirty()).toEqual([pageId]);
    db.prepare('DELETE FROM search_dirty').run();
    db.prepare("UPDATE lines SET text = '坚定不移' WHERE page_id = ? AND n = 7").run(pageId);
    expect(dirty()).toEqual([pageId]);
  });
});
