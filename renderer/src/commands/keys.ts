/** Key names in CodeMirror's notation ("Mod-Shift-z", "Alt-ArrowUp", "?"), for bindings outside the editor too. */

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The CodeMirror-style name of a keydown, so one binding list serves the editor and the window. */
export function keyName(event: KeyboardEvent): string {
  let key = event.key;
  const printable = key.length === 1;
  if (printable) key = key.toLowerCase();
  const shift = event.shiftKey && !(printable && !/[a-z]/.test(key));
  const mod = isMac ? event.metaKey : event.ctrlKey;
  return `${event.altKey ? 'Alt-' : ''}${mod ? 'Mod-' : ''}${shift ? 'Shift-' : ''}${key}`;
}

const SHOWN: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', Enter: 'Enter', Escape: 'Esc', '\\': '\\' };

/** How a key is printed in menus and the cheat sheet: "Ctrl+Shift+Z", "⌘⇧Z", "Alt+↑". */
export function formatKey(key: string): string {
  const parts = key.split('-');
  // "Mod--" would be a binding of the minus key; none of ours uses it.
  const base = parts.pop() ?? '';
  const name = SHOWN[base] ?? (base.length === 1 ? base.toUpperCase() : base);
  const mods = parts.map((m) => (m === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : m === 'Alt' ? (isMac ? '⌥' : 'Alt') : isMac ? '⇧' : 'Shift'));
  // An upper-case letter binding ("M") is Shift with the letter.
  if (base.length === 1 && base !== base.toLowerCase()) mods.push(isMac ? '⇧' : 'Shift');
  return isMac ? [...mods, name].join('') : [...mods, name].join('+');
}
