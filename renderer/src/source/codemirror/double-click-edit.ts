import { EditorView } from '@codemirror/view';

/** A double-click on a line's text opens it for editing (as F2 does). */
export function doubleClickEdit(open: (index: number) => void) {
  return EditorView.domEventHandlers({
    dblclick(event, view) {
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
      if (pos === null) return false;
      open(view.state.doc.lineAt(pos).number - 1);
      event.preventDefault();
      return true;
    },
  });
}
