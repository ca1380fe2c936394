import type Database from 'better-sqlite3';
import { GalleyError } from '../../app/errors.js';
import { renderPage } from '../../app/engine/index.js';
import type {
  AnnotatedLine, ArticleMeta, BreakKind, FurnitureRole, Genre, LineLabel, LineRole, PageAnnotation, Reason,
} from '../../app/model/page.js';
import type { SegmentedArticle } from '../../app/model/segmentation.js';
import { prepared } from './statements.js';

/**
 * Stores a page's annotation, replacing the previous one (the page's lines, labels and breaks;
 * articles are updated in place by key so their ids, and what points at them, survive).
 * Runs as one transaction, or as a savepoint inside the caller's.
 */
export function saveAnnotation(db: Database.Database, pageId: number, annotation: PageAnnotation): void {
  const page = prepared(db, 'SELECT file, sha256 FROM pages WHERE id = ?').get(pageId) as { file: string; sha256: string } | undefined;
  if (!page) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
  const keys = new Set(annotation.articles.map((a) => a.id));
  annotation.lines.forEach((line, i) => {
    if (line.label?.kind === 'article' && !keys.has(line.label.article)) {
      throw new GalleyError('BAD_INPUT', `line ${line.n} names article ${line.label.article}, which the page does not have`);
    }
    const previous = annotation.lines[i - 1];
    if (previous && compareLines(previous, line) >= 0) throw new GalleyError('BAD_INPUT', `line ${line.n} is out of order or repeated`);
  });
  const texts = articleTexts(renderPage(annotation, page).articles);

  db.transaction(() => {
    prepared(db, 'UPDATE pages SET section = ?, headline_order = ? WHERE id = ?').run(annotation.section, annotation.headlineOrder, pageId);
    prepared(db, 'DELETE FROM spans WHERE page_id = ?').run(pageId);
    prepared(db, 'DELETE FROM lines WHERE page_id = ?').run(pageId);
    prepared(db, 'DELETE FROM articles WHERE page_id = ? AND key NOT IN (SELECT value FROM json_each(?))').run(pageId, JSON.stringify([...keys]));

    const articleIds = new Map<string, number>();
    annotation.articles.forEach((a, ordinal) => {
      const id = prepared(db, `INSERT INTO articles (page_id, key, ordinal, genre, authors, flags, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (page_id, key) DO UPDATE SET ordinal = excluded.ordinal, genre = excluded.genre,
          authors = excluded.authors, flags = excluded.flags, reason = excluded.reason
        RETURNING id`).pluck().get(pageId, a.id, ordinal, a.genre, JSON.stringify(a.authors), JSON.stringify(a.flags), json(a.why)) as number;
      articleIds.set(a.id, id);
      prepared(db, 'DELETE FROM article_fts WHERE rowid = ?').run(id);
      prepared(db, 'INSERT INTO article_fts (rowid, text) VALUES (?, ?)').run(id, texts.get(a.id) ?? '');
    });

    const insertLine = prepared(db, 'INSERT INTO lines (page_id, n, part, text, edited, label_reason) VALUES (?, ?, ?, ?, ?, ?)');
    const insertBreak = prepared(db, 'INSERT INTO line_breaks (page_id, n, part, kind, source, reason) VALUES (?, ?, ?, ?, ?, ?)');
    for (const line of annotation.lines) {
      const part = line.part ?? 0;
      insertLine.run(pageId, line.n, part, line.text, line.edited === undefined ? null : Number(line.edited), json(line.why.label));
      insertBreak.run(pageId, line.n, part, line.brk, line.why.brk?.rule === EDITOR_RULE ? 'editor' : 'engine', json(line.why.brk));
    }

    const insertSpan = prepared(db, 'INSERT INTO spans (page_id, article_id, role, from_n, from_part, to_n, to_part) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const span of labelRuns(annotation.lines)) {
      const articleId = span.label.kind === 'article' ? articleIds.get(span.label.article) : null;
      insertSpan.run(pageId, articleId, span.label.role, span.from.n, span.from.part ?? 0, span.to.n, span.to.part ?? 0);
    }
  })();
}

/** The rule of a Reason written for a decision a person made, so it can be told from the engine's. */
export const EDITOR_RULE = 'editor';

