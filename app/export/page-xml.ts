import { titlesOn } from './alto.js';
import { type ExportArticle, exportArticles, type IssueDocument, type PageDocument } from './document.js';
import type { ExportFile } from './files.js';
import { blocksByArticle, type LayoutBlock, pageLayout, type PixelBox } from './layout.js';
import { esc } from './xml.js';

/** PAGE's region types for Galley's line and furniture roles. */
const REGION_TYPE: Record<string, string> = {
  headline: 'heading', kicker: 'heading', subheadline: 'heading', byline: 'credit', body: 'paragraph', caption: 'caption',
  signature: 'other', 'page-header': 'header', 'page-footer': 'footer', slogan: 'other', advert: 'other', noise: 'other',
};

/** Every page of the issue as PAGE-XML 2019, one file a page (schemas/official/pagecontent-2019-07-15.xsd). */
export function toPageXmlFiles(doc: IssueDocument, stem: string): ExportFile[] {
  const articles = exportArticles(doc);
  return doc.pages.map((page) => ({
    name: `${stem}_p${String(page.number).padStart(2, '0')}.page.xml`,
    content: toPageXml(doc, page, articles),
  }));
}

/**
 * One page as PAGE-XML 2019: a TextRegion per article part and per run of furniture, TextLines
 * with their boxes as Coords, and the reading order grouping each article's regions in an
 * OrderedGroupIndexed captioned with its title: the article structure the editor corrected.
 */
export function toPageXml(doc: IssueDocument, page: PageDocument, articles: readonly ExportArticle[]): string {
  const layout = pageLayout(page);
  const titles = titlesOn(page, articles);
  const changed = doc.journal.filter((j) => j.page === page.number).map((j) => j.at).sort().at(-1) ?? page.importedAt;
  // Reading order: an article's regions grouped where the article first appears; furniture on its own.
  const order: string[] = [];
  const byArticle = blocksByArticle(layout.blocks);
  const seen = new Set<number>();
  let index = 0;
  for (const b of layout.blocks) {
    if (b.articleNumber === null) {
      order.push(`        <RegionRefIndexed index="${index++}" regionRef="${b.id}"/>`);
    } else if (!seen.has(b.articleNumber)) {
      seen.add(b.articleNumber);
      const parts = byArticle.get(b.articleNumber) ?? [];
      const caption = titles.get(b.article!) ?? b.article!;
      order.push(
        `        <OrderedGroupIndexed id="${layout.id}_A${b.articleNumber}" index="${index++}" caption="${esc(caption)}" type="article">`,
        ...parts.map((p, i) => `          <RegionRefIndexed index="${i}" regionRef="${p.id}"/>`),
        '        </OrderedGroupIndexed>',
      );
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15 http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15/pagecontent.xsd">',
    '  <Metadata>',
    '    <Creator>Galley</Creator>',
    `    <Created>${page.importedAt}</Created>`,
    `    <LastChange>${changed}</LastChange>`,
    '  </Metadata>',
    `  <Page imageFilename="${esc(page.file)}" imageWidth="${layout.width}" imageHeight="${layout.height}">`,
    ...(order.length ? ['    <ReadingOrder>', `      <OrderedGroup id="${layout.id}_RO" caption="${esc(`${doc.publication.name} ${doc.issue.date ?? doc.issue.label}, page ${page.number}`)}">`, ...order, '      </OrderedGroup>', '    </ReadingOrder>'] : []),
    ...layout.blocks.flatMap((b) => region(b)),
    '  </Page>',
    '</PcGts>',
    '',
  ].join('\n');
}

function region(b: LayoutBlock): string[] {
  return [
    `    <TextRegion id="${b.id}" type="${REGION_TYPE[b.role] ?? 'other'}"${b.article === null ? '' : ` custom="structure {type:${b.role}; article:${b.articleNumber};}"`}>`,
    `      <Coords points="${points(b.box)}"/>`,
    ...b.lines.map((l) => `      <TextLine id="${l.id}"><Coords points="${points(l.box)}"/><TextEquiv><Unicode>${esc(l.text)}</Unicode></TextEquiv></TextLine>`),
    `      <TextEquiv><Unicode>${esc(b.lines.map((l) => l.text).join('\n'))}</Unicode></TextEquiv>`,
    '    </TextRegion>',
  ];
}

/** A box as PAGE's polygon: its four corners, clockwise from the top left. */
function points(b: PixelBox): string {
  const right = b.x + b.w;
  const bottom = b.y + b.h;
  return `${b.x},${b.y} ${right},${b.y} ${right},${bottom} ${b.x},${bottom}`;
}
