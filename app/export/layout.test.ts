import { describe, expect, it } from 'vitest';
import { pageOf } from '../../tests/support/pages.js';
import { renderPage } from '../engine/render.js';
import type { PageGeometry } from '../model/geometry.js';
import type { PageAnnotation } from '../model/page.js';
import { toAlto } from './alto.js';
import type { PageDocument } from './document.js';
import { articlePlacement, pageLayout } from './layout.js';
import { toMetsFiles } from './mets.js';
import { toPageXml } from './page-xml.js';

// How a page is laid out for the archive formats: blocks follow the editor's articles and breaks,
// lines keep the source's boxes in pixels, and a text page gets boxes from its line numbers.

function pageDoc(annotation: PageAnnotation, geometry: PageGeometry | null = null, number = 1): PageDocument {
  return {
    number, file: `p${number}.xml`, sha256: '0'.repeat(64), encoding: 'utf-8', importedAt: '2026-12-01T10:00:00.000Z',
    lineCount: annotation.lines.length, rawText: annotation.lines.map((l) => l.text).join('\n'), annotation,
    segmentation: renderPage(annotation, { file: `p${number}.xml`, sha256: '0'.repeat(64) }), metadata: [], geometry,
  };
}

const PAGE = pageOf([
  'F:page-header 时政凯里',
  'a1:headline 市委常委会召开会议¶',
  '',
  'a1:body 本报讯 会议听取了',
  'a1:body 工作汇报。¶',
  'a1:body 会议强调，要抓好落实。¶',
  'a2:headline 凯里：春耕忙¶',
  'a2:body 田间地头一片繁忙。¶',
]);

const box = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

describe('pageLayout', () => {
  it('makes a block of each headline, paragraph and run of furniture, in reading order, with stable ids', () => {
    const layout = pageLayout(pageDoc(PAGE));
    expect(layout.blocks.map((b) => [b.id, b.article, b.role, b.lines.map((l) => l.n)])).toEqual([
      ['P1_F1', null, 'page-header', [1]],
      ['P1_A1_B1', 'a1', 'headline', [2]],
      ['P1_A1_B2', 'a1', 'body', [4, 5]],
      ['P1_A1_B3', 'a1', 'body', [6]],
      ['P1_A2_B1', 'a2', 'headline', [7]],
      ['P1_A2_B2', 'a2', 'body', [8]],
    ]);
    expect(layout.blocks[2]!.lines.map((l) => l.id)).toEqual(['P1_L4', 'P1_L5']);
  });

  it('gives a text page boxes from its line numbers, so the archive formats still place every line', () => {
    const layout = pageLayout(pageDoc(PAGE));
    expect(layout.measured).toBe(false);
    expect(layout.blocks[0]!.lines[0]!.box).toEqual(box(100, 100, 4 * 30, 32));
    expect(layout.blocks[2]!.box).toEqual({ x: 100, y: 100 + 3 * 40, w: 9 * 30, h: 40 + 32 });
    expect(layout.height).toBe(200 + 8 * 40);
  });

  it('keeps the source boxes, in pixels at 300 dpi whatever the source measured in', () => {
    const lines = PAGE.lines.map((_, i) => ({ x: 72, y: 72 + i * 12, w: 144, h: 10 }));
    const layout = pageLayout(pageDoc(PAGE, { width: 612, height: 792, unit: 'pt', lines }));
    expect(layout).toMatchObject({ measured: true, width: 2550, height: 3300 });
    expect(layout.blocks[1]!.lines[0]!.box).toEqual(box(300, 350, 600, 42));
    const inch = pageLayout(pageDoc(PAGE, { width: 10200, height: 13200, unit: 'inch1200', lines: lines.map((b) => ({ ...b, x: b.x * 4 })) }));
    expect(inch.blocks[0]!.lines[0]!.box.x).toBe(72);
  });

  it('shares a split line\'s source box between its parts', () => {
    const split: PageAnnotation = {
      ...PAGE,
      lines: [
        ...PAGE.lines.slice(0, 7),
        { ...PAGE.lines[7]!, part: 1, text: '田间地头' },
        { ...PAGE.lines[7]!, part: 2, text: '一片繁忙。', label: { kind: 'article', article: 'a1', role: 'body' } },
      ],
    };
    const lines = PAGE.lines.map(() => ({ x: 0, y: 0, w: 1000, h: 20 }));
    const parts = pageLayout(pageDoc(split, { width: 2000, height: 3000, unit: 'pixel', lines })).blocks.flatMap((b) => b.lines).filter((l) => l.n === 8);
    expect(parts.map((l) => [l.id, l.box.x, l.box.w])).toEqual([['P1_L8_1', 0, 500], ['P1_L8_2', 500, 500]]);
  });
});

