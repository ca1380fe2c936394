import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../app/metadata/suggest.js';
import { useAppStore } from '../store/index.js';

/** The engine's and the library's proposals; with the list focused, one key accepts or rejects the active one. */
export function SuggestionList() {
  const { t } = useTranslation();
  const suggestions = useAppStore((s) => s.suggestions);
  const accept = useAppStore((s) => s.acceptSuggestion);
  const reject = useAppStore((s) => s.rejectSuggestion);
  const [active, setActive] = useState(0);

  useEffect(() => {
    setActive((a) => Math.min(a, Math.max(0, suggestions.length - 1)));
  }, [suggestions]);

  if (suggestions.length === 0) return null;
  const current = suggestions[Math.min(active, suggestions.length - 1)];

  const onKey = (e: React.KeyboardEvent) => {
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const act = (fn: () => void) => {
      e.preventDefault();
      e.stopPropagation();
      fn();
    };
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (key === 'j' || key === 'ArrowDown') act(() => setActive((a) => Math.min(a + 1, suggestions.length - 1)));
    else if (key === 'k' || key === 'ArrowUp') act(() => setActive((a) => Math.max(a - 1, 0)));
    else if (current && (key === 'Enter' || key === 'a')) act(() => void accept(current));
    else if (current && (key === 'Backspace' || key === 'r')) act(() => void reject(current));
  };

  return (
    <section className="meta-section suggestions">
      <h3 className="meta-section-title">
        {t('suggest.heading', { count: suggestions.length })}
        <span className="meta-section-hint">{t('suggest.hint')}</span>
      </h3>
      <ul
        className="suggestion-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('suggest.heading', { count: suggestions.length })}
        aria-activedescendant={current ? `suggestion-${suggestions.indexOf(current)}` : undefined}
        data-testid="suggestions"
        onKeyDown={onKey}
      >
        {suggestions.map((s, i) => (
          <SuggestionRow key={s.id} index={i} suggestion={s} active={s === current} onAccept={() => void accept(s)} onReject={() => void reject(s)} onPoint={() => setActive(i)} />
        ))}
      </ul>
    </section>
  );
}

interface RowProps {
  index: number;
  suggestion: Suggestion;
  active: boolean;
  onAccept(): void;
  onReject(): void;
  onPoint(): void;
}

function SuggestionRow({ index, suggestion: s, active, onAccept, onReject, onPoint }: RowProps) {
  const { t } = useTranslation();
  const type = s.field === 'entity' ? s.entities?.[0]?.type : undefined;
  return (
    <li id={`suggestion-${index}`} className="suggestion" role="option" aria-selected={active} data-suggestion={s.id} onMouseEnter={onPoint}>
      <span className="suggestion-field" data-entity={type}>
        {type ? t(`meta.entityType.${type}`) : t(`suggest.field.${s.field}`)}
      </span>
      <span className="suggestion-value" title={s.value}>
        {s.value}
      </span>
      <span className="suggestion-source">
        {t(`suggest.source.${s.source}`)}
        {s.entities && s.entities.length > 1 && ` · ${t('suggest.found', { count: s.entities.length })}`}
      </span>
      <span className="suggestion-actions">
        <button type="button" className="icon-button accept" tabIndex={-1} title={`${t('suggest.accept')} (A)`} aria-label={t('suggest.accept')} onClick={onAccept}>
          ✓
        </button>
        <button type="button" className="icon-button reject" tabIndex={-1} title={`${t('suggest.reject')} (R)`} aria-label={t('suggest.reject')} onClick={onReject}>
          ✕
        </button>
      </span>
    </li>
  );
}
