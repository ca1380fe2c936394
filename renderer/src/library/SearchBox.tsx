import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_KINDS, type SearchHit } from '../../../app/search/result.js';
import { keysFor } from '../commands/commands.js';
import { formatKey, keyName } from '../commands/keys.js';
import { useAppStore } from '../store/index.js';
import { highlightRuns } from './search-highlight.js';
import type { SearchScope } from '../store/state.js';
import './SearchBox.css';

const SCOPES: readonly SearchScope[] = ['all', ...SEARCH_KINDS];
const SEARCH_KEY = keysFor('searchLibrary')[0]!;

/** The library's search, at the top of the sidebar; while it has a query its results stand in for the tree. */
export function SearchBox() {
  const { t } = useTranslation();
  const id = useId();
  const query = useAppStore((s) => s.searchQuery);
  const scope = useAppStore((s) => s.searchScope);
  const result = useAppStore((s) => s.searchResult);
  const focusRequest = useAppStore((s) => s.searchFocus);
  const setQuery = useAppStore((s) => s.setSearchQuery);
  const setScope = useAppStore((s) => s.setSearchScope);
  const goToLine = useAppStore((s) => s.goToLine);
  const focusSearch = useAppStore((s) => s.focusSearch);
  const input = useRef<HTMLInputElement>(null);

  // CodeMirror reads Ctrl+Shift+F as its own Ctrl+F (it retries a shifted letter without Shift), so
  // the key is taken on its way down, before the editor sees it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (keyName(event) !== SEARCH_KEY) return;
      event.preventDefault();
      event.stopPropagation();
      focusSearch();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [focusSearch]);

  useEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const active = query.trim() !== '';
  const open = (hit: SearchHit) => void goToLine(hit.pageId, hit.line, hit.articleId);
  return (
    <div role="search" className="search" data-active={active || undefined} aria-label={t('search.label')}>
      <div className="search-field">
        <input
          ref={input}
          type="search"
          className="text-box search-input"
          value={query}
          placeholder={`${t('search.placeholder')}  ${t('search.keys', { key: formatKey(SEARCH_KEY) })}`}
          aria-label={t('search.label')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && active) {
              e.preventDefault();
              setQuery('');
            } else if (e.key === 'Enter' && !e.nativeEvent.isComposing && result?.hits[0]) open(result.hits[0]);
          }}
        />
      </div>
      <div className="search-scopes" role="radiogroup" aria-label={t('search.scopeLabel')}>
        {SCOPES.map((s) => (
          <label key={s} className="search-scope">
            <input type="radio" name={`${id}-scope`} checked={s === scope} onChange={() => setScope(s)} />
            <span>{t(`search.scope.${s}`)}</span>
          </label>
        ))}
      </div>
      {active && result && (
        <div className="search-results" data-testid="search-results">
          <p className="search-summary">{result.hits.length === 0 ? t('search.none') : t('search.results', { count: result.hits.length })}</p>
          {!result.complete && <p className="search-incomplete" role="status">{t('search.incomplete', { count: result.pending })}</p>}
          <ul>
            {result.hits.map((hit, i) => (
              <li key={i}>
                <button type="button" className="search-hit" data-line={hit.line} data-page={hit.pageId} onClick={() => open(hit)}>
                  <span className="search-where">
                    {t('search.where', { page: hit.pageNumber, line: hit.line })}
                    {hit.kind !== 'text' && <span className="search-kind">{t(`search.kind.${hit.kind}`)}</span>}
                  </span>
                  <span className="search-text">
                    {highlightRuns(hit.text, query).map((run, j) => (run.match ? <mark key={j}>{run.text}</mark> : run.text))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
