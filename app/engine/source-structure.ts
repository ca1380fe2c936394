import type { AnnotatedLine, ArticleMeta, Genre, LineLabel, PageAnnotation, Reason } from '../model/page.js';

/**
 * One article of a source's own logical structure (a METS LOGICAL structMap: article → areas):
 * the raw line numbers (1-based) of its areas on this page, and its kind where the source says it.
 */
export interface SourceArticle {
  lines: number[];
  genre?: Genre;
}

const SAID: Reason = { rule: 'source-structure', confidence: 1 };

/**
 * The engine's proposal with the source's articles put in place of its guesses: every line of a
 * source article belongs to that article (the engine's role kept where it put the line in an
 * article, body where it called it furniture), the source's articles come first in its order, and
 * what the source leaves out keeps the engine's reading (its articles numbered after the source's).
 * `numbers[i]` is the raw line number of proposed line i (lines an editor split share one).
 */
export function applySourceStructure(page: PageAnnotation, articles: readonly SourceArticle[], numbers: readonly number[] = page.lines.map((l) => l.n)): PageAnnotation {
  if (articles.length === 0) return page;
  const articleOf = new Map<number, number>();
  articles.forEach((a, k) => a.lines.forEach((n) => articleOf.has(n) || articleOf.set(n, k)));
  const present = new Set<number>();
  page.lines.forEach((l, i) => {
    const k = articleOf.get(numbers[i] ?? l.n);
    if (l.label !== null && k !== undefined) present.add(k);
  });
  const sourceIds = new Map<number, string>();
  [...present].sort((x, y) => x - y).forEach((k, i) => sourceIds.set(k, `a${i + 1}`));
  // The engine's articles that keep lines the source did not place, renumbered after the source's.
  const engineIds = new Map<string, string>();
  page.lines.forEach((l, i) => {
    if (l.label?.kind !== 'article' || articleOf.has(numbers[i] ?? l.n) || engineIds.has(l.label.article)) return;
    engineIds.set(l.label.article, `a${sourceIds.size + engineIds.size + 1}`);
  });
  const lines = page.lines.map((l, i): AnnotatedLine => {
    if (l.label === null) return l;
    const k = articleOf.get(numbers[i] ?? l.n);
    if (k === undefined) {
      return l.label.kind === 'article' ? { ...l, label: { ...l.label, article: engineIds.get(l.label.article)! } } : l;
    }
    const label: LineLabel = { kind: 'article', article: sourceIds.get(k)!, role: l.label.kind === 'article' ? l.label.role : 'body' };
    return { ...l, label, why: { ...l.why, label: SAID } };
  });
  const engineArticles = new Map(page.articles.map((a) => [a.id, a]));
  const fromSource = [...sourceIds].map(([k, id]): ArticleMeta => ({ id, genre: articles[k]!.genre ?? 'news', authors: [], flags: [], why: SAID }));
  const fromEngine = [...engineIds].map(([old, id]): ArticleMeta => ({ ...engineArticles.get(old)!, id }));
  return { ...page, lines, articles: [...fromSource, ...fromEngine] };
}
