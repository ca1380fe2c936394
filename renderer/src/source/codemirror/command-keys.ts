import { defaultKeymap } from '@codemirror/commands';
import { searchKeymap } from '@codemirror/search';
import { Prec } from '@codemirror/state';
import { keymap, type KeyBinding as CmKeyBinding } from '@codemirror/view';

export interface KeyBinding {
  /** CodeMirror key notation: "j", "M", "Mod-Enter", "Alt-ArrowUp". */
  key: string;
  /** Acts; false when the command cannot act now, so the key goes on to CodeMirror. */
  run(): boolean;
}

/**
 * The editor's single-key commands. Above the default keymap, so Enter toggles a break instead of
 * trying to insert a newline into the read-only page.
 */
export function commandKeys(bindings: readonly KeyBinding[]) {
  return Prec.high(keymap.of(bindings.map(({ key, run }) => ({ key, run, preventDefault: true }))));
}

/**
 * CodeMirror's own keys (search, cursor motion), minus those a window-wide command answers to: the
 * editor would take them first (its Ctrl+I selects the parent syntax node), and the command would
 * never hear them while the cursor is in the source pane.
 */
export function editorDefaultKeys(windowKeys: ReadonlySet<string>): CmKeyBinding[] {
  const taken = (key: string | undefined) => key !== undefined && windowKeys.has(key);
  return [...searchKeymap, ...defaultKeymap].filter((b) => !taken(b.key) && !taken(b.mac) && !taken(b.linux) && !taken(b.win));
}
