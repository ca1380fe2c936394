import { type ExportArticle, exportArticles, type IssueDocument, lineRange, stableArticleId, verseLines } from './document.js';
import { articleStem, type ExportFile } from './files.js';
import { nameAllocator } from './file-names.js';

/** One Markdown file per article with YAML front matter, and an index.md linking them in reading order. */
export function toMarkdown(doc: IssueDocument): ExportFile[] {
  const allocate = nameAllocator();
  allocate('index', '.md');
  const files = exportArticles(doc).map((a) => ({ a, name: allocate(articleStem(doc, a), '.md') }));
  const heading = `${doc.publication.name} ${doc.issue.date ?? doc.issue.label}`;
  const index = [
    `# ${escapeInline(heading)}`, '',
    ...files.map(({ a, name }) => `- [${escapeInline(a.resolved.title ?? `(${stableArticleId(doc, a)})`)}](${encodeURI(name)}) — p. ${a.parts.map((p) => p.page.number).join('–')}${a.resolved.authors.length ? `, ${a.resolved.authors.join('、')}` : ''}`),
    '',
  ].join('\n');
  return [{ name: 'index.md', content: index }, ...files.map(({ a, name }) => ({ name, content: articleMarkdown(doc, a) }))];
}

function articleMarkdown(doc: IssueDocument, a: ExportArticle): string {
  const r = a.resolved;
  const front: [string, unknown][] = [
    ['title', r.title], ['kicker', r.kicker], ['subtitle', r.subtitle], ['authors', r.authors], ['date', r.date],
    ['section', r.section], ['genre', r.genre], ['keywords', r.keywords], ['tags', r.tags],
    ['people', names(a, 'person')], ['places', names(a, 'place')], ['organisations', names(a, 'org')], ['status', r.status],
    ['publication', doc.publication.name], ['issue', doc.issue.date ?? doc.issue.label], ['page', a.page.number],
    ['pages', a.parts.map((p) => p.page.number)], ['source', a.page.file], ['lines', lineRange(a.article)], ['id', stableArticleId(doc, a)], ['article', a.article.id],
  ];
  const body = [
    ...(r.kicker ? [`*${escapeInline(r.kicker)}*`, ''] : []),
    `# ${escapeInline(r.title ?? '')}`.trimEnd(), '',
    ...(r.subtitle ? [`## ${escapeInline(r.subtitle)}`, ''] : []),
    ...(a.article.byline ? [`*${escapeInline(a.article.byline)}*`, ''] : []),
    ...a.article.paragraphs.flatMap((p, k) => [verseLines(a, k)?.map(escapeBlock).join('\\\n') ?? escapeBlock(p), '']),
    ...a.article.captions.flatMap((c) => [`> ${escapeBlock(c)}`, '']),
    // A signature's lines are the writer's: a trailing backslash is Markdown's hard line break.
    ...(a.article.signature ? [a.article.signature.split('\n').map(escapeBlock).join('\\\n'), ''] : []),
  ];
  return ['---', ...front.map(([k, v]) => `${k}: ${JSON.stringify(v)}`), '---', '', ...body].join('\n');
}

function names(a: ExportArticle, type: 'person' | 'place' | 'org'): string[] {
  return [...new Set(a.resolved.entities.filter((e) => e.type === type).map((e) => e.text))];
}

/** JSON strings are valid YAML double-quoted scalars, so front matter values are written as JSON. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

/** A paragraph must not turn into a heading, list or quote because of how it starts. */
function escapeBlock(text: string): string {
  return escapeInline(text).replace(/^(\s*)([-+=>]|\d+[.)])/u, '$1\\$2');
}
