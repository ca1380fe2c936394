import { type EditorView, ViewPlugin } from '@codemirror/view';
import type { LineMark } from '../line-marks.js';
import { lineMarksField } from './marks-field.js';
import { BREAK_SYMBOL } from './line-end-markers.js';
import { editorTexts, type EditorTexts } from './texts.js';

const TARGETS = '.cm-role-badge-mark, .cm-article-bar-mark, .cm-break';

/** What the hovered letter, colour bar or line-end marker means, then who decided it and why. */
function legendLines(target: Element, mark: LineMark, texts: EditorTexts): string[] {
  if (target.matches('.cm-article-bar-mark')) return [texts.legend.colour, ...(mark.article ? [texts.legend.article(mark.article)] : [])];
  if (target.matches('.cm-break') && mark.brk) {
    return [`${BREAK_SYMBOL[mark.brk]} = ${texts.breaks[mark.brk]}`, texts.reason(mark.why.brk), texts.toggleHint];
  }
  if (!mark.role) return [];
  const { letter, name } = texts.roles[mark.role];
  return [letter ? `${letter} = ${name}` : `· = ${name} — ${texts.legend.noLetter}`, texts.reason(mark.why.label), ...(mark.uncertain ? [texts.uncertain] : [])];
}

/** The mark of the line a gutter element or a line-end widget stands on. */
function markAt(view: EditorView, target: Element): LineMark | undefined {
  const marks = view.state.field(lineMarksField);
  if (target.matches('.cm-break')) return marks[view.state.doc.lineAt(view.posAtDOM(target)).number - 1];
  const box = target.getBoundingClientRect();
  const block = view.lineBlockAtHeight(box.top + box.height / 2 - view.documentTop);
  return marks[view.state.doc.lineAt(block.from).number - 1];
}

/**
 * A small legend beside a role letter, colour bar or line-end marker while the pointer rests on it:
 * the sheet's legend (Shift+?) where the editor is looking, with the reason for this one line.
 */
export const gutterLegend = ViewPlugin.fromClass(
  class {
    readonly box: HTMLElement;
    shown: Element | null = null;
    constructor(readonly view: EditorView) {
      this.box = document.createElement('div');
      this.box.className = 'cm-gutter-legend';
      this.box.setAttribute('role', 'tooltip');
      this.box.dataset.testid = 'gutter-legend';
      this.box.hidden = true;
      view.dom.appendChild(this.box);
      // on the whole editor, not its content: the gutters sit outside the content element
      view.dom.addEventListener('mouseover', this.over);
      view.dom.addEventListener('mouseleave', this.leave);
    }
    readonly over = (event: MouseEvent): void => {
      const target = event.target instanceof Element ? event.target.closest(TARGETS) : null;
      if (target && target !== this.shown) this.show(target);
      else if (!target && this.shown) this.hide();
    };
    readonly leave = (): void => this.hide();
    show(target: Element): void {
      const texts = this.view.state.facet(editorTexts);
      const mark = markAt(this.view, target);
      const lines = texts && mark ? legendLines(target, mark, texts) : [];
      if (!lines.length) return this.hide();
      this.box.replaceChildren(...lines.map((text) => Object.assign(document.createElement('div'), { textContent: text })));
      const at = target.getBoundingClientRect();
      const frame = this.view.dom.getBoundingClientRect();
      this.box.hidden = false;
      // beside the mark, but inside the pane: a line-end marker sits at its right edge
      // (CSSOM properties, not a style attribute: the page's CSP allows only the former)
      const left = Math.min(at.right - frame.left + 6, frame.width - this.box.offsetWidth - 8);
      this.box.style.left = `${Math.max(0, left)}px`;
      this.box.style.top = `${at.bottom - frame.top + 2}px`;
      this.shown = target;
    }
    hide(): void {
      this.box.hidden = true;
      this.shown = null;
    }
    update(): void {
      // a redraw replaces the gutter elements: a legend for one that is gone would point at nothing
      if (this.shown && !this.shown.isConnected) this.hide();
    }
    destroy(): void {
      this.view.dom.removeEventListener('mouseover', this.over);
      this.view.dom.removeEventListener('mouseleave', this.leave);
      this.box.remove();
    }
  },
);
