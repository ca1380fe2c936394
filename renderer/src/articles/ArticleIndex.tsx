import { type CSSProperties, memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentedArticle } from '../../../app/model/segmentation.js';
import { articleWarnings, firstLineOf } from './article-view.js';
import { articleColour } from '../ui/article-colours.js';
import { useAppStore } from '../store/index.js';
import { currentArticleId } from '../store/selectors.js';

interface Row {
  pageId: number;
  pageNumber: number | null;
  articleId: string;
  title: string | null;
  warnings: string[];
  firstLine: number | null;
  colour: string;
  /** Linked parts of a continued article: the page it goes on on, the page it is the rest of. */
  continuesOn: number | null;
  continuedFrom: number | null;
}

/**
 * The issue's articles at a glance: this page's straight from what is on screen (always current),
 * the other pages' from the library. A click opens the article, and its page when needed.
 */
export function ArticleIndex({ articles }: { articles: readonly { article: SegmentedArticle; colour: string }[] }) {
  const { t } = useTranslation();
  const pageId = useAppStore((s) => s.pageId);
  // The article under the source cursor (else the one picked): the list follows the editor through the page.
  const focused = useAppStore(currentArticleId);
  const issue = useAppStore((s) => s.issueArticles);
  const treeLoaded = useAppStore((s) => s.tree !== null);
  const loadIssueArticles = useAppStore((s) => s.loadIssueArticles);
  const goToArticle = useAppStore((s) => s.goToArticle);

  // Edits change only the open page, whose rows come from the screen: the other pages' rows are
  // read once per page opened.
  useEffect(() => {
    if (treeLoaded && pageId !== null) void loadIssueArticles();
  }, [treeLoaded, pageId, loadIssueArticles]);

  // Links come from the library (they span pages); this page's rows take them from there too.
  const linked = new Map((issue?.articles ?? []).filter((a) => a.pageId === pageId).map((a) => [a.articleId, a]));
  const here: Row[] = articles.map(({ article, colour }) => ({
    pageId: pageId ?? 0,
    pageNumber: null,
    articleId: article.id,
    title: article.title,
    warnings: articleWarnings(article),
    firstLine: firstLineOf(article),
    colour,
    continuesOn: linked.get(article.id)?.continuesOn ?? null,
    continuedFrom: linked.get(article.id)?.continuedFrom ?? null,
  }));
  const elsewhere: Row[] = [];
  let index = 0;
  let lastPage = -1;
  for (const a of issue?.articles ?? []) {
    if (a.pageId === pageId) continue;
    index = a.pageId === lastPage ? index + 1 : 0;
    lastPage = a.pageId;
    elsewhere.push({ pageId: a.pageId, pageNumber: a.pageNumber, articleId: a.articleId, title: a.title, warnings: articleWarnings(a), firstLine: a.firstLine, colour: articleColour(index),
      continuesOn: a.continuesOn, continuedFrom: a.continuedFrom });
  }

  const row = (r: Row, i: number) => (
    <IndexRow
      key={`${r.pageId}:${r.articleId}`}
      row={r}
      number={i + 1}
      current={r.pageId === pageId && r.articleId === focused}
      warnings={r.warnings.join(' ')}
      onGo={goToArticle}
    />
  );

  return (
    <nav className="article-index" aria-label={t('articles.list')}>
      <ol className="index-list">{here.map(row)}</ol>
      {elsewhere.length > 0 && <ol className="index-list index-elsewhere">{elsewhere.map(row)}</ol>}
    </nav>
  );
}

interface RowProps {
  row: Row;
  number: number;
  current: boolean;
  /** The warnings as one string, so an unchanged row compares equal and skips rendering. */
  warnings: string;
  onGo(pageId: number, articleId: string, firstLine: number): Promise<void>;
}

const IndexRow = memo(
  function IndexRow({ row: r, number, current, warnings, onGo }: RowProps) {
    const { t } = useTranslation();
    const button = useRef<HTMLButtonElement>(null);
    useEffect(() => {
      if (current) button.current?.scrollIntoView({ block: 'nearest' });
    }, [current]);
    return (
      <li>
        <button
          ref={button}
          type="button"
          className="index-row"
          style={{ '--article': r.colour } as CSSProperties}
          aria-current={current ? 'true' : undefined}
          onClick={() => void onGo(r.pageId, r.articleId, r.firstLine ?? 1)}
        >
          <span className="index-swatch" />
          <span className="index-number">{r.pageNumber === null ? number : t('library.pageNumber', { n: r.pageNumber })}</span>
          <span className="index-title">{r.title ?? <em>{t('articles.untitled')}</em>}</span>
          {r.continuedFrom !== null && <span className="article-continuation">{t('articles.continuedFrom', { n: r.continuedFrom })}</span>}
          {r.continuesOn !== null && <span className="article-continuation">{t('articles.continuesOn', { n: r.continuesOn })}</span>}
          {warnings === '' ? (
            <span className="index-ok" title={t('articles.ok')}>
              ✓
            </span>
          ) : (
            warnings.split(' ').map((w) => (
              <span key={w} className="article-flag">
                {t(`articles.flag.${w}` as 'articles.flag.no-title', { defaultValue: w })}
              </span>
            ))
          )}
        </button>
      </li>
    );
  },
  (a, b) =>
    a.number === b.number &&
    a.current === b.current &&
    a.warnings === b.warnings &&
    a.onGo === b.onGo &&
    a.row.title === b.row.title &&
    a.row.colour === b.row.colour &&
    a.row.firstLine === b.row.firstLine &&
    a.row.pageNumber === b.row.pageNumber &&
    a.row.pageId === b.row.pageId &&
    a.row.articleId === b.row.articleId &&
    a.row.continuesOn === b.row.continuesOn &&
    a.row.continuedFrom === b.row.continuedFrom,
);
