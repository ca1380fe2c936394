import { defaultKeymap } from '@codemirror/commands';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import type { LineMark } from '../model/line-marks.js';
import { articleBar } from './article-bar.js';
import { articleFocus, focusArticleEffect } from './article-focus.js';
import { lineMarksField, type RoleLabels, roleLabels } from './line-marks.js';
import { roleBadge } from './role-badge.js';
import { sourceTheme } from './source-theme.js';

export interface SourcePage {
  /** The page's lines in source order: editor line N shows source line N. */
  lines: readonly string[];
  marks: readonly LineMark[];
}

export interface SourceEditor {
  show(page: SourcePage): void;
  setRoleLabels(labels: RoleLabels): void;
  /** Scrolls line `n` to the top and tints the lines of `article`. */
  reveal(n: number, article: string | null): void;
  destroy(): void;
}

/**
 * The read-only source pane. It lives in a shadow root because CodeMirror mounts its styles there as
 * constructed stylesheets, which the page's CSP (`style-src 'self'`) allows, whereas in the document
 * it would add a <style> element that the same CSP refuses.
 */
export function createSourceEditor(host: HTMLElement, labels: RoleLabels): SourceEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const labelsSlot = new Compartment();
  let currentLabels = labels;

  const stateFor = (page: SourcePage) =>
    EditorState.create({
      doc: page.lines.join('\n'),
      extensions: [
        lineMarksField.init(() => page.marks),
        labelsSlot.of(roleLabels.of(currentLabels)),
        EditorState.readOnly.of(true),
        lineNumbers(),
        roleBadge,
        articleBar,
        articleFocus,
        highlightActiveLine(),
        highlightActiveLineGutter(),
        search({ top: true }),
        highlightSelectionMatches(),
        keymap.of([...searchKeymap, ...defaultKeymap]),
        sourceTheme,
      ],
    });

  const view = new EditorView({ root, parent: root, state: stateFor({ lines: [], marks: [] }) });

  return {
    show(page) {
      view.setState(stateFor(page));
      // A new state keeps the old scroll offset; another page starts at its top.
      view.dispatch({ effects: EditorView.scrollIntoView(0) });
    },
    setRoleLabels(next) {
      currentLabels = next;
      view.dispatch({ effects: labelsSlot.reconfigure(roleLabels.of(next)) });
    },
    reveal(n, article) {
      const doc = view.state.doc;
      const line = doc.line(Math.max(1, Math.min(n, doc.lines)));
      view.dispatch({
        selection: { anchor: line.from },
        effects: [focusArticleEffect.of(article), EditorView.scrollIntoView(line.from, { y: 'start', yMargin: 24 })],
      });
    },
    destroy() {
      view.destroy();
    },
  };
}
