import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GalleyError } from '../../app/errors.js';
import { listJournal } from '../store/journal.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { applyEditToPage, undoEdit } from '../edits/edits.js';
import { getPage, type Library, openLibrary } from '../library/library.js';
import { getArticleMetadata, issueQaReport, METADATA_OP, setArticleMetadata, suggestArticleMetadata } from './metadata.js';
import { importFiles, importPaths } from '../import/import.js';

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
let pageId: number;
let issueId: number;
beforeEach(async () => {
  tmp = tempDir();
  lib = openLibrary(join(tmp.dir, 'library.db'));
  const report = await importPaths(lib.db, [KAILI_PAGE], { publication: '凯里日报', date: '2021-01-06' });
  pageId = report.files[0]!.pageId!;
  issueId = report.issueId!;
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

/** The source line of article `key` whose text holds `needle`. */
function lineWith(key: string, needle: string): { n: number; text: string } {
  const line = getPage(lib.db, pageId).annotation.lines.find((l) => l.label?.kind === 'article' && l.label.article === key && l.text.includes(needle));
  if (!line) throw new Error(`no line of ${key} holds ${needle}`);
  return line;
}

function entityAt(text: string, needle: string, type: 'person' | 'place' | 'org' = 'person') {
  const start = text.indexOf(needle);
  return { type, start, end: start + needle.length, text: needle };
}

describe('article metadata', () => {
  it('starts from the engine and the issue, and stores what the editor sets, one journal row per change', () => {
    const fresh = getArticleMetadata(lib.db, pageId, 'a3');
    expect(fresh.resolved).toMatchObject({
      kicker: '向必武杨波调研工业发展和项目建设情况时强调', title: '确保凯里市“十四五”开局之年开好局、起好步',
      authors: ['李靖'], date: '2021-01-06', section: '时政凯里', genre: 'news', status: 'todo',
    });
    const set = setArticleMetadata(lib.db, pageId, 'a3', {
      title: '确保“十四五”开好局', date: '1 月 4 日', keywords: ['工业', '工业', '项目建设'], tags: ['调研'], status: 'done',
      entities: [entityAt(fresh.text, '向必武'), entityAt(fresh.text, '炉碧经济开发区', 'place')],
    });
    expect(set.resolved).toMatchObject({ title: '确保“十四五”开好局', kicker: fresh.resolved.kicker, date: '2021-01-04', keywords: ['工业', '项目建设'], status: 'done' });
    expect(set.metadata.entities.map((e) => [e.text, e.paragraph])).toEqual([['向必武', 0], ['炉碧经济开发区', 0]]);
    expect(getArticleMetadata(lib.db, pageId, 'a3')).toEqual(set);
    const rows = listJournal(lib.db, [pageId]).filter((r) => r.op === METADATA_OP);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ payload: { article: 'a3', metadata: set.metadata }, inverse: { article: 'a3', metadata: fresh.metadata } });
  });

  it('refuses a tag that does not cover its text, and a date it cannot read', () => {
    const bad = () => setArticleMetadata(lib.db, pageId, 'a3', { entities: [{ type: 'person', start: 0, end: 3, text: '向必武' }] });
    expect(bad).toThrow(GalleyError);
    expect(() => setArticleMetadata(lib.db, pageId, 'a3', { date: 'someday' })).toThrow('is not a date');
    expect(() => getArticleMetadata(lib.db, pageId, 'a99')).toThrow('has no article a99');
  });

  it('keeps tags on their words when the source lines are corrected, and flags a tag whose words are deleted', () => {
    const { text } = getArticleMetadata(lib.db, pageId, 'a3');
    setArticleMetadata(lib.db, pageId, 'a3', { entities: [entityAt(text, '杨波'), entityAt(text, '贵州', 'place')] });
    const first = lineWith('a3', '本报讯');
    applyEditToPage(lib.db, pageId, { op: 'editLine', n: first.n, text: first.text.replace('本报讯', '本报讯讯讯') });
    const moved = getArticleMetadata(lib.db, pageId, 'a3');
    for (const e of moved.metadata.entities) expect(moved.text.slice(e.start, e.end)).toBe(e.text);
    expect(moved.metadata.entities[0]!.start).toBe(entityAt(text, '杨波').start + 2);

    const place = lineWith('a3', '贵州');
    applyEditToPage(lib.db, pageId, { op: 'editLine', n: place.n, text: place.text.replace('贵州', '某地') });
    const detached = getArticleMetadata(lib.db, pageId, 'a3').metadata.entities.find((e) => e.text === '贵州');
    expect(detached).toMatchObject({ type: 'place', flag: 'detached' });
    expect(issueQaReport(lib.db, issueId).items).toContainEqual(expect.objectContaining({ kind: 'detached-entity', article: 'a3' }));

    undoEdit(lib.db, pageId);
    expect(getArticleMetadata(lib.db, pageId, 'a3').metadata.entities.find((e) => e.text === '贵州')?.flag).toBeUndefined();
  });

  it('suggests what the engine found and what the library tagged elsewhere; a rejected suggestion stays away', () => {
    const a3 = getArticleMetadata(lib.db, pageId, 'a3');
    setArticleMetadata(lib.db, pageId, 'a3', { entities: [entityAt(a3.text, '向必武')] });
    const suggestions = suggestArticleMetadata(lib.db, pageId, 'a1');
    expect(suggestions.map((s) => [s.field, s.value, s.source])).toEqual([
      ['authors', '李靖', 'dateline'],
      ['section', '时政凯里', 'page-header'],
      ['date', '2021-01-04', 'dateline'],
      ['entity', '向必武', 'library'],
    ]);
    const person = suggestions.find((s) => s.field === 'entity')!;
    const accepted = setArticleMetadata(lib.db, pageId, 'a1', person.patch);
    expect(accepted.metadata.entities.length).toBe(person.entities!.length);
    for (const e of accepted.metadata.entities) expect(accepted.text.slice(e.start, e.end)).toBe('向必武');
    setArticleMetadata(lib.db, pageId, 'a1', { dismiss: suggestions[0]!.id });
    expect(suggestArticleMetadata(lib.db, pageId, 'a1').map((s) => s.field)).toEqual(['section', 'date']);
  });

  it('reports progress and what blocks a clean export, each with a line to open', () => {
    setArticleMetadata(lib.db, pageId, 'a2', { status: 'done' });
    const qa = issueQaReport(lib.db, issueId);
    expect(qa.progress).toEqual({ done: 1, total: 8 });
    expect(qa.items).toEqual([
      { pageId, pageNumber: 1, line: 3, article: 'a1', kind: 'no-title', title: null, detail: null, message: 'article a1 has no title' },
    ]);
    // The engine closes OCR gaps in the text it renders; what an editor types is taken as typed.
    setArticleMetadata(lib.db, pageId, 'a2', { title: '市委常委会 召开会议' });
    expect(issueQaReport(lib.db, issueId).items).toContainEqual(expect.objectContaining({ kind: 'cjk-space', line: 134, article: 'a2', detail: { quote: '市委常委会 召开会议' } }));
    expect(() => issueQaReport(lib.db, 999)).toThrow('no issue with id 999');
  });
});

