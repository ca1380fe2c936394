import { EditorView } from '@codemirror/view';

/**
 * A right-click opens the app's context menu. A click outside the selection first moves the cursor
 * there, as in every editor, so the menu acts on the line under the pointer.
 */
export function contextMenu(open: (x: number, y: number) => void) {
  return EditorView.domEventHandlers({
    contextmenu(event, view) {
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
      const { from, to } = view.state.selection.main;
      if (pos !== null && (pos < from || pos > to)) view.dispatch({ selection: { anchor: pos } });
      event.preventDefault();
      open(event.clientX, event.clientY);
      return true;
    },
  });
}
