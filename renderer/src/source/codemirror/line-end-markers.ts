import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view';
import type { BreakKind } from '../../../../app/model/page.js';
import { decorateVisibleLines, decorationsPlugin, marksChanged } from './marks-field.js';
import { editorTexts } from './texts.js';

export const BREAK_SYMBOL: Record<BreakKind, string> = { join: '⤶', paragraph: '⏎' };

class BreakWidget extends WidgetType {
  constructor(
    readonly kind: BreakKind,
    readonly tip: string,
    readonly byEditor: boolean,
  ) {
    super();
  }
  override eq(other: BreakWidget): boolean {
    return other.kind === this.kind && other.tip === this.tip && other.byEditor === this.byEditor;
  }
  override toDOM(): HTMLElement {
    const mark = document.createElement('span');
    mark.className = `cm-break cm-break-${this.kind}${this.byEditor ? ' cm-break-editor' : ''}`;
    mark.textContent = BREAK_SYMBOL[this.kind];
    // what it means and why: the gutter legend, on hover
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-label', this.tip);
    return mark;
  }
  override ignoreEvent(event: Event): boolean {
    return event.type !== 'mousedown';
  }
}

function build(view: EditorView): DecorationSet {
  const texts = view.state.facet(editorTexts);
  if (!texts) return Decoration.none;
  return decorateVisibleLines(
    view,
    (_line, mark) => {
      if (!mark?.brk) return null;
      const tip = `${texts.breaks[mark.brk]} — ${texts.reason(mark.why.brk)}`;
      return Decoration.widget({ widget: new BreakWidget(mark.brk, tip, mark.why.brk?.rule === 'editor'), side: 1 });
    },
    'end',
  );
}

/**
 * A marker at the end of every article line: ⤶ the line joins the next, ⏎ a paragraph ends here.
 * A double-click toggles it (as Enter on the line does); a single click only puts the cursor on the
 * line, so a stray click never changes the page. `onToggle` gets the annotation index of the line.
 */
export function lineEndMarkers(onToggle: (index: number) => void) {
  return [
    decorationsPlugin(build, marksChanged),
    EditorView.domEventHandlers({
      mousedown(event, view) {
        const target = event.target instanceof HTMLElement ? event.target.closest('.cm-break') : null;
        if (!target || event.button !== 0 || event.detail !== 2) return false;
        onToggle(view.state.doc.lineAt(view.posAtDOM(target)).number - 1);
        event.preventDefault();
        return true;
      },
    }),
  ];
}
