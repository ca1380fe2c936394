import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMANDS, type Command } from '../commands/commands.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { CommandItem } from './CommandItem.js';
import { fuzzyScore } from './fuzzy.js';
import { useDismiss } from './useDismiss.js';

/** Ctrl+K: every command by name, in either language, with its shortcut. */
export function CommandPalette() {
  const { t, i18n } = useTranslation();
  const store = useStoreApi();
  const state = useAppStore((s) => s);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, () => store.getState().closeOverlay());

  // Both languages are searched, so "merge" finds 合并 in the Chinese UI and the other way round.
  const english = i18n.getFixedT('en');
  const chinese = i18n.getFixedT('zh-CN');
  const found = useMemo(() => {
    const scored = COMMANDS.map((c) => {
      const key = `command.${c.id}` as 'command.join';
      const scores = [fuzzyScore(query, t(key)), fuzzyScore(query, english(key)), fuzzyScore(query, chinese(key)), fuzzyScore(query, c.id)];
      const best = Math.max(...scores.map((s) => s ?? -Infinity));
      return { c, best };
    });
    return scored.filter((s) => s.best > -Infinity).sort((a, b) => b.best - a.best).map((s) => s.c);
  }, [query, t, english, chinese]);

  const run = (command: Command) => {
    store.getState().closeOverlay();
    command.run(store.getState());
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (found.length ? (a + step + found.length) % found.length : 0));
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      const command = found[active];
      if (command?.enabled(store.getState())) run(command);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog palette" role="dialog" aria-modal="true" aria-label={t('command.palette')}>
        <input
          className="palette-input"
          autoFocus
          value={query}
          placeholder={t('palette.placeholder')}
          aria-label={t('command.palette')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKey}
        />
        <div className="palette-list" role="menu">
          {found.map((c, i) => (
            <CommandItem key={c.id} command={c} enabled={c.enabled(state)} active={i === active} onRun={run} />
          ))}
          {found.length === 0 && <p className="palette-empty">{t('palette.empty')}</p>}
        </div>
      </div>
    </div>
  );
}
