import { EditorView } from '@codemirror/view';

// Colours come from the app's CSS custom properties, which inherit into the editor's shadow root,
// so the light/dark switch needs nothing from the editor.
export const sourceTheme = EditorView.theme({
  '&': { height: '100%', color: 'var(--fg)', backgroundColor: 'var(--pane-bg)', fontSize: '15px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--font-cjk)',
    lineHeight: '1.65',
  },
  '.cm-content': { padding: '8px 0 40vh', caretColor: 'var(--fg)' },
  '.cm-line': { padding: '0 16px 0 10px' },
  '.cm-gutters': { backgroundColor: 'var(--gutter-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-lineNumbers .cm-gutterElement': {
    padding: '0 6px 0 10px',
    minWidth: '3ch',
    fontVariantNumeric: 'tabular-nums',
    fontSize: '12px',
  },
  '.cm-role-badge .cm-gutterElement': { padding: '0 3px', textAlign: 'center', fontSize: '11px', fontWeight: '600', color: 'var(--badge-fg)' },
  '.cm-article-bar .cm-gutterElement': { width: '5px', padding: '0' },
  '.cm-article-bar-mark': { width: '5px', height: '100%' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--fg)' },
  '.cm-focused-article': { backgroundColor: 'var(--focus-tint)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--selection)' },
  '.cm-panels': { backgroundColor: 'var(--gutter-bg)', color: 'var(--fg)' },
});