describe('a title accepted from the headline', () => {
  it('follows the headline after a role change, while a typed title stays', () => {
    const kicker = lineWith('a3', '向必武杨波调研');
    const offered = suggestArticleMetadata(lib.db, pageId, 'a3').find((s) => s.field === 'title');
    expect(offered?.value).toBe('确保凯里市“十四五”开局之年开好局、起好步');
    setArticleMetadata(lib.db, pageId, 'a3', offered!.patch);
    applyEditToPage(lib.db, pageId, { op: 'setRole', from: kicker.n, to: kicker.n, role: 'headline' });
    const after = getArticleMetadata(lib.db, pageId, 'a3');
    expect(after.resolved.title).toContain('向必武杨波调研');
    expect(after.resolved.title).toBe(after.metadata.title);
    expect(suggestArticleMetadata(lib.db, pageId, 'a3').filter((s) => s.field === 'title')).toEqual([]);

    setArticleMetadata(lib.db, pageId, 'a3', { title: '编辑写的标题' });
    undoEdit(lib.db, pageId);
    expect(getArticleMetadata(lib.db, pageId, 'a3').resolved.title).toBe('编辑写的标题');
  });
});

describe('QA an editor can finish', () => {
  it('waives an article item with a reason, shows it as waived, and takes the waiver back', () => {
    expect(issueQaReport(lib.db, issueId).items.map((i) => i.kind)).toEqual(['no-title']);
    setArticleMetadata(lib.db, pageId, 'a1', { waive: { kind: 'no-title', reason: '报眉下的短讯，原版无标题' } });
    const waived = issueQaReport(lib.db, issueId);
    expect(waived.items).toEqual([]);
    expect(waived.waived).toEqual([expect.objectContaining({ kind: 'no-title', article: 'a1', reason: '报眉下的短讯，原版无标题' })]);
    expect(listJournal(lib.db, [pageId]).filter((r) => r.op === METADATA_OP)).toHaveLength(1);
    setArticleMetadata(lib.db, pageId, 'a1', { unwaive: 'no-title' });
    expect(issueQaReport(lib.db, issueId).items.map((i) => i.kind)).toEqual(['no-title']);
    expect(() => setArticleMetadata(lib.db, pageId, 'a1', { waive: { kind: 'no-title', reason: ' ' } })).toThrow(/reason/);
  });

  it('flags an issue without a date or a real publication', async () => {
    const bytes = new TextEncoder().encode('本报讯（记者 张三）凯里市完成住房公积金归集。会议要求，各级各部门要提高认识。\n');
    const bare = (await importFiles(lib.db, [{ name: 'plain.txt', bytes }], {})).issueId!;
    expect(issueQaReport(lib.db, bare).items.map((i) => i.kind)).toEqual(expect.arrayContaining(['no-issue-date', 'no-publication']));
    expect(issueQaReport(lib.db, issueId).items.map((i) => i.kind)).not.toContain('no-issue-date');
  });
});
