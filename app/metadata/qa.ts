import { articleGaps } from '../model/article-warnings.js';
import type { AnnotatedLine, PageAnnotation } from '../model/page.js';
import type { SegmentedArticle } from '../model/segmentation.js';
import { findContinuation } from './continuation.js';
import type { ArticleMetadata } from './model.js';
import { type MetadataDefaults, resolveMetadata } from './resolve.js';

/** The publication an import gets when neither the editor, the names nor the page header name one: QA asks for a real one. */
export const UNTITLED_PUBLICATION = 'Untitled';

export const QA_KINDS = ['unassigned-lines', 'no-title', 'no-author', 'empty-article', 'cjk-space', 'broken-hyphen', 'detached-entity', 'no-issue-date', 'no-publication', 'unlinked-continuation'] as const;
export type QaKind = (typeof QA_KINDS)[number];

/** One thing that blocks a clean export, with where the editor should go to fix it. */
export interface QaItem {
  pageId: number;
  pageNumber: number;
  /** The source line to open the editor at; null when the page has none to point at. */
  line: number | null;
  article: string | null;
  kind: QaKind;
  /** The article's title as exports show it (null: untitled, or the item is not an article's). */
  title: string | null;
  /** What the item points at, for a UI to show in its own language: a quoted excerpt or names, or a line range. */
  detail: QaDetail;
  /** The same in one English sentence, for logs and the command line. */
  message: string;
}

export type QaDetail = { quote: string } | { from: number; to: number } | null;

export interface QaPage {
  pageId: number;
  pageNumber: number;
  annotation: PageAnnotation;
  articles: SegmentedArticle[];
  metadata: ReadonlyMap<string, ArticleMetadata>;
  defaults: MetadataDefaults;
}

export interface IssueQa {
  progress: { done: number; total: number };
  items: QaItem[];
  /** Items the editor accepted as they are, with why: no longer blocking, still listed. */
  waived: (QaItem & { reason: string })[];
}

/** What QA checks of the issue itself. */
export interface QaIssue {
  date: string | null;
  /** False for the placeholder an import without a publication name uses. */
  named: boolean;
  /** The parts of continued articles linked each way, as `pageId:article:to` (goes on) and `pageId:article:from` (is the rest). */
  linked?: ReadonlySet<string>;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3000-\\u303f\\uff00-\\uffef';
// Between two CJK characters, or a digit and a CJK character (2021 年): spaces the page did not print.
const CJK_SPACE = new RegExp(`[${CJK}][^\\S\\n]+[${CJK}]|[0-9][^\\S\\n]+[${CJK}]|[${CJK}][^\\S\\n]+[0-9]`, 'u');
const BROKEN_HYPHEN = /\p{Ll}-\s+\p{Ll}/u;
/** A dateline's byline keeps one space between role word and each name: 本报讯（通讯员 李靖 蒋昌州）. */
const BYLINE_IN_TEXT = /[（(][^）)]{0,60}(?:通讯员|记者|摄影|实习生|特约)[^）)]{0,60}[）)]/gu;

