import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMANDS, type Command } from '../commands/commands.js';
import { LANGUAGES } from '../i18n/index.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { CommandItem } from './CommandItem.js';
import { fuzzyScore } from '../ui/fuzzy.js';
import { listKey } from '../ui/list-keys.js';
import { useDismiss } from '../ui/useDismiss.js';

/** Ctrl+K: every command by name, in either language, with its shortcut. */
export function CommandPalette() {
  const { t, i18n } = useTranslation();
  const store = useStoreApi();
  const state = useAppStore((s) => s);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, () => store.getState().closeOverlay());

  // Every language is searched, so "merge" finds 合并 in the Chinese UI and the other way round.
  const found = useMemo(() => {
    const each = LANGUAGES.map((l) => i18n.getFixedT(l.code));
    const scored = COMMANDS.map((c) => {
      const key = `command.${c.id}` as const;
      const scores = [fuzzyScore(query, t(key)), ...each.map((tr) => fuzzyScore(query, tr(key))), fuzzyScore(query, c.id)];
      const best = Math.max(...scores.map((s) => s ?? -Infinity));
      return { c, best };
    });
    return scored.filter((s) => s.best > -Infinity).sort((a, b) => b.best - a.best).map((s) => s.c);
  }, [query, t, i18n]);

  const run = (command: Command) => {
    store.getState().closeOverlay();
    command.run(store.getState());
  };
  const onKey = (e: React.KeyboardEvent) =>
    listKey(e, found.length, setActive, () => {
      const command = found[active];
      if (command?.enabled(store.getState())) run(command);
    });

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
