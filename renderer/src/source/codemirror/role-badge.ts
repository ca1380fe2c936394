import { gutter, GutterMarker } from '@codemirror/view';
import { markOfLine, marksChanged } from './marks-field.js';
import { editorTexts } from './texts.js';

class BadgeMarker extends GutterMarker {
  constructor(
    readonly letter: string,
    readonly furniture: boolean,
    readonly uncertain: boolean,
  ) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof BadgeMarker && other.letter === this.letter && other.furniture === this.furniture && other.uncertain === this.uncertain;
  }
  override toDOM(): HTMLElement {
    const badge = document.createElement('span');
    badge.className = this.furniture ? 'cm-role-badge-mark cm-role-furniture' : 'cm-role-badge-mark';
    // Body lines carry no letter, yet their reason is still one hover away.
    badge.textContent = this.letter || '·';
    if (!this.letter) badge.classList.add('cm-role-body');
    // Seen without hovering: the engine was unsure here and no editor has decided yet.
    if (this.uncertain) badge.classList.add('cm-role-uncertain');
    return badge;
  }
}

/** A role letter per line (headline, byline, furniture…), tinted where the engine was unsure; hovering it shows the legend (gutter-legend.ts). */
export const roleBadge = gutter({
  class: 'cm-role-badge',
  lineMarker(view, line) {
    const texts = view.state.facet(editorTexts);
    const mark = markOfLine(view, line);
    if (!texts || !mark?.role) return null;
    return new BadgeMarker(texts.roles[mark.role].letter, mark.article === null, mark.uncertain);
  },
  lineMarkerChange: marksChanged,
  initialSpacer: () => new BadgeMarker('题', false, false),
});
