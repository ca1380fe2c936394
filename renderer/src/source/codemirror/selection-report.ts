import { EditorView } from '@codemirror/view';
import type { LineSelection } from '../../store/state.js';

export function selectionOf(view: EditorView): LineSelection {
  const { main } = view.state.selection;
  const doc = view.state.doc;
  const head = doc.lineAt(main.head);
  const first = doc.lineAt(main.from).number;
  // A selection ending at the very start of a line does not take that line along.
  let last = doc.lineAt(main.to).number;
  if (!main.empty && last > first && doc.line(last).from === main.to) last--;
  return { from: first - 1, to: last - 1, line: head.number - 1, column: main.head - head.from };
}

/** Tells the app where the selection is whenever it moves (the article pane follows the cursor). */
export function selectionReport(onSelection: (selection: LineSelection) => void) {
  return EditorView.updateListener.of((update) => {
    if (update.selectionSet || update.docChanged) onSelection(selectionOf(update.view));
  });
}
