import { RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { lineMarksField } from './line-marks.js';

/** What to tint: the lines of one article, and more strongly some source lines (a paragraph). */
export interface Highlight {
  article: string | null;
  lines: ReadonlySet<number> | null;
}

export const setHighlightEffect = StateEffect.define<Highlight>();

export const highlightField = StateField.define<Highlight>({
  create: () => ({ article: null, lines: null }),
  update: (value, tr) => tr.effects.findLast((e) => e.is(setHighlightEffect))?.value ?? value,
});

const articleLine = Decoration.line({ class: 'cm-focused-article' });
const paragraphLine = Decoration.line({ class: 'cm-highlighted-line' });

function build(view: EditorView): DecorationSet {
  const { article, lines } = view.state.field(highlightField);
  const builder = new RangeSetBuilder<Decoration>();
  if (article === null && lines === null) return builder.finish();
  const marks = view.state.field(lineMarksField);
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      const mark = marks[line.number - 1];
      if (mark && lines?.has(mark.n)) builder.add(line.from, line.from, paragraphLine);
      else if (mark && article !== null && mark.article === article) builder.add(line.from, line.from, articleLine);
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

/** Tints the article picked in the article pane and the source lines of a hovered paragraph. */
export const lineHighlight = [
  highlightField,
  ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view);
      }
      update(update: ViewUpdate) {
        const changed = update.startState.field(highlightField) !== update.state.field(highlightField) || update.startState.field(lineMarksField) !== update.state.field(lineMarksField);
        if (changed || update.docChanged || update.viewportChanged) this.decorations = build(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  ),
];
