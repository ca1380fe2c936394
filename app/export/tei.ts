import type { Entity } from '../metadata/model.js';
import { type ExportArticle, exportArticles, type IssueDocument } from './document.js';
import { esc, xmlName } from './xml.js';

const ENTITY_ELEMENT: Record<Entity['type'], string> = { person: 'persName', place: 'placeName', org: 'orgName' };

/**
 * The issue as one TEI P5 document: a <div type="article"> per article with <head> (kicker and
 * subtitle typed), <byline>, <dateline>, <p> with the tagged people, places and organisations
 * marked inline, and captions as figures. Text is escaped, never trusted as markup.
 */
export function toTei(doc: IssueDocument): string {
  const title = `${doc.publication.name} ${doc.issue.date ?? doc.issue.label}`;
  const articles = exportArticles(doc);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
    '  <teiHeader>',
    '    <fileDesc>',
    `      <titleStmt><title>${esc(title)}</title></titleStmt>`,
    '      <publicationStmt><p>Exported from Galley.</p></publicationStmt>',
    '      <sourceDesc>',
    `        <bibl><title level="j">${esc(doc.publication.name)}</title>${doc.issue.date ? `<date when="${esc(doc.issue.date)}">${esc(doc.issue.date)}</date>` : ''}</bibl>`,
    ...doc.pages.map((p) => `        <bibl type="page" n="${p.number}"><idno type="sha256">${esc(p.sha256)}</idno><ref target="${esc(encodeURI(p.file))}">${esc(p.file)}</ref></bibl>`),
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </teiHeader>',
    '  <text>',
    '    <body>',
    ...(articles.length ? articles.map(articleDiv) : ['      <p/>']),
    '    </body>',
    '  </text>',
    '</TEI>',
    '',
  ].join('\n');
}

function articleDiv(a: ExportArticle): string {
  const r = a.resolved;
  const lines: string[] = [];
  const attrs = [`type="article"`, `xml:id="p${a.page.number}-${xmlName(a.article.id)}"`, `n="${a.page.number}"`, `subtype="${esc(r.genre)}"`];
  lines.push(`      <div ${attrs.join(' ')}>`);
  if (r.kicker) lines.push(`        <head type="kicker">${esc(r.kicker)}</head>`);
  lines.push(r.title ? `        <head>${esc(r.title)}</head>` : '        <head/>');
  if (r.subtitle) lines.push(`        <head type="sub">${esc(r.subtitle)}</head>`);
  const authors = r.authors.map((name) => `<persName>${esc(name)}</persName>`).join(' ');
  if (a.article.byline || authors) lines.push(`        <byline>${a.article.byline ? esc(a.article.byline) : authors}</byline>`);
  if (r.date) lines.push(`        <dateline><date when="${esc(r.date)}"/></dateline>`);
  let base = 0;
  for (const [i, p] of a.article.paragraphs.entries()) {
    // A continued article goes on on another page: a page break where that part begins.
    for (const b of a.breaks) if (b.paragraph === i) lines.push(`        <pb n="${b.page}"/>`);
    lines.push(`        <p>${markEntities(p, base, r.entities)}</p>`);
    base += p.length + 1;
  }
  for (const c of a.article.captions) lines.push(`        <figure><figDesc>${esc(c)}</figDesc></figure>`);
  if (a.article.signature) lines.push(`        <closer><signed>${esc(a.article.signature)}</signed></closer>`);
  lines.push('      </div>');
  return lines.join('\n');
}

/** The paragraph's text with the entities inside it (placed, not overlapping an earlier one) as elements. */
function markEntities(paragraph: string, base: number, entities: readonly Entity[]): string {
  let out = '';
  let at = 0;
  for (const e of [...entities].sort((x, y) => x.start - y.start)) {
    const start = e.start - base;
    const end = e.end - base;
    if (e.flag === 'detached' || start < at || end > paragraph.length) continue;
    const el = ENTITY_ELEMENT[e.type];
    out += `${esc(paragraph.slice(at, start))}<${el}>${esc(paragraph.slice(start, end))}</${el}>`;
    at = end;
  }
  return out + esc(paragraph.slice(at));
}
