import { gutter, GutterMarker } from '@codemirror/view';
import { lineMarksField, markAt, roleLabels } from './line-marks.js';

class BadgeMarker extends GutterMarker {
  constructor(
    readonly letter: string,
    readonly name: string,
  ) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof BadgeMarker && other.letter === this.letter && other.name === this.name;
  }
  override toDOM(): HTMLElement {
    const badge = document.createElement('span');
    badge.className = 'cm-role-badge-mark';
    badge.textContent = this.letter;
    badge.title = this.name;
    return badge;
  }
}

/** A short role letter per line (headline, byline, furniture…); body lines stay quiet. */
export const roleBadge = gutter({
  class: 'cm-role-badge',
  lineMarker(view, line) {
    const labels = view.state.facet(roleLabels);
    const role = markAt(view.state.field(lineMarksField), view.state.doc.lineAt(line.from).number)?.role;
    const label = role && labels?.[role];
    if (!label?.letter) return null;
    return new BadgeMarker(label.letter, label.name);
  },
  lineMarkerChange: (update) => update.startState.facet(roleLabels) !== update.state.facet(roleLabels),
  initialSpacer: () => new BadgeMarker('题', ''),
});
