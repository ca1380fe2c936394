// Pure reads of the state: no backend calls, no side effects (the slices' actions do those).
import type { IssueSummary, LibraryTree, PageDetail, PageSummary, PublicationSummary } from '../../../app/contract.js';
import type { AppState } from './state.js';

interface PageLocation {
  publication: PublicationSummary;
  issue: IssueSummary;
  page: PageSummary;
}

export function firstPageId(tree: LibraryTree | null): number | null {
  for (const publication of tree?.publications ?? []) {
    for (const issue of publication.issues) {
      const first = issue.pages[0];
      if (first) return first.id;
    }
  }
  return null;
}

export function locatePage(tree: LibraryTree | null, pageId: number | null): PageLocation | null {
  if (pageId === null) return null;
  for (const publication of tree?.publications ?? []) {
    for (const issue of publication.issues) {
      const page = issue.pages.find((p) => p.id === pageId);
      if (page) return { publication, issue, page };
    }
  }
  return null;
}

/** "凯里日报 2021-01-06": how dialogs name the issue a page belongs to. */
export function issueName(location: PageLocation | null): string {
  return location ? `${location.publication.name} ${location.issue.date ?? location.issue.label}` : '';
}

/** "Page N of M" within the page's issue. */
export function pagePosition(tree: LibraryTree | null, pageId: number | null): { n: number; of: number } | null {
  const found = locatePage(tree, pageId);
  if (!found) return null;
  return { n: found.issue.pages.indexOf(found.page) + 1, of: found.issue.pages.length };
}

export function pageCounts(detail: PageDetail | null): { lines: number; articles: number } | null {
  if (!detail) return null;
  return { lines: detail.annotation.lines.length, articles: detail.annotation.articles.length };
}

/** The article the panel shows: the one under the source cursor, else the one picked in the article list. */
export function currentArticleId(s: AppState): string | null {
  const page = s.page;
  if (!page || page.page.id !== s.pageId) return null;
  const line = s.selection ? page.annotation.lines[s.selection.line] : undefined;
  if (line?.label?.kind === 'article') return line.label.article;
  const focused = s.focusedArticle;
  return focused !== null && page.annotation.articles.some((a) => a.id === focused) ? focused : null;
}
