import { type CSSProperties, memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentedArticle } from '../../../app/model/segmentation.js';
import type { CardHandle } from './article-text.js';
import { articleWarnings, firstLineOf, lastLineOf, type TextPlace } from './article-view.js';

interface Props {
  index: number;
  article: SegmentedArticle;
  colour: string;
  focused: boolean;
  /** The paragraph or caption holding the source pane's cursor line. */
  current: TextPlace | null;
  onPick(articleId: string, firstLine: number): void;
  /** Pointer over a paragraph (its source lines), or off it (null); `scroll` on a click. */
  onParagraph(lines: readonly number[] | null, scroll: boolean): void;
  /** The card hands the pane its elements (null when it goes), for selections and tag highlights. */
  onMount(articleId: string, card: CardHandle | null): void;
}

function ArticleCardView({ index, article, colour, focused, current, onPick, onParagraph, onMount }: Props) {
  const { t } = useTranslation();
  const from = firstLineOf(article);
  const to = lastLineOf(article);
  const currentRef = useRef<HTMLParagraphElement | null>(null);
  const root = useRef<HTMLElement>(null);
  // Filled by the paragraphs' refs; a paragraph that goes leaves a null, which `paragraphs()` skips.
  const paragraphs = useRef<(HTMLParagraphElement | null)[]>([]);
  const handle = useMemo<CardHandle>(
    () => ({
      articleId: article.id,
      contains: (node) => root.current?.contains(node) ?? false,
      paragraphs: () => paragraphs.current.filter((p): p is HTMLParagraphElement => p !== null),
    }),
    [article.id],
  );
  useLayoutEffect(() => {
    onMount(handle.articleId, handle);
    return () => onMount(handle.articleId, null);
  }, [handle, onMount]);
  const pick = () => {
    if (from !== null) onPick(article.id, from);
  };
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const text = (kind: TextPlace['kind'], i: number, body: string, lines: readonly number[]) => {
    const isCurrent = current?.kind === kind && current.index === i;
    return (
      <p
        key={`${kind}${i}`}
        ref={(el) => {
          if (kind === 'paragraph') paragraphs.current[i] = el;
          if (isCurrent) currentRef.current = el;
        }}
        className={kind === 'paragraph' ? 'article-paragraph' : 'article-caption'}
        data-current={isCurrent || undefined}
        data-lines={lines.join(' ')}
        onMouseEnter={() => onParagraph(lines, true)}
        onMouseLeave={() => onParagraph(null, false)}
        onClick={(e) => {
          e.stopPropagation();
          onParagraph(lines, true);
        }}
      >
        {kind === 'caption' && <span className="article-caption-label">{t('articles.caption')}</span>}
        {body}
      </p>
    );
  };

  // A custom property set through React's style object is CSSOM, which the CSP allows.
  const style = { '--article': colour } as CSSProperties;
  return (
    <article ref={root} className="article-card" style={style} data-article={article.id} aria-current={focused ? 'true' : undefined} onClick={pick}>
      <div className="article-meta">
        <span className="article-index">{index}</span>
        {from !== null && (
          <span className="article-lines">
            {from}–{to}
          </span>
        )}
        {articleWarnings(article).map((flag) => (
          <span key={flag} className="article-flag">
            {t(`articles.flag.${flag}` as 'articles.flag.no-title', { defaultValue: flag })}
          </span>
        ))}
      </div>
      {article.kicker && <p className="article-kicker">{article.kicker}</p>}
      <h3 className="article-title">
        {/* The card's click handler picks the article; the button makes that reachable by keyboard. */}
        <button type="button" title={from !== null ? t('articles.goToSource', { line: from }) : undefined}>
          {article.title ?? <span className="article-untitled">{t('articles.untitled')}</span>}
        </button>
      </h3>
      {article.subtitle && <p className="article-subtitle">{article.subtitle}</p>}
      {article.byline && <p className="article-byline">{article.byline}</p>}
      {article.paragraphs.map((body, i) => text('paragraph', i, body, article.provenance.paragraphs[i] ?? []))}
      {article.captions.map((body, i) => text('caption', i, body, article.provenance.captions[i] ?? []))}
      {article.signature && <p className="article-signature">{article.signature}</p>}
    </article>
  );
}

const sameStrings = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** An article's card re-renders only when what it shows changed: an edit touches one or two articles. */
function sameArticle(a: SegmentedArticle, b: SegmentedArticle): boolean {
  return (
    a.id === b.id &&
    a.kicker === b.kicker &&
    a.title === b.title &&
    a.subtitle === b.subtitle &&
    a.byline === b.byline &&
    a.signature === b.signature &&
    sameStrings(a.authors, b.authors) &&
    sameStrings(a.flags, b.flags) &&
    sameStrings(a.paragraphs, b.paragraphs) &&
    sameStrings(a.captions, b.captions) &&
    JSON.stringify(a.spans) === JSON.stringify(b.spans) &&
    JSON.stringify(a.provenance) === JSON.stringify(b.provenance)
  );
}

export const ArticleCard = memo(
  ArticleCardView,
  (a, b) =>
    a.index === b.index &&
    a.colour === b.colour &&
    a.focused === b.focused &&
    a.current?.kind === b.current?.kind &&
    a.current?.index === b.current?.index &&
    a.onPick === b.onPick &&
    a.onParagraph === b.onParagraph &&
    a.onMount === b.onMount &&
    sameArticle(a.article, b.article),
);
