import { Facet, StateField } from '@codemirror/state';
import type { FurnitureRole, LineRole } from '../../../app/model/page.js';
import type { LineMark } from '../model/line-marks.js';

/** The page's per-line marks (editor line N = source line N = marks[N - 1]); a new page is a new state. */
export const lineMarksField = StateField.define<readonly LineMark[]>({
  create: () => [],
  update: (marks) => marks,
});

export type RoleLabels = Record<LineRole | FurnitureRole, { letter: string; name: string }>;

/** The badges' letters and names in the UI language; reconfigured when the language changes. */
export const roleLabels = Facet.define<RoleLabels, RoleLabels | null>({
  combine: (values) => values[0] ?? null,
});

export function markAt(marks: readonly LineMark[], lineNumber: number): LineMark | undefined {
  return marks[lineNumber - 1];
}
