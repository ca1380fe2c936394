import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentedArticle } from '../../../app/model/segmentation.js';

interface Props {
  index: number;
  article: SegmentedArticle;
  colour: string;
  focused: boolean;
  onPick(articleId: string, firstLine: number): void;
}

function firstLine(article: SegmentedArticle): number | null {
  return article.spans.reduce<number | null>((min, s) => (min === null || s.from < min ? s.from : min), null);
}

function lastLine(article: SegmentedArticle): number | null {
  return article.spans.reduce<number | null>((max, s) => (max === null || s.to > max ? s.to : max), null);
}

export function ArticleCard({ index, article, colour, focused, onPick }: Props) {
  const { t } = useTranslation();
  const from = firstLine(article);
  const to = lastLine(article);
  const pick = () => {
    if (from !== null) onPick(article.id, from);
  };
  // A custom property set through React's style object is CSSOM, which the CSP allows.
  const style = { '--article': colour } as CSSProperties;
  return (
    <article className="article-card" style={style} aria-current={focused ? 'true' : undefined} onClick={pick}>
      <div className="article-meta">
        <span className="article-index">{index}</span>
        {from !== null && (
          <span className="article-lines">
            {from}–{to}
          </span>
        )}
        {article.flags.map((flag) => (
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
      {article.paragraphs.map((text, i) => (
        <p key={i} className="article-paragraph">
          {text}
        </p>
      ))}
      {article.captions.map((text, i) => (
        <p key={`c${i}`} className="article-caption">
          <span className="article-caption-label">{t('articles.caption')}</span>
          {text}
        </p>
      ))}
    </article>
  );
}
