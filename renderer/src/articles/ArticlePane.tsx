import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderPage } from '../../../app/engine/index.js';
import { useAppStore } from '../store/index.js';
import { articleColour } from '../ui/article-colours.js';
import { ArticleCard } from './ArticleCard.js';
import { ArticleIndex } from './ArticleIndex.js';
import type { CardHandle } from './article-text.js';
import { placeOfLine } from './article-view.js';
import { TagPopover } from './TagPopover.js';
import { useArticleSelection } from './useArticleSelection.js';
import { useEntityHighlights } from './useEntityHighlights.js';
import './ArticlePane.css';

export function ArticlePane() {
  const { t } = useTranslation();
  const detail = useAppStore((s) => s.page);
  const focused = useAppStore((s) => s.focusedArticle);
  const focusArticle = useAppStore((s) => s.focusArticle);
  const showParagraph = useAppStore((s) => s.showParagraph);
  const cursorLine = useAppStore((s) => (s.selection && s.page ? (s.page.annotation.lines[s.selection.line]?.n ?? null) : null));

  const articles = useMemo(() => {
    if (!detail) return [];
    const order = new Map(detail.annotation.articles.map((a, i) => [a.id, i]));
    return renderPage(detail.annotation, detail.page).articles.map((article) => ({ article, colour: articleColour(order.get(article.id) ?? 0) }));
  }, [detail]);

  const current = useMemo(
    () => (cursorLine === null ? null : placeOfLine(articles.map((a) => a.article), cursorLine)),
    [articles, cursorLine],
  );
  const onParagraph = useCallback((lines: readonly number[] | null, scroll: boolean) => showParagraph(lines, scroll), [showParagraph]);

  // The cards on screen, as each registered itself: what a selection is in and where tags are painted.
  const list = useRef<HTMLDivElement>(null);
  const [cards] = useState(() => new Map<string, CardHandle>());
  const onMount = useCallback(
    (articleId: string, card: CardHandle | null) => {
      if (card) cards.set(articleId, card);
      else cards.delete(articleId);
    },
    [cards],
  );
  const selectionBox = useArticleSelection(list, cards);
  useEntityHighlights(cards);

  return (
    <section className="pane articles" aria-label={t('articles.heading')}>
      <header className="pane-header">
        <h2 className="pane-title">{t('articles.heading')}</h2>
        {detail && <span className="pane-meta">{articles.length}</span>}
      </header>
      {detail && <ArticleIndex articles={articles} />}
      <div ref={list} className="pane-body article-list" data-testid="article-list">
        {detail && articles.length === 0 && <p className="pane-empty">{t('articles.none')}</p>}
        {articles.map(({ article, colour }, i) => (
          <ArticleCard
            key={article.id}
            index={i + 1}
            article={article}
            colour={colour}
            focused={article.id === focused}
            current={current?.article === article.id ? current : null}
            onPick={focusArticle}
            onParagraph={onParagraph}
            onMount={onMount}
          />
        ))}
      </div>
      {selectionBox && <TagPopover box={selectionBox} />}
    </section>
  );
}
