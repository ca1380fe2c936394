import { exportArticles, type IssueDocument, lineRange } from './document.js';

const COLUMNS = [
  'publication', 'issue_date', 'page', 'pages', 'article', 'kicker', 'title', 'subtitle', 'authors', 'date', 'section', 'genre',
  'keywords', 'tags', 'people', 'places', 'organisations', 'status', 'paragraphs', 'captions', 'characters', 'first_line', 'last_line', 'source_file', 'notes',
] as const;

/**
 * The metadata table, one row per article. UTF-8 with a byte order mark, because spreadsheet
 * programs otherwise read it in the local code page and garble Chinese; CRLF and quoting as RFC 4180
 * says. Lists are joined with "; ".
 */
export function toCsv(doc: IssueDocument): string {
  const rows = exportArticles(doc).map((a) => {
    const r = a.resolved;
    const entities = (type: string) => [...new Set(r.entities.filter((e) => e.type === type).map((e) => e.text))].join('; ');
    const lines = lineRange(a.article);
    const row: Record<(typeof COLUMNS)[number], string | number | null> = {
      publication: doc.publication.name, issue_date: doc.issue.date, page: a.page.number, pages: a.parts.map((p) => p.page.number).join('; '), article: a.article.id,
      kicker: r.kicker, title: r.title, subtitle: r.subtitle, authors: r.authors.join('; '), date: r.date, section: r.section,
      genre: r.genre, keywords: r.keywords.join('; '), tags: r.tags.join('; '), people: entities('person'), places: entities('place'),
      organisations: entities('org'), status: r.status, paragraphs: a.article.paragraphs.length, captions: a.article.captions.length, characters: [...a.text].length,
      first_line: lines?.from ?? null, last_line: lines?.to ?? null, source_file: a.page.file, notes: r.notes,
    };
    return COLUMNS.map((c) => field(row[c]));
  });
  return `\uFEFF${[COLUMNS.map(field), ...rows].map((r) => `${r.join(',')}\r\n`).join('')}`;
}

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A leading = + - @ makes spreadsheets run the cell as a formula: quote it as text.
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
