import { lineNumbers } from '@codemirror/view';
import { lineMarksField } from './marks-field.js';
import { editorTexts } from './texts.js';

/** Source line numbers, not editor line numbers: they stay put when an editor splits a line. */
export const sourceLineNumbers = lineNumbers({
  formatNumber(lineNo, state) {
    const mark = state.field(lineMarksField)[lineNo - 1];
    if (!mark) return String(lineNo);
    return state.facet(editorTexts)?.lineNumber(mark.n, mark.part) ?? String(mark.n);
  },
});
