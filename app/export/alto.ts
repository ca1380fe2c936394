import { type ExportArticle, exportArticles, type IssueDocument, type PageDocument } from './document.js';
import type { ExportFile } from './files.js';
import { blocksByArticle, type LayoutLine, pageLayout, type PixelBox } from './layout.js';
import { esc } from './xml.js';

/** `<stem>_p01.alto.xml`: one ALTO file a page, sorting in page order. */
export function altoFileName(stem: string, page: number): string {
  return `${stem}_p${String(page).padStart(2, '0')}.alto.xml`;
}

/** Every page of the issue as ALTO 4.4, one file a page (schemas/official/alto-4-4.xsd). */
export function toAltoFiles(doc: IssueDocument, stem: string): ExportFile[] {
  const articles = exportArticles(doc);
  return doc.pages.map((page) => ({ name: altoFileName(stem, page.number), content: toAlto(page, articles) }));
}

/**
 * One page as ALTO 4.4: a TextBlock per article part (headline, paragraph, caption…) and per run
 * of furniture, in reading order, TextLines with their boxes in pixels. Each block is tagged with
 * its article (a StructureTag whose LABEL is the title) and its role, so the article structure the
 * editor corrected survives without METS; METS points at the same block ids.
 */
export function toAlto(page: PageDocument, articles: readonly ExportArticle[]): string {
  const layout = pageLayout(page);
  const titles = titlesOn(page, articles);
  const articleTag = (number: number) => `${layout.id}_TAG_A${number}`;
  const roleTag = (role: string) => `TAG_ROLE_${role.replace(/[^A-Za-z0-9]/g, '_')}`;
  const tags = [
    ...[...blocksByArticle(layout.blocks)].map(([number, [first]]) => `    <StructureTag ID="${articleTag(number)}" TYPE="article" LABEL="${esc(titles.get(first!.article!) ?? first!.article!)}"/>`),
    ...[...new Set(layout.blocks.map((b) => b.role))].map((role) => `    <LayoutTag ID="${roleTag(role)}" TYPE="role" LABEL="${esc(role)}"/>`),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/alto/v4/alto-4-4.xsd" SCHEMAVERSION="4.4">',
    '  <Description>',
    '    <MeasurementUnit>pixel</MeasurementUnit>',
    `    <sourceImageInformation><fileName>${esc(page.file)}</fileName></sourceImageInformation>`,
    '    <Processing ID="GALLEY">',
    '      <processingCategory>contentModification</processingCategory>',
    `      <processingStepDescription>${layout.measured ? 'Article structure corrected by an editor in Galley; line boxes from the source.' : 'Article structure corrected by an editor in Galley; the source had no line boxes, so each line stands at its line number.'}</processingStepDescription>`,
    '      <processingSoftware><softwareName>Galley</softwareName></processingSoftware>',
    '    </Processing>',
    '  </Description>',
    ...(tags.length ? ['  <Tags>', ...tags, '  </Tags>'] : []),
    '  <Layout>',
    `    <Page ID="${layout.id}" PHYSICAL_IMG_NR="${page.number}" WIDTH="${layout.width}" HEIGHT="${layout.height}" PROCESSING="GALLEY">`,
    `      <PrintSpace ${position({ x: 0, y: 0, w: layout.width, h: layout.height })}>`,
    ...layout.blocks.flatMap((b) => [
      `        <TextBlock ID="${b.id}" ${position(b.box)} TAGREFS="${b.articleNumber === null ? '' : `${articleTag(b.articleNumber)} `}${roleTag(b.role)}">`,
      ...b.lines.map((l) => `          ${textLine(l)}`),
      '        </TextBlock>',
    ]),
    '      </PrintSpace>',
    '    </Page>',
    '  </Layout>',
    '</alto>',
    '',
  ].join('\n');
}

/** What an archive shows for an article: its title (the editor's, else the printed headline), else its opening words. */
/** The title of each article printed on `page`, by its id there: a continued article's later part takes the whole's title. */
export function titlesOn(page: PageDocument, articles: readonly ExportArticle[]): Map<string, string> {
  return new Map(articles.flatMap((a) => a.parts.filter((part) => part.page === page).map((part) => [part.article, articleLabel(a)] as const)));
}

export function articleLabel(a: ExportArticle): string {
  const opening = a.article.paragraphs[0] ?? a.article.captions[0] ?? '';
  return a.resolved.title ?? a.article.title ?? (opening ? `${[...opening].slice(0, 30).join('')}…` : a.article.id);
}

function position(b: PixelBox): string {
  return `HPOS="${b.x}" VPOS="${b.y}" WIDTH="${b.w}" HEIGHT="${b.h}"`;
}

/** A line's words as Strings with spaces between; a CJK line without spaces is one String. */
function textLine(l: LayoutLine): string {
  const words = l.text.split(/\s+/u).filter((w) => w !== '').map((w) => `<String CONTENT="${esc(w)}"/>`);
  return `<TextLine ID="${l.id}" ${position(l.box)}${l.edited ? ' CS="true"' : ''}>${words.join('<SP/>')}</TextLine>`;
}
