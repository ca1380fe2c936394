import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMAND_GROUPS, COMMANDS, type Command, type CommandGroup } from '../commands/commands.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { CommandItem } from './CommandItem.js';
import './Menus.css';

/** The app's menus: browser mode has no native menu bar, so every command is reachable from here. */
export function MenuBar() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const [open, setOpen] = useState<CommandGroup | null>(null);
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    const escape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(null);
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', escape);
    };
  }, [open]);

  const run = (command: Command) => {
    setOpen(null);
    command.run(store.getState());
  };

  return (
    <div className="menu-bar" role="menubar" aria-label={t('menu.label')} ref={bar}>
      <span className="menu-brand">{t('app.name')}</span>
      {COMMAND_GROUPS.map((group) => (
        <div key={group} className="menu">
          <button
            type="button"
            className="menu-title"
            aria-haspopup="menu"
            aria-expanded={open === group}
            onClick={() => setOpen(open === group ? null : group)}
            onMouseEnter={() => open && setOpen(group)}
          >
            {t(`group.${group}`)}
          </button>
          {open === group && (
            <MenuPopup group={group} onRun={run} />
          )}
        </div>
      ))}
    </div>
  );
}

function MenuPopup({ group, onRun }: { group: CommandGroup; onRun(command: Command): void }) {
  // Follows every store change while open, so what is greyed out is always true.
  const state = useAppStore((s) => s);
  return (
    <div className="menu-popup" role="menu">
      {COMMANDS.filter((c) => c.group === group).map((c) => (
        <CommandItem key={c.id} command={c} enabled={c.enabled(state)} onRun={onRun} />
      ))}
    </div>
  );
}
