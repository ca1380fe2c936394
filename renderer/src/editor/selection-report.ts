import { EditorView } from '@codemirror/view';

/** Where the editor's selection is, in annotation lines (0-based) and the cursor's column. */
export interface SourceSelection {
  /** First and last selected line; equal for a cursor. */
  from: number;
  to: number;
  /** The line the cursor (selection head) is on, and its offset in that line's text. */
  line: number;
  column: number;
}

export function selectionOf(view: EditorView): SourceSelection {
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
export function selectionReport(onSelection: (selection: SourceSelection) => void) {
  return EditorView.updateListener.of((update) => {
    if (update.selectionSet || update.docChanged) onSelection(selectionOf(update.view));
  });
}
