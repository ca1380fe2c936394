import type { Entity } from '../metadata/model.js';
import { type ExportArticle, exportArticles, type IssueDocument, verseLines } from './document.js';
import { esc } from './xml.js';

const ENTITY_ELEMENT: Record<Entity['type'], string> = { person: 'persName', place: 'placeName', org: 'orgName' };

/**
 * The issue as one TEI P5 document a corpus takes as it is: a header naming the publication, its
 * date and publisher; a <pb n> where each page starts; a <div type="article" n> per article
 * (numbered by its place on the page, as its stable id is) with <head> (kicker and subtitle typed),
 * <byline>, <dateline>, numbered <p> with the tagged people, places and organisations marked
 * inline, one <figure> per photo with its caption as <head>, and the signature; the line ends of
 * verse and signatures kept as <lb/>. Text is escaped, never trusted as markup.
 */
export function toTei(doc: IssueDocument): string {
  const title = `${doc.publication.name} ${doc.issue.date ?? doc.issue.label}`;
  const articles = exportArticles(doc);
  const date = doc.issue.date ? `<date when="${esc(doc.issue.date)}">${esc(doc.issue.date)}</date>` : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
    '  <teiHeader>',
    '    <fileDesc>',
    `      <titleStmt><title>${esc(title)}</title></titleStmt>`,
    `      <publicationStmt><publisher>${esc(doc.publication.name)}</publisher>${date}<idno type="issue">${esc(doc.issue.label)}</idno></publicationStmt>`,
    '      <sourceDesc>',
    `        <bibl><title level="j">${esc(doc.publication.name)}</title>${date}<biblScope unit="issue">${esc(doc.issue.label)}</biblScope></bibl>`,
    ...doc.pages.map((p) => `        <bibl type="page" n="${p.number}"><idno type="sha256">${esc(p.sha256)}</idno><ref target="${esc(encodeURI(p.file))}">${esc(p.file)}</ref></bibl>`),
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </teiHeader>',
    '  <text>',
    '    <body>',
    ...doc.pages.flatMap((page) => [`      <pb n="${page.number}"/>`, ...articles.filter((a) => a.page === page).map(articleDiv)]),
    ...(articles.length ? [] : ['      <p/>']),
    '    </body>',
    '  </text>',
    '</TEI>',
    '',
  ].join('\n');
}

function articleDiv(a: ExportArticle): string {
  const r = a.resolved;
  const lines: string[] = [];
  const attrs = [`type="article"`, `xml:id="p${a.page.number}-${a.number}"`, `n="${a.number}"`, `subtype="${esc(r.genre)}"`];
  lines.push(`      <div ${attrs.join(' ')}>`);
  if (r.kicker) lines.push(`        <head type="kicker">${esc(r.kicker)}</head>`);
  lines.push(r.title ? `        <head>${esc(r.title)}</head>` : '        <head/>');
  if (r.subtitle) lines.push(`        <head type="sub">${esc(r.subtitle)}</head>`);
  const authors = r.authors.map((name) => `<persName>${esc(name)}</persName>`).join(' ');
  if (a.article.byline || authors) lines.push(`        <byline>${a.article.byline ? esc(a.article.byline) : authors}</byline>`);
  if (r.date) lines.push(`        <dateline><date when="${esc(r.date)}"/></dateline>`);
  let base = 0;
  a.article.paragraphs.forEach((p, k) => {
    // A continued article goes on on another page: a page break where that part begins.
    for (const b of a.breaks) if (b.paragraph === k) lines.push(`        <pb n="${b.page}"/>`);
    const breaks = lineBreaks(p, verseLines(a, k));
    lines.push(`        <p n="${k + 1}"${breaks.length ? ' rend="verse"' : ''}>${markEntities(p, base, r.entities, breaks)}</p>`);
    base += p.length + 1;
  });
  a.article.captions.forEach((c, k) => lines.push(`        <figure type="photo" n="${k + 1}"><head>${esc(c)}</head></figure>`));
  if (a.article.signature) lines.push(`        <closer><signed>${a.article.signature.split('\n').map(esc).join('<lb/>')}</signed></closer>`);
  lines.push('      </div>');
  return lines.join('\n');
}

/** Where in the paragraph each verse line after the first starts; none for prose or lines not found in it. */
function lineBreaks(paragraph: string, verse: string[] | null): number[] {
  if (!verse) return [];
  const breaks: number[] = [];
  let at = 0;
  for (const [i, line] of verse.entries()) {
    const found = paragraph.indexOf(line, at);
    if (found < 0) return [];
    if (i > 0) breaks.push(found);
    at = found + line.length;
  }
  return breaks;
}

/** The paragraph's text with the entities inside it (placed, not overlapping an earlier one) as elements and `<lb/>` at its line breaks. */
function markEntities(paragraph: string, base: number, entities: readonly Entity[], breaks: readonly number[]): string {
  const text = (from: number, to: number) => {
    let out = '';
    let at = from;
    for (const b of breaks) {
      if (b <= from || b > to) continue;
      out += `${esc(paragraph.slice(at, b))}<lb/>`;
      at = b;
    }
    return out + esc(paragraph.slice(at, to));
  };
  let out = '';
  let at = 0;
  for (const e of [...entities].sort((x, y) => x.start - y.start)) {
    const start = e.start - base;
    const end = e.end - base;
    if (e.flag === 'detached' || start < at || end > paragraph.length) continue;
    const el = ENTITY_ELEMENT[e.type];
    out += `${text(at, start)}<${el}>${text(start, end)}</${el}>`;
    at = end;
  }
  return out + text(at, paragraph.length);
}
