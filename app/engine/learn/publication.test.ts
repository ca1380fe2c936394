import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GalleyError } from '../../errors.js';
import type { PageAnnotation } from '../../model/page.js';
import { goldToAnnotation, type GoldPage } from '../../scoring/gold-annotation.js';
import { emptyPublicationProfile, learnFromPage, parsePublicationProfile, proposePage, renderPage, splitLines, type PublicationProfile } from '../index.js';

const fixtures = new URL('../../../tests/fixtures/pages/', import.meta.url);
const goldPages = readdirSync(fixtures)
  .filter((n) => n.endsWith('.gold.json'))
  .sort()
  .map((n) => {
    const lines = splitLines(readFileSync(new URL(n.replace('.gold.json', '.txt'), fixtures), 'utf8'));
    return { name: n, lines, gold: goldToAnnotation(lines, JSON.parse(readFileSync(new URL(n, fixtures), 'utf8')) as GoldPage) };
  });

/**
 * Pages of a paper whose pen names stand on a line of their own without brackets (紅葉山人 under the
 * headline): the rules take a name of two or three characters there for a byline, but one of four
 * looks like a headline's second line to them; an editor of that paper knows it is a byline.
 */
const ITEMS: [string, string, string[]][] = [
  ['盲從小論', '紅葉山人', ['擇善而從、古訓也、旣不能自立、又不能', '師人之長、人何以人、國何以國、自民治', '主義東漸以後、效外國之自治、而不顧何', '者爲公益、請作小言、']],
  ['春江花事', '漱六山房', ['春江水暖、花事正繁、游人如織、車馬', '塞途、徐園之牡丹、已吐數蕊、愚園之', '櫻花、亦將次第開放、好事者相約往觀', '、一時稱盛焉、']],
  ['梨園新語', '寶鳳閣主', ['梅郞此番南來、聲價十倍、戲園主人、', '爭相延聘、座位預定一空、顧曲者以不', '得一聆爲憾、而黃牛黨乃居奇漁利、', '亦可異也、']],
  ['滬上雜記', '天台山農', ['近日滬上風氣、日趨奢靡、一宴之費、', '動輒百金、婦女衣飾、爭尙新奇、而', '貧民之凍餒者、則無人過問焉、世道', '人心、可勝歎哉、']],
  ['讀書小識', '海上漱石', ['讀書之法、貴在精而不在多、古人一經', '終身、今人則涉獵羣書、而一無所得、', '余少時好博覽、今乃悔之、願與讀者共', '勉焉、']],
];

function paperPage(k: number): string[] {
  const lines: string[] = ['晶報 第二版'];
  for (const [title, name, body] of [ITEMS[k % ITEMS.length]!, ITEMS[(k + 2) % ITEMS.length]!]) {
    lines.push('');
    lines.push(title, '', name, '', ...body);
  }
  return lines;
}

/** What the paper's editor makes of the engine's proposal: the pen-name lines are bylines, the titles above them headlines. */
function corrected(lines: readonly string[], proposal: PageAnnotation): PageAnnotation {
  const role = new Map<string, 'byline' | 'headline'>();
  for (const [title, name] of ITEMS) role.set(name, 'byline').set(title, 'headline');
  const editor = { rule: 'editor', confidence: 1 };
  return { ...proposal, lines: proposal.lines.map((l) => (l.label?.kind === 'article' && role.has(lines[l.n - 1]!) ? { ...l, label: { ...l.label, role: role.get(lines[l.n - 1]!)! }, why: { ...l.why, label: editor } } : l)) };
}

const titles = (page: PageAnnotation) => renderPage(page, { file: 'p.txt', sha256: '' }).articles.map((a) => [a.title, a.subtitle]);

describe('publication profile', () => {
  it('starts empty, counts the pages it learned from and leaves the profile it was given as it was', () => {
    const empty = emptyPublicationProfile();
    expect(empty.pages).toBe(0);
    const { lines, gold } = goldPages[0]!;
    const once = learnFromPage(empty, lines, gold);
    expect(once.pages).toBe(1);
    expect(empty).toEqual(emptyPublicationProfile());
    expect(learnFromPage(once, lines, gold).pages).toBe(2);
  });

  it('learns a convention of one paper from its editor: after three corrected pages the fourth comes out right', () => {
    let profile = emptyPublicationProfile();
    for (let k = 0; k < 3; k++) {
      const lines = paperPage(k);
      profile = learnFromPage(profile, lines, corrected(lines, proposePage(lines)));
    }
    const next = paperPage(3);
    const before = proposePage(next);
    const after = proposePage(next, { learned: profile });
    // the engine alone takes the pen name for a second headline part
    expect(titles(before)).not.toEqual(titles(after));
    expect(titles(after)).toEqual([
      [ITEMS[3]![0], null],
      [ITEMS[0]![0], null],
    ]);
    for (const l of after.lines) if (ITEMS.some((i) => i[1] === l.text)) expect(l.label).toMatchObject({ role: 'byline' });
    expect(after.lines.some((l) => l.why.label?.rule === 'learned-label')).toBe(true);
    expect(renderPage(after, { file: 'p.txt', sha256: '' }).articles.map((a) => a.byline)).toEqual([ITEMS[3]![1], ITEMS[0]![1]]);
  });

  it('does not harm pages whose first pass is right: each fixture page proposed with what the other pages taught', () => {
    for (let k = 0; k < goldPages.length; k++) {
      let profile: PublicationProfile = emptyPublicationProfile();
      goldPages.forEach((p, j) => {
        if (j !== k) profile = learnFromPage(profile, p.lines, p.gold);
      });
      const { lines } = goldPages[k]!;
      const plain = proposePage(lines);
      const learned = proposePage(lines, { learned: profile });
      expect(learned.lines.length).toBe(lines.length);
      // labels stay on the same lines: blank lines stay blank, every article label names an article
      const ids = new Set(learned.articles.map((a) => a.id));
      learned.lines.forEach((l, i) => {
        expect(l.label === null).toBe(plain.lines[i]!.label === null);
        if (l.label?.kind === 'article') expect(ids.has(l.label.article)).toBe(true);
      });
    }
  });

  it('survives JSON and the schema, and refuses what is not a profile', () => {
    let profile = emptyPublicationProfile();
    for (const p of goldPages) profile = learnFromPage(profile, p.lines, p.gold);
    const back = parsePublicationProfile(JSON.parse(JSON.stringify(profile)));
    expect(back).toEqual(profile);
    expect(back.pages).toBe(goldPages.length);
    expect(() => parsePublicationProfile({ version: 1, pages: -1, labels: {}, breaks: {}, opens: {} })).toThrow(GalleyError);
    expect(() => parsePublicationProfile('profile')).toThrow(/not a publication profile/);
    expect(() => parsePublicationProfile({ version: 99, pages: 1, labels: {}, breaks: {}, opens: {} })).toThrow(/version 99/);
  });

  it('learns from a page an editor split lines on and from a page of blank lines without failing', () => {
    const { lines, gold } = goldPages[0]!;
    const split: PageAnnotation = { ...gold, lines: gold.lines.flatMap((l) => (l.label ? [{ ...l, part: 1 }, { ...l, part: 2, text: '' }] : [l])) };
    expect(learnFromPage(emptyPublicationProfile(), lines, split).pages).toBe(1);
    const blank = ['', '  ', ''];
    const p = learnFromPage(emptyPublicationProfile(), blank, proposePage(blank));
    expect(proposePage(blank, { learned: p }).lines.every((l) => l.label === null)).toBe(true);
  });
});