describe('articlePlacement', () => {
  it('is the page and the box round the article\'s lines in the source unit, or no box for a text page', () => {
    const lines = PAGE.lines.map((_, i) => ({ x: 10 + i, y: 100 * i, w: 50, h: 20 }));
    expect(articlePlacement(pageDoc(PAGE, { width: 600, height: 900, unit: 'pt', lines }, 3), 'a2')).toEqual([
      { page: 3, box: { x: 16, y: 600, w: 51, h: 120, unit: 'pt' } },
    ]);
    expect(articlePlacement(pageDoc(PAGE), 'a1')).toEqual([{ page: 1, box: null }]);
  });
});

describe('the archive formats', () => {
  const doc = {
    format: 'galley-issue' as const, formatVersion: 2 as const, publication: { name: '凯里日报' },
    issue: { date: '2021-01-06', label: '2021-01-06', createdAt: '2026-12-01T09:00:00.000Z' }, journal: [],
    pages: [pageDoc(PAGE)], continuations: [],
  };
  const resolved = (title: string | null) => ({ title }) as never;
  doc.pages[0]!.metadata = [{ article: 'a1', metadata: {} as never, resolved: resolved('市委常委会召开会议') }, { article: 'a2', metadata: {} as never, resolved: resolved(null) }];

  it('METS lists the ALTO files and each article with its title and the TextBlocks it is made of', () => {
    const [mets, alto] = toMetsFiles(doc, 'kl');
    expect(mets!.name).toBe('kl.mets.xml');
    expect(alto!.name).toBe('kl_p01.alto.xml');
    expect(mets!.content).toContain('<mets:FLocat LOCTYPE="URL" xlink:href="kl_p01.alto.xml"/>');
    expect(mets!.content).toContain('<mets:div ID="LOG_P1_A1" TYPE="article" LABEL="市委常委会召开会议">');
    expect(mets!.content).toContain('<mets:div ID="LOG_P1_A2" TYPE="article" LABEL="凯里：春耕忙">');
    for (const id of ['P1_A1_B1', 'P1_A1_B2', 'P1_A1_B3']) expect(mets!.content).toContain(`<mets:area FILEID="ALTO_P1" BEGIN="${id}" BETYPE="IDREF"/>`);
    expect(mets!.content).not.toContain('BEGIN="P1_F1"');
  });

  it('ALTO tags each block with its article and role; PAGE groups each article\'s regions in the reading order', () => {
    const first = doc.pages[0]!.segmentation.articles[0]!;
    const articles = [{ page: doc.pages[0]!, parts: [{ page: doc.pages[0]!, article: first.id }], breaks: [], article: first, resolved: resolved('市委常委会召开会议'), text: '', number: 1 }];
    const alto = toAlto(doc.pages[0]!, articles);
    expect(alto).toContain('<StructureTag ID="P1_TAG_A1" TYPE="article" LABEL="市委常委会召开会议"/>');
    expect(alto).toContain('<TextBlock ID="P1_A1_B2" HPOS="100" VPOS="220" WIDTH="270" HEIGHT="72" TAGREFS="P1_TAG_A1 TAG_ROLE_body">');
    expect(alto).toContain('<TextLine ID="P1_L4" HPOS="100" VPOS="220" WIDTH="270" HEIGHT="32"><String CONTENT="本报讯"/><SP/><String CONTENT="会议听取了"/></TextLine>');
    const page = toPageXml(doc, doc.pages[0]!, articles);
    expect(page).toContain('<OrderedGroupIndexed id="P1_A1" index="1" caption="市委常委会召开会议" type="article">');
    expect(page).toContain('<TextRegion id="P1_F1" type="header">');
    expect(page).toContain('<Coords points="100,220 370,220 370,292 100,292"/>');
  });
});
