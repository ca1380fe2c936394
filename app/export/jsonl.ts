import type { Entity } from '../metadata/model.js';
import { type ArticlePlacement, type ExportArticle, exportArticles, type IssueDocument, lineRange, stableArticleId } from './document.js';
import { articlePlacement } from './layout.js';

/** One line of the `jsonl` export: an article as a text corpus wants it (schemas/galley-article.schema.json). */
export interface ArticleRecord {
  id: string;
  publication: string;
  issue: { date: string | null; label: string };
  /** The page it starts on. */
  page: { number: number; file: string; sha256: string };
  /** Every page it is printed on (a continued article is one record, whole), with its bounding box on each where the source gave line boxes. */
  pages: ArticlePlacement[];
  article: string;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  authors: string[];
  byline: string | null;
  date: string | null;
  section: string | null;
  genre: string;
  keywords: string[];
  tags: string[];
  status: string;
  notes: string;
  /** Body paragraphs joined by "\n": what entity offsets (UTF-16 code units) count in. */
  text: string;
  paragraphs: string[];
  captions: string[];
  signature: string | null;
  entities: Entity[];
  lines: { from: number; to: number } | null;
  provenance: { paragraphs: number[][]; captions: number[][] };
}

export function articleRecord(doc: IssueDocument, a: ExportArticle): ArticleRecord {
  const r = a.resolved;
  return {
    id: stableArticleId(doc, a),
    publication: doc.publication.name,
    issue: { date: doc.issue.date, label: doc.issue.label },
    page: { number: a.page.number, file: a.page.file, sha256: a.page.sha256 },
    pages: a.parts.flatMap((p) => articlePlacement(p.page, p.article)),
    article: a.article.id,
    kicker: r.kicker, title: r.title, subtitle: r.subtitle, authors: r.authors, byline: a.article.byline,
    date: r.date, section: r.section, genre: r.genre, keywords: r.keywords, tags: r.tags, status: r.status, notes: r.notes,
    text: a.text, paragraphs: a.article.paragraphs, captions: a.article.captions, signature: a.article.signature,
    entities: r.entities, lines: lineRange(a.article), provenance: a.article.provenance,
  };
}

export function toJsonl(doc: IssueDocument): string {
  return exportArticles(doc).map((a) => `${JSON.stringify(articleRecord(doc, a))}\n`).join('');
}
