import { Facet } from '@codemirror/state';
import type { BreakKind, FurnitureRole, LineRole, Reason } from '../../../../app/model/page.js';

export type RoleLabels = Record<LineRole | FurnitureRole, { letter: string; name: string }>;

/** Every word the source pane shows, in the UI language; reconfigured when the language changes. */
export interface EditorTexts {
  roles: RoleLabels;
  breaks: Record<BreakKind, string>;
  /** Who decided and why, e.g. "short last line · 92 %" or "set by an editor". */
  reason(reason: Reason | undefined): string;
  /** The hint under a line-end marker's explanation. */
  toggleHint: string;
  /** The gutter legend's words for what a colour bar and a body line's missing letter mean. */
  legend: { colour: string; noLetter: string; article(id: string): string };
  /** The tooltip of an edited line's mark. */
  original(text: string): string;
  /** "12" for a whole line, "12b" for the second part of a line an editor split. */
  lineNumber(n: number, part: number | undefined): string;
  /** Added to the role badge's tooltip of a line the engine was unsure of. */
  uncertain: string;
  /** CodeMirror's own words (the find bar), by its English phrase. */
  phrases: Record<string, string>;
}

export const editorTexts = Facet.define<EditorTexts, EditorTexts | null>({
  combine: (values) => values[0] ?? null,
});
