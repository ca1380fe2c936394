import type { AnnotatedLine, ArticleMeta, BreakKind, Genre, LineLabel, PageAnnotation } from '../../app/model/page.js';

// Page builders the edit tests share: small pages from rows, and the 凯里日报 page from its gold.

/**
 * A small page from rows like `a1:body 本报讯甲乙` (article a1, role body), `F:page-header 时政`
 * (furniture) or `` (blank); a row ending in `¶` ends a paragraph.
 */
export function pageOf(rows: string[], genre: Genre = 'news'): PageAnnotation {
  const ids: string[] = [];
  const lines = rows.map((row, i): AnnotatedLine => {
    if (row.trim() === '') return { n: i + 1, text: row, label: null, brk: 'join', why: {} };
    const [tag = '', ...rest] = row.split(' ');
    const [who = '', role = ''] = tag.split(':');
    let text = rest.join(' ');
    let brk: BreakKind = 'join';
    if (text.endsWith('¶')) [text, brk] = [text.slice(0, -1), 'paragraph'];
    const label = (who === 'F' ? { kind: 'furniture', role } : { kind: 'article', article: who, role }) as LineLabel;
    if (label.kind === 'article' && !ids.includes(who)) ids.push(who);
    return { n: i + 1, text, label, brk, why: { label: { rule: 'test', confidence: 0.5 } } };
  });
  const articles = ids.map((id): ArticleMeta => ({ id, genre, authors: [], flags: [] }));
  return { lines, articles, section: null, headlineOrder: 'after' };
}

interface Gold {
  articles: { id: string; genre: Genre; authors: string[]; flags?: string[] }[];
  line_labels: (string | null)[];
}

/** The corpus page as its gold file segments it, with breaks guessed from line ends. */
export function pageFromGold(lines: string[], gold: Gold): PageAnnotation {
  return {
    section: null,
    headlineOrder: 'after',
    articles: gold.articles.map((a) => ({ id: a.id, genre: a.genre, authors: a.authors, flags: a.flags ?? [] })),
    lines: lines.map((text, i): AnnotatedLine => {
      const tag = gold.line_labels[i + 1] ?? null;
      const [who = '', role = ''] = tag?.split(':') ?? [];
      const label = tag === null ? null : ((who === 'furniture' ? { kind: 'furniture', role } : { kind: 'article', article: who, role }) as LineLabel);
      const brk: BreakKind = /[。！？”]\s*$/.test(text) ? 'paragraph' : 'join';
      return { n: i + 1, text, label, brk, why: { label: { rule: 'gold', confidence: 1 } } };
    }),
  };
}

/** Freezing a page all the way down makes a test fail where an edit writes into its input. */
export { deepFreeze } from '../../app/deep-freeze.js';

/** Every non-whitespace character of the page's lines, counted. */
export function charCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const ch of t.replace(/\s+/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}
