import { type AnnotatedLine, FURNITURE_ROLES, LINE_ROLES, type PageAnnotation } from '../model/page.js';

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
  const ids = new Set<string>();
  for (const a of page.articles) {
    if (ids.has(a.id)) problems.push(`article ${a.id} is listed twice`);
    ids.add(a.id);
  }
  const used = new Set<string>();
  // Run after every edit on the whole page: nothing is built for a line that is sound.
  const { lines } = page;
  for (let i = 0; i < lines.length; i++) {
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
      used.add(label.article);
      if (!ids.has(label.article)) problems.push(`${lineName(line)} names a missing article ${label.article}`);
      if (!lineRoles.has(label.role)) problems.push(`${lineName(line)} has an unknown role ${label.role}`);
    } else if (label?.kind === 'furniture' && !furnitureRoles.has(label.role)) {
      problems.push(`${lineName(line)} has an unknown furniture role ${label.role}`);
    }
  }
  for (const id of ids) if (!used.has(id)) problems.push(`article ${id} has no lines`);
  return problems;
}

/** How a problem names its line; built only for a line that has one. */
function lineName(line: AnnotatedLine): string {
  return line.part === undefined ? `line ${line.n}` : `line ${line.n} part ${line.part}`;
}
