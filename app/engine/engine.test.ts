import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FURNITURE_ROLES, LINE_ROLES, type PageAnnotation } from '../model/page.js';
import { detectProfile, proposePage, renderPage, splitLines } from './index.js';
import { measure } from './layout.js';
import { profileFromCounts } from './profiles/index.js';
import { RULES } from './rules.js';
import { hyphenEnds, segmentationTexts, visibleCounts } from '../../tests/support/nothing-lost.js';

const root = new URL('../../', import.meta.url);
const pageDirs = [new URL('tests/fixtures/kaili/', root), new URL('tests/fixtures/pages/', root)];
const realPages = pageDirs.flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => splitLines(readFileSync(new URL(n, dir), 'utf8'))));
const source = { file: 'page.txt', sha256: '' };

/** Labels match blank and non-blank lines, name known articles, and no character is lost or doubled. */
function checkPage(lines: readonly string[], page: PageAnnotation): void {
  expect(page.lines.length).toBe(lines.length);
  const ids = new Set(page.articles.map((a) => a.id));
  page.lines.forEach((l, i) => {
    expect(l.n).toBe(i + 1);
    if (l.text.trim() === '') expect(l.label).toBeNull();
    else {
      expect(l.label).not.toBeNull();
      if (l.label!.kind === 'article') expect(ids.has(l.label!.article)).toBe(true);
    }
  });
  checkNothingLost(lines, page);
}

function checkNothingLost(lines: readonly string[], page: PageAnnotation): void {
  const seg = renderPage(page, source);
  const before = visibleCounts(lines);
  const after = visibleCounts(segmentationTexts(seg, page));
  expect(after.chars).toEqual(before.chars);
  expect(after.hyphens).toBeLessThanOrEqual(before.hyphens);
  expect(before.hyphens - after.hyphens).toBeLessThanOrEqual(hyphenEnds(lines));
  // every non-blank line sits in exactly one span
  const covered = new Map<number, number>();
  for (const sp of [...seg.furniture, ...seg.articles.flatMap((a) => a.spans)]) for (let n = sp.from; n <= sp.to; n++) if (lines[n - 1]!.trim() !== '') covered.set(n, (covered.get(n) ?? 0) + 1);
  lines.forEach((l, i) => expect(covered.get(i + 1) ?? 0).toBe(l.trim() === '' ? 0 : 1));
}

const textLines = (text: string) => splitLines(text);

describe('splitLines', () => {
  it('splits as the line-break pattern does, on any mix of \\r, \\n and \\r\\n', () => {
    const piece = fc.constantFrom('\r', '\n', '\r\n', '\n\r', 'a', '本', ' ', '\u2028', '\u0085', 'line');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.string({ maxLength: 20 }), (pieces, tail) => {
        const text = pieces.join('') + tail;
        expect(splitLines(text)).toEqual(text.split(/\r\n|\r|\n/));
      }),
      { numRuns: 2000 },
    );
    for (const text of ['', '\r', '\n', '\r\n', 'a\rb\nc\r\nd\n\re', 'no break']) expect(splitLines(text)).toEqual(text.split(/\r\n|\r|\n/));
  });
});

