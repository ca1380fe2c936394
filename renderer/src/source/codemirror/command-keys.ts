import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';

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
