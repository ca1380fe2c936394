import type { AppState } from '../../store/types.js';

/** The article the panel shows: the one under the source cursor, else the one picked in the article list. */
export function currentArticleId(s: AppState): string | null {
  const page = s.page;
  if (!page || page.page.id !== s.pageId) return null;
  const line = s.selection ? page.annotation.lines[s.selection.line] : undefined;
  if (line?.label?.kind === 'article') return line.label.article;
  const focused = s.focusedArticle;
  return focused !== null && page.annotation.articles.some((a) => a.id === focused) ? focused : null;
}
