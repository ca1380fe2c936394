import { type Line, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import type { Decoration} from '@codemirror/view';
import { type BlockInfo, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import type { LineMark } from '../line-marks.js';
import { editorTexts } from './texts.js';

/** New marks for the lines the document holds after the same transaction. */
export const setMarksEffect = StateEffect.define<readonly LineMark[]>();

/** The page's per-line marks: editor line i + 1 shows annotation line i. */
export const lineMarksField = StateField.define<readonly LineMark[]>({
  create: () => [],
  update: (marks, tr) => tr.effects.findLast((e) => e.is(setMarksEffect))?.value ?? marks,
});

/** The mark of the editor line a gutter is drawing. */
export function markOfLine(view: EditorView, line: BlockInfo): LineMark | undefined {
  return view.state.field(lineMarksField)[view.state.doc.lineAt(line.from).number - 1];
}

/** Gutters redraw their (visible) markers when the marks or the words describing them change. */
export function marksChanged(update: ViewUpdate): boolean {
  return update.startState.field(lineMarksField) !== update.state.field(lineMarksField) || update.startState.facet(editorTexts) !== update.state.facet(editorTexts);
}


/** Decorations from each line on screen and its mark: a 5,000-line page costs what its viewport costs. */
export function decorateVisibleLines(view: EditorView, decorate: (line: Line, mark: LineMark | undefined) => Decoration | null, at: 'start' | 'end'): DecorationSet {
  const marks = view.state.field(lineMarksField);
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      const decoration = decorate(line, marks[line.number - 1]);
      const where = at === 'start' ? line.from : line.to;
      if (decoration) builder.add(where, where, decoration);
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

/** A view plugin showing `build`'s decorations, rebuilt when the document, the viewport or `changed` says so. */
export function decorationsPlugin(build: (view: EditorView) => DecorationSet, changed: (update: ViewUpdate) => boolean) {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged || changed(update)) this.decorations = build(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
