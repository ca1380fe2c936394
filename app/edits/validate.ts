import { type AnnotatedLine, FURNITURE_ROLES, LINE_ROLES, type PageAnnotation } from '../model/page.js';
import { endIndexOf, firstIndexOf, type Patch } from './patch.js';

const lineRoles: ReadonlySet<string> = new Set(LINE_ROLES);
const furnitureRoles: ReadonlySet<string> = new Set(FURNITURE_ROLES);
const LINE_BREAK = /[\r\n]/;
const BLANK = /^\s*$/;

/**
 * What is wrong with an annotation, one line per problem; empty when it is sound. Sound means: every
 * source line is there in order (a split line as parts 1…k), a line is blank exactly when it has no
 * label, every article label names one existing article, and every article has a line.
 */
export function validateAnnotation(page: PageAnnotation): string[] {
  const problems: string[] = [];
  const ids = articleIds(page, problems);
  const used = new Set<string>();
  const { lines } = page;
  for (let i = 0; i < lines.length; i++) {
    checkLine(lines, i, ids, problems);
    const label = lines[i]!.label;
    if (label?.kind === 'article') used.add(label.article);
  }
  for (const id of ids) if (!used.has(id)) problems.push(`article ${id} has no lines`);
  return problems;
}

/**
 * What is wrong with `after`, the sound page `before` with `patch` applied, found by looking only
 * where the patch can have broken something: the patched lines and their neighbours, and the
 * articles that were added, removed or lost a line; and that the page still ends at its last
 * source line. The same verdict as `validateAnnotation(after)`
 * for a sound `before`, at the cost of the edit rather than of the page (an edit on a long page
 * must not re-check thousands of lines it did not touch).
 */
export function validateEdit(before: PageAnnotation, after: PageAnnotation, patch: Patch): string[] {
  const problems: string[] = [];
  const ids = articleIds(after, patch.articles ? problems : []);
  const { lines } = after;
  const checked = new Set<number>();
  // A line's checks read the lines beside it, so a patched line's neighbours are checked again too.
  for (const { n } of patch.lines) {
    const start = firstIndexOf(lines, n);
    for (let i = Math.max(0, start - 1); i <= Math.min(lines.length - 1, endIndexOf(lines, n, start)); i++) {
      if (!checked.has(i)) checkLine(lines, i, ids, problems);
      checked.add(i);
    }
  }
  if (lines.at(-1)?.n !== before.lines.at(-1)?.n) {
    problems.push(`the page ends at line ${lines.at(-1)?.n ?? 0}, not at line ${before.lines.at(-1)?.n ?? 0}`);
  }
  // Articles whose lines may be gone (one a patched line left), that are new, or that left the list.
  const had = new Set(before.articles.map((a) => a.id));
  const mayBeEmpty = new Set<string>();
  for (const { parts } of inverseGroups(before, patch)) {
    for (const line of parts) if (line.label?.kind === 'article' && ids.has(line.label.article)) mayBeEmpty.add(line.label.article);
  }
  if (patch.articles) for (const id of ids) if (!had.has(id)) mayBeEmpty.add(id);
  const removed = patch.articles ? [...had].filter((id) => !ids.has(id)) : [];
  if (mayBeEmpty.size || removed.length) {
    const gone = new Set(removed);
    const found = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      const label = lines[i]!.label;
      if (label?.kind !== 'article') continue;
      found.add(label.article);
      if (gone.has(label.article) && !checked.has(i)) problems.push(`${lineName(lines[i]!)} names a missing article ${label.article}`);
    }
    for (const id of mayBeEmpty) if (!found.has(id)) problems.push(`article ${id} has no lines`);
  }
  return problems;
}

/** The lines the patch replaced, as they were in `before`. */
function inverseGroups(before: PageAnnotation, patch: Patch): { parts: readonly AnnotatedLine[] }[] {
  return patch.lines.map(({ n }) => {
    const start = firstIndexOf(before.lines, n);
    return { parts: before.lines.slice(start, endIndexOf(before.lines, n, start)) };
  });
}

function articleIds(page: PageAnnotation, problems: string[]): Set<string> {
  const ids = new Set<string>();
  for (const a of page.articles) {
    if (ids.has(a.id)) problems.push(`article ${a.id} is listed twice`);
    ids.add(a.id);
  }
  return ids;
}

/** The problems of line i on its own and with the lines beside it; nothing is built for a line that is sound. */
function checkLine(lines: readonly AnnotatedLine[], i: number, ids: ReadonlySet<string>, problems: string[]): void {
  const line = lines[i]!;
  const prev = lines[i - 1];
  const next = lines[i + 1];
  const expectedN = prev === undefined ? 1 : prev.n + (prev.n === line.n ? 0 : 1);
  if (line.n !== expectedN) problems.push(`${lineName(line)} is out of order (expected line ${expectedN})`);
  const split = prev?.n === line.n || next?.n === line.n;
  const expectedPart = split ? (prev?.n === line.n ? (prev.part ?? 0) + 1 : 1) : undefined;
  if (line.part !== expectedPart) problems.push(`${lineName(line)} should be ${expectedPart === undefined ? 'unsplit' : `part ${expectedPart}`}`);
  if (LINE_BREAK.test(line.text)) problems.push(`${lineName(line)} holds a line break`);
  if (line.brk !== 'join' && line.brk !== 'paragraph') problems.push(`${lineName(line)} has an unknown break ${String(line.brk)}`);
  // what trim() removes, tested without making the trimmed copy
  const blank = BLANK.test(line.text);
  const { label } = line;
  if (blank && label !== null) problems.push(`${lineName(line)} is blank but labelled`);
  if (!blank && label === null) problems.push(`${lineName(line)} has text but no label`);
  if (label?.kind === 'article') {
    if (!ids.has(label.article)) problems.push(`${lineName(line)} names a missing article ${label.article}`);
    if (!lineRoles.has(label.role)) problems.push(`${lineName(line)} has an unknown role ${label.role}`);
  } else if (label?.kind === 'furniture' && !furnitureRoles.has(label.role)) {
    problems.push(`${lineName(line)} has an unknown furniture role ${label.role}`);
  }
}

/** How a problem names its line; built only for a line that has one. */
function lineName(line: AnnotatedLine): string {
  return line.part === undefined ? `line ${line.n}` : `line ${line.n} part ${line.part}`;
}
