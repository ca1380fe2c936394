import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, type EditorView } from '@codemirror/view';
import { decorateVisibleLines, decorationsPlugin, lineMarksField } from './marks-field.js';

/** What to tint: the lines of one article, and more strongly some source lines (a paragraph). */
export interface Highlight {
  article: string | null;
  lines: ReadonlySet<number> | null;
}

export const setHighlightEffect = StateEffect.define<Highlight>();

const highlightField = StateField.define<Highlight>({
  create: () => ({ article: null, lines: null }),
  update: (value, tr) => tr.effects.findLast((e) => e.is(setHighlightEffect))?.value ?? value,
});

const articleLine = Decoration.line({ class: 'cm-focused-article' });
const paragraphLine = Decoration.line({ class: 'cm-highlighted-line' });

function build(view: EditorView): DecorationSet {
  const { article, lines } = view.state.field(highlightField);
  if (article === null && lines === null) return Decoration.none;
  return decorateVisibleLines(
    view,
    (_line, mark) => (mark && lines?.has(mark.n) ? paragraphLine : mark && article !== null && mark.article === article ? articleLine : null),
    'start',
  );
}

/** Tints the article picked in the article pane and the source lines of a hovered paragraph. */
export const lineHighlight = [
  highlightField,
  decorationsPlugin(
    build,
    (update) => update.startState.field(highlightField) !== update.state.field(highlightField) || update.startState.field(lineMarksField) !== update.state.field(lineMarksField),
  ),
];
