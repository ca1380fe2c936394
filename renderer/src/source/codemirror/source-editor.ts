import { highlightSelectionMatches, search } from '@codemirror/search';
import { Compartment, EditorState, type StateEffect, type Text } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap } from '@codemirror/view';
import type { LineSelection } from '../../store/state.js';
import type { LineMark } from '../line-marks.js';
import { articleBar } from './article-bar.js';
import { commandKeys, editorDefaultKeys, type KeyBinding } from './command-keys.js';
import { contextMenu } from './context-menu.js';
import { doubleClickEdit } from './double-click-edit.js';
import { editedMark } from './edited-mark.js';
import { inlineEdit, inlineEditEffect } from './inline-edit.js';
import { gutterLegend } from './gutter-legend.js';
import { lineEndMarkers } from './line-end-markers.js';
import { type Highlight, lineHighlight, setHighlightEffect } from './line-highlight.js';
import { lineMarksField, setMarksEffect } from './marks-field.js';
import { roleBadge } from './role-badge.js';
import { selectionOf, selectionReport } from './selection-report.js';
import { sourceLineNumbers } from './source-line-numbers.js';
import { sourceTheme } from './source-theme.js';
import { editorTexts, type EditorTexts } from './texts.js';

export type { KeyBinding } from './command-keys.js';
export type { EditorTexts } from './texts.js';

export interface SourcePage {
  /** Which page this is: the same key again updates the shown page in place (scroll, cursor kept). */
  key: number;
  /** The annotation's lines in order: editor line i + 1 shows line i. */
  lines: readonly string[];
  marks: readonly LineMark[];
}

export interface SourceEditorOptions {
  texts: EditorTexts;
  bindings: readonly KeyBinding[];
  /** Keys the window answers wherever the focus is: the editor's own keymap leaves them alone. */
  windowKeys: ReadonlySet<string>;
  onSelection(selection: LineSelection): void;
  onToggleBreak(index: number): void;
  onEditLine(index: number, text: string): void;
  onContextMenu(x: number, y: number): void;
}

export interface SourceEditor {
  show(page: SourcePage): void;
  setTexts(texts: EditorTexts): void;
  /** Tints an article and some source lines; scrolls to source line `scrollTo` when given. */
  highlight(highlight: Highlight, scrollTo: number | null): void;
  /** Puts the cursor on source line `n` and scrolls it to the top. */
  reveal(n: number): void;
  /** Opens the line at annotation index `index` for editing. */
  editLine(index: number): void;
  selection(): LineSelection;
  focus(): void;
  destroy(): void;
}

/** The smallest replacement turning the document's lines into `next`: an edit touches a few lines. */
function lineChange(doc: Text, prev: readonly string[], next: readonly string[]) {
  const min = Math.min(prev.length, next.length);
  let head = 0;
  while (head < min && prev[head] === next[head]) head++;
  if (head === prev.length && head === next.length) return null;
  let tail = 0;
  while (tail < min - head && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  // Replace whole lines on both sides, so a line count change never leaves a stray line break.
  while (prev.length - head - tail === 0 || next.length - head - tail === 0) {
    if (tail > 0) tail--;
    else head--;
  }
  return { from: doc.line(head + 1).from, to: doc.line(prev.length - tail).to, insert: next.slice(head, next.length - tail).join('\n') };
}

/** Index of the first editor line showing source line `n` (lines are in source order). */
function indexOfSourceLine(marks: readonly LineMark[], n: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid]!.n < n) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, marks.length - 1));
}

/**
 * The read-only source pane. It lives in a shadow root because CodeMirror mounts its styles there as
 * constructed stylesheets, which the page's CSP (`style-src 'self'`) allows, whereas in the document
 * it would add a <style> element that the same CSP refuses.
 */
const withTexts = (texts: EditorTexts) => [editorTexts.of(texts), EditorState.phrases.of(texts.phrases)];

export function createSourceEditor(host: HTMLElement, options: SourceEditorOptions): SourceEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const textsSlot = new Compartment();
  let shown: SourcePage = { key: -1, lines: [], marks: [] };
  const places = new Map<number, { scroll: StateEffect<unknown>; anchor: number }>();

  const extensions = [
    textsSlot.of(withTexts(options.texts)),
    EditorState.readOnly.of(true),
    commandKeys(options.bindings),
    sourceLineNumbers,
    editedMark,
    roleBadge,
    articleBar,
    lineEndMarkers(options.onToggleBreak),
    gutterLegend,
    lineHighlight,
    inlineEdit({ onCommit: options.onEditLine }),
    doubleClickEdit((index) => view.dispatch({ effects: inlineEditEffect.of(index) })),
    contextMenu(options.onContextMenu),
    selectionReport(options.onSelection),
    highlightActiveLine(),
    highlightActiveLineGutter(),
    search({ top: true }),
    highlightSelectionMatches(),
    keymap.of(editorDefaultKeys(options.windowKeys)),
    sourceTheme,
  ];

  const stateFor = (page: SourcePage) =>
    EditorState.create({ doc: page.lines.join('\n'), extensions: [lineMarksField.init(() => page.marks), ...extensions] });

  const view = new EditorView({ root, parent: root, state: stateFor(shown) });

  return {
    show(page) {
      if (page.key === shown.key) {
        const changes = lineChange(view.state.doc, shown.lines, page.lines);
        shown = page;
        view.dispatch({ changes: changes ?? undefined, effects: setMarksEffect.of(page.marks) });
        return;
      }
      // Each page keeps where the editor left it: its scroll position and cursor come back with it.
      if (shown.key !== -1) places.set(shown.key, { scroll: view.scrollSnapshot(), anchor: view.state.selection.main.anchor });
      shown = page;
      view.setState(stateFor(page));
      const place = places.get(page.key);
      if (place && place.anchor <= view.state.doc.length) view.dispatch({ selection: { anchor: place.anchor }, effects: place.scroll });
      // A page not seen before starts at its top.
      else view.dispatch({ effects: EditorView.scrollIntoView(0) });
      options.onSelection(selectionOf(view));
    },
    setTexts(next) {
      view.dispatch({ effects: textsSlot.reconfigure(withTexts(next)) });
    },
    highlight(highlight, scrollTo) {
      const effects = [setHighlightEffect.of(highlight)];
      const doc = view.state.doc;
      if (scrollTo !== null && doc.length > 0) {
        const line = doc.line(indexOfSourceLine(shown.marks, scrollTo) + 1);
        view.dispatch({ effects: [...effects, EditorView.scrollIntoView(line.from, { y: 'nearest', yMargin: 48 })] });
      } else view.dispatch({ effects });
    },
    reveal(n) {
      if (shown.marks.length === 0) return;
      const line = view.state.doc.line(indexOfSourceLine(shown.marks, n) + 1);
      view.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'start', yMargin: 24 }) });
    },
    editLine(index) {
      view.dispatch({ effects: inlineEditEffect.of(index) });
    },
    selection: () => selectionOf(view),
    focus: () => view.focus(),
    destroy() {
      view.destroy();
    },
  };
}
