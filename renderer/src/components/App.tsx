import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';
import { ArticlePane } from './ArticlePane.js';
import { ErrorBanner } from './ErrorBanner.js';
import { ImportErrors } from './ImportErrors.js';
import { LibrarySidebar } from './LibrarySidebar.js';
import { SourcePane } from './SourcePane.js';
import { StatusBar } from './StatusBar.js';
import './App.css';

export function App() {
  const language = useAppStore((s) => s.language);
  const theme = useAppStore((s) => s.theme);
  const { i18n } = useTranslation();

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app">
      <div className="app-messages">
        <ErrorBanner />
        <ImportErrors />
      </div>
      <main className="workspace">
        <LibrarySidebar />
        <SourcePane />
        <ArticlePane />
      </main>
      <StatusBar />
    </div>
  );
}
