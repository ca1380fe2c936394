import { GalleyError } from '../errors.js';
import type { AnnotatedLine, ArticleMeta, PageAnnotation, Reason } from '../model/page.js';
import { endIndexOf, firstIndexOf } from './patch.js';

/** What every operation writes on what it decides, so a re-run of the engine leaves it alone. */
export const EDITOR: Reason = Object.freeze({ rule: 'editor', confidence: 1 });

export const isBlank = (text: string): boolean => text.trim() === '';
export const byEditor = (reason: Reason | undefined): boolean => reason?.rule === 'editor';

export function badInput(message: string): never {
  throw new GalleyError('BAD_INPUT', message);
}

function lastLineNumber(page: PageAnnotation): number {
  return page.lines[page.lines.length - 1]?.n ?? 0;
}

function checkLineNumber(page: PageAnnotation, n: number): void {
  const last = lastLineNumber(page);
  if (!Number.isInteger(n) || n < 1 || n > last) badInput(`there is no line ${n} on this page (lines 1–${last})`);
}

export const lineName = (line: AnnotatedLine): string => (line.part === undefined ? `line ${line.n}` : `line ${line.n} part ${line.part}`);

/** The one line named by `n` (and `part` once n was split). */
export function findLine(page: PageAnnotation, n: number, part?: number): AnnotatedLine {
  checkLineNumber(page, n);
  const start = firstIndexOf(page.lines, n);
  const end = endIndexOf(page.lines, n, start);
  if (end - start === 1 && (part === undefined || part === 1)) return page.lines[start]!;
  if (part === undefined) badInput(`line ${n} is split into ${end - start} parts: say which part`);
  const line = page.lines.slice(start, end).find((l) => l.part === part);
  return line ?? badInput(`line ${n} has no part ${part}`);
}

/** Index of `line` in the page (it is one of the page's own line objects). */
export function indexOfLine(page: PageAnnotation, line: AnnotatedLine): number {
  return page.lines.indexOf(line, firstIndexOf(page.lines, line.n));
}

interface LineRange {
  from: number;
  to: number;
  fromPart?: number | undefined;
  toPart?: number | undefined;
}

/** The non-blank lines of a range (every part, unless narrowed); a range holding none is refused. */
export function linesInRange(page: PageAnnotation, { from, to, fromPart, toPart }: LineRange): AnnotatedLine[] {
  if (from > to) badInput(`line range ${from}–${to} is backwards`);
  checkLineNumber(page, from);
  checkLineNumber(page, to);
  const start = fromPart === undefined ? firstIndexOf(page.lines, from) : indexOfLine(page, findLine(page, from, fromPart));
  const end = toPart === undefined ? endIndexOf(page.lines, to) : indexOfLine(page, findLine(page, to, toPart)) + 1;
  if (start >= end) badInput(`line range ${from}–${to} is backwards`);
  const out: AnnotatedLine[] = [];
  for (let i = start; i < end; i++) {
    const line = page.lines[i]!;
    if (line.label !== null) out.push(line);
  }
  return out.length ? out : badInput(`lines ${from}–${to} are all blank`);
}

export function findArticle(page: PageAnnotation, id: string): ArticleMeta {
  return page.articles.find((a) => a.id === id) ?? badInput(`there is no article ${id} on this page`);
}

/** `a<k>` past every id in use, so an id an editor's article gets never names another one. */
export function freshArticleIds(taken: Iterable<string>, count: number): string[] {
  let max = 0;
  for (const id of taken) {
    const m = /^a(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return Array.from({ length: count }, (_, i) => `a${max + 1 + i}`);
}
