import { useEffect } from 'react';
import { GLOBAL_KEYS, runCommand } from '../commands/commands.js';
import { keyName } from '../commands/keys.js';
import type { AppStore } from '../store/index.js';

/** Undo, redo, the palette, the cheat sheet and re-run answer wherever the focus is, except while typing. */
export function useGlobalKeys(store: AppStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.composedPath()[0];
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      const command = GLOBAL_KEYS.get(keyName(event));
      if (!command || store.getState().overlay !== null) return;
      // Ctrl+R would reload the page and Ctrl+K focus the browser's search bar.
      event.preventDefault();
      runCommand(command, store.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
