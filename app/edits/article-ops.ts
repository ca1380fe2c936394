import type { ArticleMeta, PageAnnotation } from '../model/page.js';
import type { Draft } from './draft.js';
import { badInput, byEditor, EDITOR, findArticle, findLine, freshArticleIds, indexOfLine, lineName, linesInRange } from './lines.js';
import { withLabel } from './line-ops.js';
import type { OpOf } from './ops.js';

const articleAt = (page: PageAnnotation, i: number): string | null => {
  const label = page.lines[i]?.label;
  return label?.kind === 'article' ? label.article : null;
};

function newArticle(page: PageAnnotation, genre: ArticleMeta['genre']): ArticleMeta {
  return { id: freshArticleIds(page.articles.map((a) => a.id), 1)[0]!, genre, authors: [], flags: [] };
}

/** `articles` with `added` placed right after article `after` (first when null). */
function insertAfter(articles: ArticleMeta[], after: string | null, added: ArticleMeta): ArticleMeta[] {
  const at = after === null ? 0 : articles.findIndex((a) => a.id === after) + 1;
  return [...articles.slice(0, at), added, ...articles.slice(at)];
}

/** Line n and the rest of its article (up to the article's last line) become a new article after it. */
export function startArticle(draft: Draft, op: OpOf<'startArticle'>): void {
  const page = draft.base;
  const line = findLine(page, op.n, op.part);
  if (line.label?.kind !== 'article') badInput(`${lineName(line)} is not part of an article`);
  const old = line.label.article;
  const start = indexOfLine(page, line);
  let earlier = false;
  for (let i = start - 1; i >= 0 && !earlier; i--) earlier = articleAt(page, i) === old;
  if (!earlier) badInput(`${lineName(line)} already begins article ${old}`);
  const added = newArticle(page, findArticle(page, old).genre);
  for (let i = start; i < page.lines.length; i++) {
    const l = page.lines[i]!;
    if (l.label?.kind === 'article' && l.label.article === old) draft.put(withLabel(l, { ...l.label, article: added.id }));
  }
  draft.articles = insertAfter(draft.articles, old, added);
}

/**
 * Moves the range's lines (e.g. a headline printed after its body) into an article, keeping their
 * roles; furniture becomes body. A new article goes where its lines are: after the article of the
 * nearest article line above the first moved line.
 */
export function moveLines(draft: Draft, op: OpOf<'moveLines'>): void {
  const page = draft.base;
  const lines = linesInRange(page, op);
  let target = op.article;
  if (target === null) {
    let above: string | null = null;
    for (let i = indexOfLine(page, lines[0]!) - 1; i >= 0 && above === null; i--) above = articleAt(page, i);
    const added = newArticle(page, above === null ? 'news' : findArticle(page, above).genre);
    draft.articles = insertAfter(draft.articles, above, added);
    target = added.id;
  } else findArticle(page, target);
  for (const l of lines) draft.put(withLabel(l, { kind: 'article', article: target, role: l.label?.kind === 'article' ? l.label.role : 'body' }));
}

/** The earlier article in reading order absorbs the later one (its lines, its authors). */
export function mergeArticle(draft: Draft, op: OpOf<'mergeArticle'>): void {
  const { articles } = draft.base;
  const at = articles.indexOf(findArticle(draft.base, op.article));
  const other = op.with === 'previous' ? at - 1 : at + 1;
  if (other < 0 || other >= articles.length) badInput(`article ${op.article} has no ${op.with} article to merge with`);
  const keep = articles[Math.min(at, other)]!;
  const gone = articles[Math.max(at, other)]!;
  const authors = [...new Set([...keep.authors, ...gone.authors])];
  // A genre an editor chose (a photo item's caption merged into its picture) outlives the merge.
  const genre = !byEditor(keep.why) && byEditor(gone.why) ? gone.genre : keep.genre;
  for (const l of draft.base.lines) {
    if (l.label?.kind === 'article' && l.label.article === gone.id) draft.put(withLabel(l, { ...l.label, article: keep.id }));
  }
  const changed = authors.length !== keep.authors.length || genre !== keep.genre;
  draft.articles = articles.map((a) => (a === keep && changed ? { ...keep, authors, genre, ...(genre !== keep.genre && { why: EDITOR }) } : a));
}

export function reorderArticles(draft: Draft, op: OpOf<'reorderArticles'>): void {
  const { articles } = draft.base;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const seen = new Set(op.order);
  if (op.order.length !== articles.length || seen.size !== articles.length || op.order.some((id) => !byId.has(id))) {
    badInput(`the new order must name each of the page's ${articles.length} articles exactly once`);
  }
  draft.articles = op.order.map((id) => byId.get(id)!);
}

/** Metadata an editor set is theirs: a re-run of the engine keeps it. */
export function setArticleMeta(draft: Draft, op: OpOf<'setArticleMeta'>): void {
  const meta = findArticle(draft.base, op.article);
  if (op.genre === undefined && op.authors === undefined) badInput(`nothing to change on article ${op.article}`);
  const next: ArticleMeta = { ...meta, why: EDITOR };
  if (op.genre !== undefined) next.genre = op.genre;
  if (op.authors !== undefined) next.authors = op.authors;
  draft.articles = draft.base.articles.map((a) => (a === meta ? next : a));
}
