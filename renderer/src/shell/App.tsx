import { useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../store/index.js';
import { editRendered } from '../store/edit-timing.js';
import { ArticlePane } from '../articles/ArticlePane.js';
import { ErrorBanner } from './ErrorBanner.js';
import { ImportErrors } from '../library/ImportErrors.js';
import { LibrarySidebar } from '../library/LibrarySidebar.js';
import { MetadataPanel } from '../metadata/MetadataPanel.js';
import { MenuBar } from './MenuBar.js';
import { Overlays } from './Overlays.js';
import { SourcePane } from '../source/SourcePane.js';
import { PageImage } from '../page-image/PageImage.js';
import { StatusBar } from './StatusBar.js';
import { useGlobalKeys } from './useGlobalKeys.js';
import './App.css';

export function App() {
  const language = useAppStore((s) => s.language);
  const theme = useAppStore((s) => s.theme);
  const annotation = useAppStore((s) => s.page?.annotation);
  const store = useStoreApi();
  const { i18n } = useTranslation();
  useGlobalKeys(store);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // The parent's layout effect runs after both panes committed the new annotation: an edit's
  // round trip ends here.
  useLayoutEffect(() => {
    if (annotation) editRendered();
  }, [annotation]);

  return (
    <div className="app">
      <MenuBar />
      <div className="app-messages">
        <ErrorBanner />
        <ImportErrors />
      </div>
      <main className="workspace">
        <LibrarySidebar />
        <div className="source-column">
          <SourcePane />
          <PageImage />
        </div>
        <ArticlePane />
        <MetadataPanel />
      </main>
      <StatusBar />
      <Overlays />
    </div>
  );
}
