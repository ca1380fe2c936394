import type { EditOpName } from './ops.js';

/**
 * One journaled edit as the editor can be told about it ("corrected line 12 text"): the op and the
 * lines, article, role or break it named. The renderer words it in the UI language.
 */
export interface EditStep {
  op: EditOpName;
  /** `12`, `12b` (part 2 of a split line) or `12–14`; null for an op on no particular lines. */
  lines: string | null;
  article: string | null;
  /** A line role, furniture role or break kind the op set. */
  value: string | null;
}

const PART_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * What an undo or redo acts on, from the journal row's op name and its params (the op as applied;
 * a re-run keeps only its name). Read defensively: a row from an older library may lack a field.
 */
export function describeEdit(op: string, params: unknown): EditStep {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  const num = (key: string) => (typeof p[key] === 'number' ? p[key] : null);
  const str = (key: string) => (typeof p[key] === 'string' ? p[key] : null);
  const line = (n: number, part: number | null) => `${n}${part !== null && part > 1 ? (PART_LETTERS[part - 1] ?? `.${part}`) : ''}`;
  const n = num('n');
  const from = num('from');
  const to = num('to');
  const lines = n !== null ? line(n, num('part')) : from !== null && to !== null ? (from === to ? line(from, num('fromPart')) : `${line(from, num('fromPart'))}–${line(to, num('toPart'))}`) : null;
  return { op: op as EditOpName, lines, article: str('article'), value: str('role') ?? str('kind') ?? str('genre') };
}
