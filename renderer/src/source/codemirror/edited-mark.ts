import { gutter, GutterMarker } from '@codemirror/view';
import { markOfLine, marksChanged } from './marks-field.js';
import { editorTexts } from './texts.js';

class EditedMarker extends GutterMarker {
  constructor(readonly tip: string) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof EditedMarker && other.tip === this.tip;
  }
  override toDOM(): HTMLElement {
    const mark = document.createElement('span');
    mark.className = 'cm-edited-mark';
    mark.textContent = '✎';
    mark.title = this.tip;
    return mark;
  }
}

/** A pencil beside every line whose text an editor changed; its tooltip shows the line as imported. */
export const editedMark = gutter({
  class: 'cm-edited',
  lineMarker(view, line) {
    const texts = view.state.facet(editorTexts);
    const original = markOfLine(view, line)?.original;
    if (!texts || original == null) return null;
    return new EditedMarker(texts.original(original));
  },
  lineMarkerChange: marksChanged,
  initialSpacer: () => new EditedMarker(''),
});
