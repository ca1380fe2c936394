import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';

/** Opens the line at this 0-based annotation index for editing; null closes the editor. */
export const inlineEditEffect = StateEffect.define<number | null>();

interface InlineEditCallbacks {
  onCommit(index: number, text: string): void;
}

class LineInput extends WidgetType {
  constructor(
    readonly index: number,
    readonly text: string,
    readonly callbacks: InlineEditCallbacks,
  ) {
    super();
  }
  override eq(other: LineInput): boolean {
    return other.index === this.index && other.text === this.text;
  }
  override toDOM(view: EditorView): HTMLElement {
    const input = document.createElement('input');
    input.className = 'cm-inline-edit';
    input.value = this.text;
    input.spellcheck = false;
    input.setAttribute('aria-label', 'line text');
    const close = () => {
      view.dispatch({ effects: inlineEditEffect.of(null) });
      view.focus();
    };
    input.addEventListener('keydown', (event) => {
      // The line's keys (J, N, H…) must not act on the page while the editor types.
      event.stopPropagation();
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        const text = input.value;
        close();
        if (text !== this.text) this.callbacks.onCommit(this.index, text);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    // Leaving the field is a cancel: only Enter saves, so a stray click never changes a line.
    input.addEventListener('blur', () => {
      if (view.state.field(editingField, false) !== null) close();
    });
    requestAnimationFrame(() => {
      input.focus();
      input.select();
    });
    return input;
  }
  override ignoreEvent(): boolean {
    return true;
  }
}

const editingField = StateField.define<number | null>({
  create: () => null,
  update(value, tr) {
    const effect = tr.effects.findLast((e) => e.is(inlineEditEffect));
    if (effect) return effect.value;
    // Another change to the page under the open field: the field would edit stale text.
    return tr.docChanged ? null : value;
  },
});

/** F2 / double-click: the line's text in an input over the line; Enter saves, Esc cancels. */
export function inlineEdit(callbacks: InlineEditCallbacks) {
  return [
    editingField,
    EditorView.decorations.compute([editingField], (state) => {
      const index = state.field(editingField);
      if (index === null || index >= state.doc.lines) return Decoration.none;
      const line = state.doc.line(index + 1);
      return Decoration.set(Decoration.replace({ widget: new LineInput(index, line.text, callbacks) }).range(line.from, line.to));
    }),
  ];
}