/** The page's annotation exactly as it was last saved, or undefined for an unknown page. */
export function getPageAnnotation(db: Database.Database, pageId: number): PageAnnotation | undefined {
  const page = prepared(db, 'SELECT section, headline_order AS headlineOrder FROM pages WHERE id = ?').get(pageId) as
    { section: string | null; headlineOrder: PageAnnotation['headlineOrder'] } | undefined;
  if (!page) return undefined;

  const articles = (prepared(db, 'SELECT key, genre, authors, flags, reason FROM articles WHERE page_id = ? ORDER BY ordinal')
    .all(pageId) as { key: string; genre: Genre; authors: string; flags: string; reason: string | null }[])
    .map((row): ArticleMeta => {
      const meta: ArticleMeta = { id: row.key, genre: row.genre, authors: JSON.parse(row.authors), flags: JSON.parse(row.flags) };
      if (row.reason !== null) meta.why = JSON.parse(row.reason) as Reason;
      return meta;
    });

  const spans = (prepared(db, `SELECT s.role, s.from_n, s.from_part, s.to_n, s.to_part, a.key AS article
    FROM spans s LEFT JOIN articles a ON a.id = s.article_id WHERE s.page_id = ? ORDER BY s.from_n, s.from_part`)
    .all(pageId) as { role: string; from_n: number; from_part: number; to_n: number; to_part: number; article: string | null }[])
    .map((r) => ({ role: r.role, article: r.article, from: { n: r.from_n, part: r.from_part }, to: { n: r.to_n, part: r.to_part } }));

  const rows = prepared(db, `SELECT l.n, l.part, l.text, l.edited, l.label_reason AS labelReason, b.kind, b.reason AS brkReason
    FROM lines l JOIN line_breaks b ON b.page_id = l.page_id AND b.n = l.n AND b.part = l.part
    WHERE l.page_id = ? ORDER BY l.n, l.part`)
    .all(pageId) as { n: number; part: number; text: string; edited: number | null; labelReason: string | null; kind: BreakKind; brkReason: string | null }[];

  let s = 0;
  const lines = rows.map((row): AnnotatedLine => {
    while (s < spans.length && compareLines(spans[s]!.to, row) < 0) s++;
    const span = spans[s];
    const label: LineLabel | null = !span || compareLines(span.from, row) > 0 ? null
      : span.article === null ? { kind: 'furniture', role: span.role as FurnitureRole }
        : { kind: 'article', article: span.article, role: span.role as LineRole };
    const why: AnnotatedLine['why'] = {};
    if (row.labelReason !== null) why.label = JSON.parse(row.labelReason) as Reason;
    if (row.brkReason !== null) why.brk = JSON.parse(row.brkReason) as Reason;
    const line: AnnotatedLine = { n: row.n, text: row.text, label, brk: row.kind, why };
    if (row.part !== 0) line.part = row.part;
    if (row.edited !== null) line.edited = row.edited === 1;
    return line;
  });

  return { lines, articles, section: page.section, headlineOrder: page.headlineOrder };
}

/** Where a line sits: source line n, or part `part` of it once split (absent or 0: not split). */
interface LinePosition {
  n: number;
  part?: number;
}

function compareLines(a: LinePosition, b: LinePosition): number {
  return a.n - b.n || (a.part ?? 0) - (b.part ?? 0);
}

interface LabelRun {
  label: LineLabel;
  from: LinePosition;
  to: LinePosition;
}

/**
 * Maximal runs of stored lines with the same label. An unlabelled (blank) line ends a run, so a
 * span never covers a stored line it does not label and the annotation reads back exactly.
 */
function labelRuns(lines: readonly AnnotatedLine[]): LabelRun[] {
  const runs: LabelRun[] = [];
  let run: LabelRun | null = null;
  for (const line of lines) {
    if (run && line.label && sameLabel(run.label, line.label)) {
      run.to = line;
      continue;
    }
    run = line.label ? { label: line.label, from: line, to: line } : null;
    if (run) runs.push(run);
  }
  return runs;
}

function sameLabel(a: LineLabel, b: LineLabel): boolean {
  if (a.kind === 'article' && b.kind === 'article') return a.article === b.article && a.role === b.role;
  return a.kind === b.kind && a.role === b.role;
}

/** What search finds an article by: every piece of its cleaned text. */
function articleTexts(articles: readonly SegmentedArticle[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, [a.kicker, a.title, a.subtitle, a.byline, ...a.paragraphs, ...a.captions, a.signature]
    .filter((part): part is string => Boolean(part)).join('\n')]));
}

function json(value: Reason | undefined): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
