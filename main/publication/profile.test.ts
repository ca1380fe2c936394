import { describe, expect, it } from 'vitest';
import { emptyPublicationProfile, learnFromPage, parsePublicationProfile } from '../../app/engine/index.js';
import { dispatch } from '../../app/rpc.js';
import { applyEditToPage, rerunPage } from '../edits/edits.js';
import { createHandlers } from '../handlers.js';
import { importPaths } from '../import/import.js';
import { getPage, type Library } from '../library/library.js';
import { readProfile } from '../store/profiles.js';
import { fixFor, type GoldFixture, JINGBAO_PAGES, jingbaoPage, labelMisses } from '../../tests/support/gold-fixes.js';
import { tempLibraryPerTest } from '../../tests/support/temp-library.js';
import { exportProfile, importProfile, learnPage, profileSummary, resetProfile } from './profile.js';

let lib: Library;
tempLibraryPerTest((l) => {
  lib = l;
});

const [first, second, third] = JINGBAO_PAGES.map(jingbaoPage) as [GoldFixture, GoldFixture, GoldFixture];

async function importInto(publication: string, page: GoldFixture): Promise<number> {
  const report = await importPaths(lib.db, [page.file], { publication });
  return report.files[0]!.pageId!;
}

const annotation = (pageId: number) => getPage(lib.db, pageId).annotation;

/** Fixes every line whose label differs from the gold, one editor operation a line, as an editor would. */
function correct(pageId: number, page: GoldFixture): number {
  let ops = 0;
  for (const n of labelMisses(annotation(pageId), page.gold)) {
    const op = fixFor(page.gold, n);
    if (!op) continue;
    applyEditToPage(lib.db, pageId, op);
    ops++;
  }
  return ops;
}

/** Another correction on the page: the break after its first article line. */
const toggleFirstBreak = (pageId: number) => applyEditToPage(lib.db, pageId, { op: 'toggleBreak', n: annotation(pageId).lines.find((l) => l.label?.kind === 'article')!.n });

const publicationOf = (pageId: number) => lib.db.prepare('SELECT i.publication_id FROM pages p JOIN issues i ON i.id = p.issue_id WHERE p.id = ?').pluck().get(pageId) as number;

