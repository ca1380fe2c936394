import type Database from 'better-sqlite3';
import type { AnnotatedLine } from '../../app/model/page.js';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResult } from '../../app/search/result.js';
import { compact, gramQuery } from '../../app/search/grams.js';
import {
  clearDirty, completeTerms, dirtyCount, dirtyPages, type HitRow, type IndexedLine, type IndexedTerm, matchLines, matchTerms,
  type TermKind, writePageIndex,
} from '../store/search-index.js';
import { getPageRow } from '../store/pages.js';
import { readPageArticles } from '../metadata/page-articles.js';

const TERMS_OF: Record<Exclude<SearchKind, 'text'>, TermKind[]> = {
  title: ['title'],
  author: ['author'],
  tag: ['tag', 'keyword', 'person', 'place', 'org'],
};
/** How long one call may spend catching up on pages waiting to be indexed. */
const CATCH_UP_MS = 100;
/** Characters of the next line indexed with a line: enough for a name or phrase broken at the line end. */
const TAIL = 16;

/** Searches line text, titles, authors and tags (all of them when `kind` is absent); 1- and 2-character CJK queries included. */
export function searchLibrary(db: Database.Database, q: string, kind: SearchKind | undefined, limit: number): SearchResult {
  const pending = refreshSearchIndex(db, CATCH_UP_MS);
  const query = q.trim();
  const hits: SearchHit[] = [];
  if (query !== '') {
    for (const k of kind ? [kind] : SEARCH_KINDS.filter((s) => s !== 'text')) {
      if (k !== 'text') hits.push(...matchTerms(db, TERMS_OF[k], query, limit - hits.length).map((r) => hit(k, r)));
    }
    if ((kind === undefined || kind === 'text') && hits.length < limit) hits.push(...textHits(db, query, limit - hits.length));
  }
  return { hits: hits.slice(0, limit), complete: pending === 0, pending };
}

/** Authors, tags or keywords starting with `prefix`, most used in the library first. */
export function autocomplete(db: Database.Database, field: 'author' | 'tag' | 'keyword', prefix: string, limit: number): { text: string; count: number }[] {
  refreshSearchIndex(db, CATCH_UP_MS);
  return completeTerms(db, field, prefix.trim(), limit);
}

function textHits(db: Database.Database, query: string, limit: number): SearchHit[] {
  const fts = gramQuery(query);
  if (fts === null) return [];
  const wanted = compact(query);
  // A line whose match starts in the next line's head is that line's hit, not this one's.
  const own = (r: HitRow) => {
    const at = compact(r.text + r.tail).indexOf(wanted);
    return at < 0 || at < compact(r.text).length;
  };
  return matchLines(db, fts, limit * 2 + 10).filter(own).slice(0, limit).map((r) => hit('text', r));
}

function hit(kind: SearchKind, r: HitRow): SearchHit {
  const out: SearchHit = { kind, issueId: r.issueId, pageId: r.pageId, pageNumber: r.pageNumber, line: r.n, articleId: r.articleKey, text: r.text };
  if (r.part !== 0) out.part = r.part;
  return out;
}

/** Indexes pages waiting for it until `budgetMs` is spent; returns how many still wait. */
export function refreshSearchIndex(db: Database.Database, budgetMs = Infinity): number {
  const until = performance.now() + budgetMs;
  for (let batch = dirtyPages(db, 16); batch.length > 0; batch = dirtyPages(db, 16)) {
    for (const pageId of batch) {
      db.transaction(() => refreshPageIndex(db, pageId))();
      if (performance.now() > until) return dirtyCount(db);
    }
  }
  return 0;
}

/** Rebuilds one page's search rows from its current lines and metadata. Call inside a transaction. */
export function refreshPageIndex(db: Database.Database, pageId: number): void {
  if (!getPageRow(db, pageId)) {
    clearDirty(db, pageId);
    return;
  }
  const page = readPageArticles(db, pageId);
  const terms: IndexedTerm[] = [];
  for (const { article, resolved } of page.articles) {
    const first = article.spans[0]?.from ?? 1;
    const lineOf = (role: string) => article.spans.find((s) => s.role === role)?.from ?? first;
    const add = (kind: TermKind, text: string | null, n: number) => {
      if (text && text.trim() !== '') terms.push({ articleKey: article.id, kind, text, n });
    };
    add('title', resolved.kicker, lineOf('kicker'));
    add('title', resolved.title, lineOf('headline'));
    add('title', resolved.subtitle, lineOf('subheadline'));
    for (const a of resolved.authors) add('author', a, lineOf('byline'));
    for (const k of resolved.keywords) add('keyword', k, first);
    for (const t of resolved.tags) add('tag', t, first);
    for (const e of resolved.entities) add(e.type, e.text, article.provenance.paragraphs[e.paragraph ?? -1]?.[0] ?? first);
  }
  writePageIndex(db, pageId, indexedLines(page.annotation.lines), terms);
}

/** Each line with the head of the line it joins: the next line of the same article and role, when its break is a join. */
function indexedLines(lines: readonly AnnotatedLine[]): IndexedLine[] {
  const next = new Map<string, string>();
  const out: IndexedLine[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    const label = l.label?.kind === 'article' ? l.label : null;
    const key = label ? `${label.article}\u0000${label.role}` : null;
    const tail = key !== null && l.brk === 'join' ? (next.get(key) ?? '') : '';
    out.push({ n: l.n, part: l.part ?? 0, articleKey: label?.article ?? null, text: l.text, tail });
    if (key !== null && l.text.trim() !== '') next.set(key, [...l.text.trim()].slice(0, TAIL).join(''));
  }
  return out.reverse();
}