/** Progress (articles marked done) and every QA item of an issue's pages, page by page, in reading order. */
export function issueQa(pages: readonly QaPage[], emptyMeta: () => ArticleMetadata, issue: QaIssue = { date: '', named: true }): IssueQa {
  let done = 0;
  let total = 0;
  const items: QaItem[] = [];
  const waived: IssueQa['waived'] = [];
  const first = pages[0];
  if (first && issue.date === null) {
    items.push({ pageId: first.pageId, pageNumber: first.pageNumber, line: null, article: null, kind: 'no-issue-date', title: null, detail: null, message: 'the issue has no date' });
  }
  if (first && !issue.named) {
    items.push({ pageId: first.pageId, pageNumber: first.pageNumber, line: null, article: null, kind: 'no-publication', title: null, detail: null, message: 'the issue has no publication name' });
  }
  for (const page of pages) {
    const at = (line: number | null, article: string | null, kind: QaKind, detail: QaDetail, message: string, title: string | null = null) => {
      const item: QaItem = { pageId: page.pageId, pageNumber: page.pageNumber, line, article, kind, title, detail, message };
      const waiver = article === null ? undefined : page.metadata.get(article)?.waived?.find((w) => w.kind === kind);
      if (waiver) waived.push({ ...item, reason: waiver.reason });
      else items.push(item);
    };
    let byN: Map<number, AnnotatedLine[]> | null = null;
    // built once a page, and only for a page with something to point at: a lookup per item keeps QA linear
    const lineWith = (lines: readonly number[], pattern: RegExp) => firstLineWith((byN ??= linesByNumber(page.annotation)), lines, pattern);

    for (const run of unassignedRuns(page.annotation)) {
      at(run.from, null, 'unassigned-lines', { from: run.from, to: run.to }, run.from === run.to ? `line ${run.from} is in no article and not furniture`
        : `lines ${run.from}–${run.to} are in no article and not furniture`);
    }
    for (const article of page.articles) {
      const meta = page.metadata.get(article.id) ?? emptyMeta();
      const resolved = resolveMetadata(meta, article, page.defaults);
      total++;
      if (resolved.status === 'done') done++;
      const first = article.spans[0]?.from ?? null;
      const name = resolved.title ?? article.id;
      const roleLine = (role: string): number[] => [article.spans.find((s) => s.role === role)?.from ?? first ?? 1];
      const titled = resolved.title ? { quote: resolved.title } : null;
      const gaps = articleGaps({ title: resolved.title, authors: resolved.authors, paragraphs: article.paragraphs, captions: article.captions });
      if (gaps.includes('no-title')) at(first, article.id, 'no-title', null, `article ${article.id} has no title`, resolved.title);
      if (gaps.includes('no-author')) at(first, article.id, 'no-author', titled, `“${name}” has no author`, resolved.title);
      if (gaps.includes('empty')) at(first, article.id, 'empty-article', titled, `“${name}” has no text`, resolved.title);
      const texts: [string | null, number[]][] = [
        [resolved.kicker, roleLine('kicker')], [resolved.title, roleLine('headline')], [resolved.subtitle, roleLine('subheadline')],
        ...article.paragraphs.map((p, i): [string, number[]] => [p, article.provenance.paragraphs[i] ?? []]),
        ...article.captions.map((c, i): [string, number[]] => [c, article.provenance.captions[i] ?? []]),
      ];
      for (const [text, lines] of texts) {
        if (text && CJK_SPACE.test(text.replace(BYLINE_IN_TEXT, ''))) {
          const quote = excerpt(text, CJK_SPACE);
          at(lineWith(lines, CJK_SPACE), article.id, 'cjk-space', { quote }, `“${quote}”: a space next to a CJK character`, resolved.title);
        }
        if (text && BROKEN_HYPHEN.test(text)) {
          const quote = excerpt(text, BROKEN_HYPHEN);
          at(lineWith(lines, /-\s*$/), article.id, 'broken-hyphen', { quote }, `“${quote}”: a word broken by a hyphen`, resolved.title);
        }
      }
      for (const [i, paragraph] of article.paragraphs.entries()) {
        const marker = findContinuation(paragraph);
        if (!marker || issue.linked?.has(`${page.pageId}:${article.id}:${marker.direction}`)) continue;
        const lines = article.provenance.paragraphs[i] ?? [];
        at(lines[0] ?? first, article.id, 'unlinked-continuation', { quote: marker.text },
          `“${marker.text}”: ${marker.direction === 'to' ? 'goes on' : 'goes on from'} page ${marker.page}, not linked (Shift+L)`, resolved.title);
      }
      const detached = meta.entities.filter((e) => e.flag === 'detached');
      if (detached.length) {
        const names = detached.map((e) => e.text).join('、');
        at(first, article.id, 'detached-entity', { quote: names }, `“${name}”: ${names} no longer in the text`, resolved.title);
      }
    }
  }
  return { progress: { done, total }, items, waived };
}

/** Runs of consecutive non-blank lines that no label claims. */
function unassignedRuns(page: PageAnnotation): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let last: { from: number; to: number } | null = null;
  for (const line of page.lines) {
    if (line.label !== null || line.text.trim() === '') {
      if (line.text.trim() !== '') last = null;
      continue;
    }
    if (last) last.to = line.n;
    else runs.push((last = { from: line.n, to: line.n }));
  }
  return runs;
}

function linesByNumber(page: PageAnnotation): Map<number, AnnotatedLine[]> {
  const byN = new Map<number, AnnotatedLine[]>();
  for (const line of page.lines) {
    const parts = byN.get(line.n);
    if (parts) parts.push(line);
    else byN.set(line.n, [line]);
  }
  return byN;
}

/** The first (in page order) of `lines` whose text shows the problem, else the first of them. */
function firstLineWith(byN: ReadonlyMap<number, readonly AnnotatedLine[]>, lines: readonly number[], pattern: RegExp): number | null {
  let hit: number | null = null;
  for (const n of lines) {
    if (hit !== null && n >= hit) continue;
    if (byN.get(n)?.some((l) => pattern.test(l.text))) hit = n;
  }
  return hit ?? lines[0] ?? null;
}

function excerpt(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  const at = m?.index ?? 0;
  return text.slice(Math.max(0, at - 6), at + 10);
}
