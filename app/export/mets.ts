import { altoFileName, articleLabel, toAltoFiles } from './alto.js';
import { exportArticles, type IssueDocument } from './document.js';
import type { ExportFile } from './files.js';
import { blocksByArticle, pageLayout } from './layout.js';
import { esc } from './xml.js';

/**
 * The issue as an archive takes it: a METS file (schemas/official/mets.xsd) and an ALTO file a
 * page beside it. METS lists the ALTO files, the pages in order (PHYSICAL), and the issue's
 * articles (LOGICAL), each titled and pointing at its TextBlocks in the ALTO files, so the
 * article structure the editor corrected is what the archive gets.
 */
export function toMetsFiles(doc: IssueDocument, stem: string): ExportFile[] {
  const articles = exportArticles(doc);
  const fileId = (page: number) => `ALTO_P${page}`;
  const label = `${doc.publication.name} ${doc.issue.date ?? doc.issue.label}`;
  const blocksOf = new Map(doc.pages.map((p) => [p, blocksByArticle(pageLayout(p).blocks)]));
  const logical = articles.flatMap((a) => {
    // A continued article is one div whose areas run over each part's page in print order.
    const areas = a.parts.flatMap((part) => {
      const number = part.page.segmentation.articles.findIndex((x) => x.id === part.article) + 1;
      return (blocksOf.get(part.page)!.get(number) ?? []).map((b) => `            <mets:area FILEID="${fileId(part.page.number)}" BEGIN="${b.id}" BETYPE="IDREF"/>`);
    });
    return [
      `      <mets:div ID="LOG_P${a.page.number}_A${a.number}" TYPE="article" LABEL="${esc(articleLabel(a))}">`,
      ...(areas.length ? ['        <mets:fptr>', '          <mets:seq>', ...areas, '          </mets:seq>', '        </mets:fptr>'] : []),
      '      </mets:div>',
    ];
  });
  const mets = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    `  xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd" TYPE="Newspaper" LABEL="${esc(label)}">`,
    `  <mets:metsHdr CREATEDATE="${doc.issue.createdAt}">`,
    '    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><mets:name>Galley</mets:name></mets:agent>',
    '  </mets:metsHdr>',
    '  <mets:fileSec>',
    '    <mets:fileGrp USE="FULLTEXT">',
    ...doc.pages.map((p) => `      <mets:file ID="${fileId(p.number)}" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" xlink:href="${esc(encodeURI(altoFileName(stem, p.number)))}"/></mets:file>`),
    '    </mets:fileGrp>',
    '  </mets:fileSec>',
    '  <mets:structMap TYPE="PHYSICAL">',
    `    <mets:div ID="PHYS_ISSUE" TYPE="physSequence" LABEL="${esc(label)}">`,
    ...doc.pages.map((p) => `      <mets:div ID="PHYS_P${p.number}" TYPE="page" ORDER="${p.number}" ORDERLABEL="${p.number}"><mets:fptr FILEID="${fileId(p.number)}"/></mets:div>`),
    '    </mets:div>',
    '  </mets:structMap>',
    '  <mets:structMap TYPE="LOGICAL">',
    `    <mets:div ID="LOG_ISSUE" TYPE="issue" LABEL="${esc(label)}">`,
    ...logical,
    '    </mets:div>',
    '  </mets:structMap>',
    '</mets:mets>',
    '',
  ].join('\n');
  return [{ name: `${stem}.mets.xml`, content: mets }, ...toAltoFiles(doc, stem)];
}
