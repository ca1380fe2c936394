import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';
import { currentArticleId } from '../store/selectors.js';
import { MetaForm } from './MetaForm.js';
import './MetadataPanel.css';

/** The fourth column: the metadata of the article under the source cursor (or picked in the article list). */
export function MetadataPanel() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.metaPanelOpen);
  const toggle = useAppStore((s) => s.toggleMetaPanel);
  const pageId = useAppStore((s) => s.pageId);
  const articleId = useAppStore(currentArticleId);
  const revision = useAppStore((s) => s.page?.history.revision);
  const meta = useAppStore((s) => s.meta);
  const loadMeta = useAppStore((s) => s.loadMeta);

  // Again after every edit of the page: the article's text, and so its tags' places, may have changed.
  useEffect(() => {
    void loadMeta(pageId !== null && articleId !== null ? { pageId, articleId } : null);
  }, [loadMeta, pageId, articleId, revision]);

  // While the next article loads, the last one stays (its fields still save to it) instead of a blank flash.
  const shown = meta && meta.pageId === pageId ? meta : null;
  return (
    <aside className="pane meta-panel" aria-label={t('meta.heading')} data-collapsed={!open || undefined}>
      <header className="pane-header">
        {open && <h2 className="pane-title">{t('meta.heading')}</h2>}
        {open && shown && (
          <span className="pane-subtitle meta-article" title={shown.resolved.title ?? shown.articleId}>
            {shown.resolved.title ?? shown.articleId}
          </span>
        )}
        <button
          type="button"
          className="icon-button meta-toggle"
          aria-expanded={open}
          title={open ? t('meta.collapse') : t('meta.expand')}
          aria-label={open ? t('meta.collapse') : t('meta.expand')}
          onClick={toggle}
        >
          {open ? '⟩' : '⟨'}
        </button>
      </header>
      {open && (
        <div className="pane-body meta-body">
          {shown ? <MetaForm key={`${shown.pageId}:${shown.articleId}`} view={shown} /> : <p className="pane-empty">{t('meta.none')}</p>}
        </div>
      )}
    </aside>
  );
}