describe('proposePage on any input', () => {
  it('labels every line and loses nothing for random Unicode', () => {
    const line = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.constant(''), fc.constant('本报讯（通讯员 李靖）近日，'), fc.constant('By Mary Lee'), fc.constant('news-')), { maxLength: 40 }), (lines) => {
        checkPage(lines, proposePage(lines));
      }),
      { numRuns: 150 },
    );
  });

  it('labels every line and loses nothing for random bytes decoded as UTF-8 or Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, utf8) => {
        const lines = textLines(new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(bytes));
        checkPage(lines, proposePage(lines));
      }),
      { numRuns: 150 },
    );
  });

  it('labels every line and loses nothing for real pages with random edits', () => {
    const edit = fc.record({ op: fc.constantFrom('delete', 'duplicate', 'blank', 'swap', 'trim'), at: fc.nat(), to: fc.nat() });
    fc.assert(
      fc.property(fc.nat({ max: realPages.length - 1 }), fc.array(edit, { maxLength: 30 }), (k, edits) => {
        const lines = [...realPages[k]!];
        for (const e of edits) {
          const i = e.at % Math.max(1, lines.length);
          const j = e.to % Math.max(1, lines.length);
          if (e.op === 'delete') lines.splice(i, 1);
          else if (e.op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
          else if (e.op === 'blank') lines.splice(i, 0, '');
          else if (e.op === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
          else lines[i] = (lines[i] ?? '').slice(0, j % 12);
        }
        checkPage(lines, proposePage(lines));
      }),
      { numRuns: 60 },
    );
  });

  it('picks the same profile from the measured lines as from the raw text', () => {
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(' ', '\u3000', '\t', '本报讯', 'By Mary Lee', '\u00a0'));
    const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        expect(profileFromCounts(lines, lines.map(measure))).toBe(detectProfile(lines));
      }),
      { numRuns: 300 },
    );
    // only the first 20000 code units decide
    const long = Array.from({ length: 400 }, (_, i) => (i < 210 ? ' word'.repeat(20) : '本报讯'.repeat(40)));
    for (const lines of [...realPages, long]) expect(profileFromCounts(lines, lines.map(measure))).toBe(detectProfile(lines));
    expect(detectProfile(long).lang).toBe('en');
  });

  it('gives reasons with known rule codes and confidences in [0, 1]', () => {
    const known = new Set<string>(RULES);
    for (const lines of realPages) {
      const page = proposePage(lines);
      const reasons = [...page.lines.flatMap((l) => [l.why.label, l.why.brk, l.why.hyphen]), ...page.articles.map((a) => a.why)];
      for (const r of reasons) {
        if (!r) continue;
        expect(known.has(r.rule), r.rule).toBe(true);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('renderPage on any annotation an editor can make', () => {
  it('loses nothing whatever the labels, roles, breaks and article ids', () => {
    const label = fc.oneof(
      fc.record({ kind: fc.constant('article' as const), article: fc.constantFrom('a1', 'a2', 'a3', 'x9'), role: fc.constantFrom(...LINE_ROLES) }),
      fc.record({ kind: fc.constant('furniture' as const), role: fc.constantFrom(...FURNITURE_ROLES) }),
    );
    fc.assert(
      fc.property(
        fc.nat({ max: realPages.length - 1 }),
        fc.infiniteStream(fc.tuple(label, fc.constantFrom('join' as const, 'paragraph' as const))),
        fc.subarray(['a1', 'a2', 'a3']),
        (k, stream, ids) => {
          const lines = realPages[k]!;
          const it = stream[Symbol.iterator]();
          const page: PageAnnotation = {
            section: null,
            headlineOrder: 'unknown',
            articles: ids.map((id) => ({ id, genre: 'news', authors: [], flags: [] })),
            lines: lines.map((text, i) => {
              const [lab, brk] = it.next().value as [PageAnnotation['lines'][number]['label'], 'join' | 'paragraph'];
              return { n: i + 1, text, label: text.trim() === '' ? null : lab, brk, why: {} };
            }),
          };
          checkNothingLost(lines, page);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('renders an article with two headline runs and one with no body', () => {
    const lines = ['Storm hits coast', '', 'Second headline', '', 'Body text here.', '', 'Orphan headline'];
    const page = proposePage(lines);
    page.lines[2]!.label = { kind: 'article', article: 'a1', role: 'headline' };
    page.lines[0]!.label = { kind: 'article', article: 'a1', role: 'headline' };
    page.lines[4]!.label = { kind: 'article', article: 'a1', role: 'body' };
    page.lines[6]!.label = { kind: 'article', article: 'a2', role: 'headline' };
    page.articles = [{ id: 'a1', genre: 'news', authors: [], flags: [] }, { id: 'a2', genre: 'news', authors: [], flags: [] }];
    const seg = renderPage(page, source);
    expect(seg.articles[0]!.title).toBe('Storm hits coast Second headline');
    expect(seg.articles[1]).toMatchObject({ title: 'Orphan headline', paragraphs: [] });
  });
});

describe('a headline with the writer\'s bare name under it (晶報)', () => {
  const body = ['奇琮若飾。古玉暈赤黃。玄明雜幽黝。斑駁千年藏。道君殊好事。命匠', '考刀鋩。縮取蘭亭帖。鈎勒極精詳。平淺見技巧。點畫鬱神光。眞奪山陰', '面。魄攝右軍王。衡宇視定武。師法凌開皇。玉枕直糟粕。眇矣半閒堂。'];
  // the end of the article above, as on the page (jb_0129 p1)
  const above = ['晶報', '', '戲在新劇中、自鳴得意、這種人也配', '說是演新劇嗎？這種人所演的新劇', '、也配算他是新劇嗎？', ''];
  const roles = (lines: string[]) => proposePage([...above, ...lines]).lines.slice(above.length).map((l) => (l.label?.kind === 'article' ? l.label.role : null));

  it('keeps the headline the headline and the name its byline, not a kicker over a two-character headline', () => {
    const page = proposePage([...above, '古琮蘭亭歌', '', '寒雲', '', ...body]);
    expect(roles(['古琮蘭亭歌', '', '寒雲', '', ...body])).toEqual(['headline', null, 'byline', null, 'body', 'body', 'body']);
    expect(page.lines[above.length + 2]!.why.label?.rule).toBe('name-under-headline');
  });

  it('leaves a second part of some length to the headline rules', () => {
    expect(roles(['古琮蘭亭歌', '', '寒雲新得宣和玉刻', '', ...body]).slice(0, 3)).toEqual(['headline', null, 'subheadline']);
  });
});
