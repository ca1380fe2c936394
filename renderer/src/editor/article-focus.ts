import { RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView } from '@codemirror/view';
import { lineMarksField } from './line-marks.js';

export const focusArticleEffect = StateEffect.define<string | null>();

const focusedLine = Decoration.line({ class: 'cm-focused-article' });

/** Tints the lines of the article the editor picked in the article pane. */
export const articleFocus = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    const effect = tr.effects.findLast((e) => e.is(focusArticleEffect));
    if (!effect) return decorations.map(tr.changes);
    const builder = new RangeSetBuilder<Decoration>();
    const marks = tr.state.field(lineMarksField);
    if (effect.value !== null) {
      marks.forEach((mark, i) => {
        if (mark.article === effect.value) builder.add(tr.state.doc.line(i + 1).from, tr.state.doc.line(i + 1).from, focusedLine);
      });
    }
    return builder.finish();
  },
  provide: (field) => EditorView.decorations.from(field),
});
