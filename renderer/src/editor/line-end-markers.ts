import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view';
import type { BreakKind } from '../../../app/model/page.js';
import { lineMarksField, marksChanged } from './line-marks.js';
import { editorTexts } from './texts.js';

const SYMBOL: Record<BreakKind, string> = { join: '⤶', paragraph: '⏎' };

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
    mark.textContent = SYMBOL[this.kind];
    mark.title = this.tip;
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
  const marks = view.state.field(lineMarksField);
  const builder = new RangeSetBuilder<Decoration>();
  if (!texts) return builder.finish();
  // Only the lines on screen: a 5,000-line page costs what its viewport costs.
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      const mark = marks[line.number - 1];
      if (mark?.brk) {
        const tip = `${texts.breaks[mark.brk]} — ${texts.reason(mark.why.brk)}\n${texts.toggleHint}`;
        builder.add(line.to, line.to, Decoration.widget({ widget: new BreakWidget(mark.brk, tip, mark.why.brk?.rule === 'editor'), side: 1 }));
      }
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

/**
 * A marker at the end of every article line: ⤶ the line joins the next, ⏎ a paragraph ends here.
 * A click toggles it; `onToggle` gets the annotation index of the line.
 */
export function lineEndMarkers(onToggle: (index: number) => void) {
  return [
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = build(view);
        }
        update(update: ViewUpdate) {
          if (update.docChanged || update.viewportChanged || marksChanged(update)) this.decorations = build(update.view);
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
    EditorView.domEventHandlers({
      mousedown(event, view) {
        const target = event.target instanceof HTMLElement ? event.target.closest('.cm-break') : null;
        if (!target || event.button !== 0) return false;
        onToggle(view.state.doc.lineAt(view.posAtDOM(target)).number - 1);
        event.preventDefault();
        return true;
      },
    }),
  ];
}
