import { gutter, GutterMarker } from '@codemirror/view';
import { markOfLine, marksChanged } from './marks-field.js';

class BarMarker extends GutterMarker {
  constructor(readonly colour: string) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof BarMarker && other.colour === this.colour;
  }
  override toDOM(): HTMLElement {
    const bar = document.createElement('div');
    bar.className = 'cm-article-bar-mark';
    // A CSSOM property, not a style attribute: the page's CSP allows only the former.
    bar.style.backgroundColor = this.colour;
    return bar;
  }
}

const bars = new Map<string, BarMarker>();

/** A colour bar beside every line of an article, so an article's extent shows down the page. */
export const articleBar = gutter({
  class: 'cm-article-bar',
  lineMarker(view, line) {
    const colour = markOfLine(view, line)?.colour;
    if (!colour) return null;
    let marker = bars.get(colour);
    if (!marker) bars.set(colour, (marker = new BarMarker(colour)));
    return marker;
  },
  lineMarkerChange: marksChanged,
});