describe('publication profile in the library', () => {
  it('learns from a page marked done, once: learning it again after another edit replaces it', async () => {
    const p1 = await importInto('晶報', first);
    expect(correct(p1, first)).toBeGreaterThan(0);
    const pub = publicationOf(p1);
    expect(profileSummary(lib.db, pub)).toMatchObject({ name: '晶報', pages: 0, learnedPageIds: [], donePageIds: [] });

    expect(learnPage(lib.db, p1, true)).toMatchObject({ pages: 1, learnedPageIds: [p1], donePageIds: [p1], imported: false });
    expect(readProfile(lib.db, pub).profile).toEqual(learnFromPage(emptyPublicationProfile(), first.lines, annotation(p1)));
    // unchanged since: nothing to learn, and the page stays done
    expect(learnPage(lib.db, p1, false)).toMatchObject({ pages: 1, donePageIds: [p1] });

    toggleFirstBreak(p1);
    expect(learnPage(lib.db, p1, false).pages).toBe(1);
    expect(readProfile(lib.db, pub).profile).toEqual(learnFromPage(emptyPublicationProfile(), first.lines, annotation(p1)));
  });

  it('learns again, before the next import, from a page corrected further after it was learned', async () => {
    const p1 = await importInto('晶報', first);
    const pub = publicationOf(p1);
    learnPage(lib.db, p1, true);
    const early = readProfile(lib.db, pub).profile;
    correct(p1, first);
    // nothing learned yet from the corrections made after the page was marked done…
    expect(readProfile(lib.db, pub).profile).toEqual(early);
    await importInto('晶報', second);
    // …until the next page of the paper is proposed: the profile has the page as it is now, once
    expect(readProfile(lib.db, pub).profile).toEqual(learnFromPage(emptyPublicationProfile(), first.lines, annotation(p1)));
    expect(profileSummary(lib.db, pub)).toMatchObject({ pages: 1, donePageIds: [p1] });
  });

  it('never changes a page: a corrected page keeps its rows through learning, the next import and a re-run', async () => {
    const p1 = await importInto('晶報', first);
    correct(p1, first);
    const corrected = annotation(p1);
    learnPage(lib.db, p1, true);
    const p2 = await importInto('晶報', second);
    correct(p2, second);
    learnPage(lib.db, p2, true);
    await importInto('晶報', third);
    expect(annotation(p1)).toEqual(corrected);
    // a re-run with the profile keeps every decision the editor made
    rerunPage(lib.db, p1);
    expect(labelMisses(annotation(p1), first.gold)).toEqual(labelMisses(corrected, first.gold));
  });

  it('segments the next page imported for the publication with what it learned: fewer fixes than in a fresh publication', async () => {
    for (const page of [first, second]) {
      const id = await importInto('晶報', page);
      correct(id, page);
      learnPage(lib.db, id, true);
    }
    const learned = labelMisses(annotation(await importInto('晶報', third)), third.gold).length;
    const fresh = labelMisses(annotation(await importInto('其他報', third)), third.gold).length;
    expect(fresh).toBeGreaterThan(0);
    expect(learned).toBeLessThan(fresh);
  });

  it('re-runs a page with the profile its publication learned since it was imported', async () => {
    const p3 = await importInto('晶報', third);
    const before = labelMisses(annotation(p3), third.gold).length;
    for (const page of [first, second]) {
      const id = await importInto('晶報', page);
      correct(id, page);
      learnPage(lib.db, id, false);
    }
    rerunPage(lib.db, p3);
    expect(labelMisses(annotation(p3), third.gold).length).toBeLessThan(before);
  });

  it('exports, resets and imports a profile; learning then adds to the imported one', async () => {
    const p1 = await importInto('晶報', first);
    correct(p1, first);
    const pub = publicationOf(p1);
    learnPage(lib.db, p1, true);
    const file = exportProfile(lib.db, pub);
    expect(file.fileName).toBe('晶報.galley-profile.json');
    expect(parsePublicationProfile(JSON.parse(file.json))).toEqual(readProfile(lib.db, pub).profile);

    // forgotten by the profile; still done
    expect(resetProfile(lib.db, pub)).toMatchObject({ pages: 0, learnedPageIds: [], donePageIds: [p1] });
    expect(readProfile(lib.db, pub).profile).toEqual(emptyPublicationProfile());

    expect(importProfile(lib.db, pub, file.json)).toMatchObject({ pages: 1, imported: true, learnedPageIds: [], donePageIds: [p1] });
    // learning from a done page the profile no longer holds adds it again
    expect(learnPage(lib.db, p1, false)).toMatchObject({ pages: 2, learnedPageIds: [p1], donePageIds: [p1] });
    resetProfile(lib.db, pub);
    importProfile(lib.db, pub, file.json);
    const p2 = await importInto('晶報', second);
    correct(p2, second);
    expect(learnPage(lib.db, p2, true)).toMatchObject({ pages: 2, imported: true, learnedPageIds: [p2], donePageIds: [p1, p2] });
    // re-learning recomputes from the imported base, not from nothing
    toggleFirstBreak(p2);
    expect(learnPage(lib.db, p2, false).pages).toBe(2);
  });

  it('refuses a file that is not a profile with a message saying why, and keeps the profile it had', async () => {
    const p1 = await importInto('晶報', first);
    const pub = publicationOf(p1);
    learnPage(lib.db, p1, true);
    const had = readProfile(lib.db, pub);
    expect(() => importProfile(lib.db, pub, '{ not json')).toThrow(/not a publication profile: the file is not JSON/);
    expect(() => importProfile(lib.db, pub, JSON.stringify({ version: 1, pages: 'two' }))).toThrow(/not a publication profile: pages/);
    expect(() => importProfile(lib.db, pub, JSON.stringify({ ...had.profile, version: 7 }))).toThrow(/version 7/);
    expect(readProfile(lib.db, pub)).toEqual(had);
  });

  it('answers through the contract, and says which page or publication it does not know', async () => {
    const handlers = createHandlers(lib, 'cli', 'test');
    const p1 = await importInto('晶報', first);
    const learned = await dispatch(handlers, 'publication:learnPage', { pageId: p1 }, { emit: () => {} });
    expect(learned).toMatchObject({ ok: true, value: { pages: 1, donePageIds: [] } });
    const bad = await dispatch(handlers, 'publication:importProfile', { publicationId: publicationOf(p1), json: '[]' }, { emit: () => {} });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch(handlers, 'publication:learnPage', { pageId: 999 }, { emit: () => {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(handlers, 'publication:profile', { publicationId: 999 }, { emit: () => {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
