import type { AnnotatedLine, BreakKind, LineLabel, PageAnnotation } from '../model/page.js';
import type { Draft } from './draft.js';
import { badInput, EDITOR, findLine, isBlank, lineName, linesInRange } from './lines.js';
import type { OpOf } from './ops.js';
import { linesOf } from './patch.js';

export const withBreak = (line: AnnotatedLine, brk: BreakKind): AnnotatedLine => ({ ...line, brk, why: { ...line.why, brk: EDITOR } });
export const withLabel = (line: AnnotatedLine, label: LineLabel | null): AnnotatedLine => ({ ...line, label, why: { ...line.why, label: EDITOR } });

function nonBlankLine(page: PageAnnotation, n: number, part: number | undefined): AnnotatedLine {
  const line = findLine(page, n, part);
  return line.label === null ? badInput(`${lineName(line)} is blank`) : line;
}

export function setBreak(draft: Draft, op: OpOf<'setBreak'>): void {
  draft.put(withBreak(nonBlankLine(draft.base, op.n, op.part), op.kind));
}

export function toggleBreak(draft: Draft, op: OpOf<'toggleBreak'>): void {
  const line = nonBlankLine(draft.base, op.n, op.part);
  draft.put(withBreak(line, line.brk === 'join' ? 'paragraph' : 'join'));
}

/** Every break between the first and the last non-blank line of the range becomes a join. */
export function joinLines(draft: Draft, op: OpOf<'joinLines'>): void {
  const lines = linesInRange(draft.base, op);
  if (lines.length < 2) badInput(`lines ${op.from}–${op.to} hold no line break to join`);
  for (const line of lines.slice(0, -1)) draft.put(withBreak(line, 'join'));
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * Two columns merged on one line become two lines, parts of the same source line. The second part
 * keeps the line's own break (it ends where the line ended); the first part gets a join, decided here.
 */
export function splitLine(draft: Draft, op: OpOf<'splitLine'>): void {
  const line = nonBlankLine(draft.base, op.n, op.part);
  const { text } = line;
  if (op.at <= 0 || op.at >= text.length) badInput(`${lineName(line)} can only be split inside its text (1–${text.length - 1})`);
  if (isHighSurrogate(text.charCodeAt(op.at - 1))) badInput(`offset ${op.at} falls inside a character of ${lineName(line)}`);
  const head = text.slice(0, op.at);
  const tail = text.slice(op.at);
  if (isBlank(head) || isBlank(tail)) badInput(`splitting ${lineName(line)} at ${op.at} would leave a blank part`);
  const group = linesOf(draft.base.lines, line.n);
  const i = group.indexOf(line);
  const pieces = [...group.slice(0, i), withBreak({ ...line, text: head }, 'join'), { ...line, text: tail }, ...group.slice(i + 1)];
  draft.putGroup(line.n, pieces.map((l, k) => ({ ...l, part: k + 1 })));
}

/** A line edited down to whitespace is a deleted line: blank, so it belongs to nothing. */
export function editLine(draft: Draft, op: OpOf<'editLine'>): void {
  const line = findLine(draft.base, op.n, op.part);
  if (/[\r\n]/.test(op.text)) badInput(`the new text of ${lineName(line)} spans several lines: split the line instead`);
  if (op.text === line.text) return;
  if (line.label === null && !isBlank(op.text)) badInput(`${lineName(line)} is blank: give its text to a neighbouring line instead`);
  const edited: AnnotatedLine = { ...line, text: op.text, edited: true };
  draft.put(isBlank(op.text) ? withLabel(edited, null) : edited);
}

export function setRole(draft: Draft, op: OpOf<'setRole'>): void {
  for (const line of linesInRange(draft.base, op)) {
    const label = line.label!;
    if (label.kind !== 'article') badInput(`${lineName(line)} is page furniture: move it to an article first`);
    draft.put(withLabel(line, { ...label, role: op.role }));
  }
}

export function markFurniture(draft: Draft, op: OpOf<'markFurniture'>): void {
  for (const line of linesInRange(draft.base, op)) draft.put(withLabel(line, { kind: 'furniture', role: op.role }));
}
