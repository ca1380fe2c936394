import { StateEffect, StateField } from '@codemirror/state';
import type { ViewUpdate } from '@codemirror/view';
import type { LineMark } from '../model/line-marks.js';
import { editorTexts } from './texts.js';

/** New marks for the lines the document holds after the same transaction. */
export const setMarksEffect = StateEffect.define<readonly LineMark[]>();

/** The page's per-line marks: editor line i + 1 shows annotation line i. */
export const lineMarksField = StateField.define<readonly LineMark[]>({
  create: () => [],
  update: (marks, tr) => tr.effects.findLast((e) => e.is(setMarksEffect))?.value ?? marks,
});

export function markAt(marks: readonly LineMark[], lineNumber: number): LineMark | undefined {
  return marks[lineNumber - 1];
}

/** Gutters redraw their (visible) markers when the marks or the words describing them change. */
export function marksChanged(update: ViewUpdate): boolean {
  return update.startState.field(lineMarksField) !== update.state.field(lineMarksField) || update.startState.facet(editorTexts) !== update.state.facet(editorTexts);
}
