import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMANDS, type Command } from '../commands/commands.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { CommandItem } from './CommandItem.js';
import { useDismiss } from '../ui/useDismiss.js';

const GROUPS = ['lines', 'roles', 'articles', 'history'] as const;

/** Right-click in the source pane: the line, role and article commands for the selection. */
export function ContextMenu({ x, y }: { x: number; y: number }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const state = useAppStore((s) => s);
  const menu = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState({ x, y });
  useDismiss(menu, () => store.getState().closeOverlay());

  // Keep the menu on screen near the window's edges.
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    setAt({ x: Math.min(x, window.innerWidth - box.width - 4), y: Math.max(4, Math.min(y, window.innerHeight - box.height - 4)) });
  }, [x, y]);

  const run = (command: Command) => {
    store.getState().closeOverlay();
    command.run(store.getState());
  };
  return (
    <div ref={menu} className="menu-popup context-menu" role="menu" aria-label={t('menu.label')} style={{ left: at.x, top: at.y }}>
      {GROUPS.map((group) => (
        <div key={group} className="menu-group" role="group" aria-label={t(`group.${group}`)}>
          {COMMANDS.filter((c) => c.group === group).map((c) => (
            <CommandItem key={c.id} command={c} enabled={c.enabled(state)} onRun={run} />
          ))}
        </div>
      ))}
    </div>
  );
}
