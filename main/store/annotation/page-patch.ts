import type Database from 'better-sqlite3';
import { linesOf, type Patch } from '../../../app/edits/patch.js';
import type { AnnotatedLine, PageAnnotation } from '../../../app/model/page.js';
import {
  articleRowId, insertLines, insertSpan, type LabelRun, labelRuns, sameLabel, updateLine, upsertArticle,
} from './annotation-rows.js';
import { ensureRows } from './annotations.js';
import { prepared } from '../statements.js';

/**
 * Writes one edit: only the rows its patch touches (the lines of each patched source line, the
 * articles, the spans whose runs changed). `before` is the stored annotation and `after` is
 * `before` with `patch` applied; the caller holds the transaction. A page still stored as the
 * engine's proposal becomes rows first, so the patch has rows to touch.
 */
export function writePatch(db: Database.Database, pageId: number, before: PageAnnotation, after: PageAnnotation, patch: Patch): void {
  ensureRows(db, pageId, before);
  if (patch.page) {
    prepared(db, 'UPDATE pages SET section = ?, headline_order = ? WHERE id = ?').run(patch.page.section, patch.page.headlineOrder, pageId);
  }
  if (patch.articles) {
    prepared(db, 'DELETE FROM articles WHERE page_id = ? AND key NOT IN (SELECT value FROM json_each(?))')
      .run(pageId, JSON.stringify(after.articles.map((a) => a.id)));
    // Only the articles that are new or changed are written whole; the ones that only moved (all
    // that follow an added or removed one: a page may have hundreds) get their new place alone.
    const was = new Map(before.articles.map((a, ordinal) => [a.id, { a, ordinal }]));
    const move = prepared(db, 'UPDATE articles SET ordinal = ? WHERE page_id = ? AND key = ?');
    after.articles.forEach((a, ordinal) => {
      const old = was.get(a.id);
      if (!old || (old.a !== a && JSON.stringify(old.a) !== JSON.stringify(a))) upsertArticle(db, pageId, a, ordinal);
      else if (old.ordinal !== ordinal) move.run(ordinal, pageId, a.id);
    });
  } else if (patch.metas) {
    for (const meta of patch.metas) upsertArticle(db, pageId, meta, after.articles.findIndex((a) => a.id === meta.id));
  }

  for (const { n, parts } of patch.lines) {
    const old = linesOf(before.lines, n);
    // Same number of parts means the same (n, part) keys: rows are updated in place and keep their ids.
    if (old.length === parts.length) {
      parts.forEach((line, i) => updateLine(db, pageId, line, line.text !== old[i]!.text));
    } else {
      prepared(db, 'DELETE FROM lines WHERE page_id = ? AND n = ?').run(pageId, n);
      insertLines(db, pageId, parts);
    }
  }
  if (patch.lines.length) {
    // Spans change only around the patched lines: the runs of the stretch from the run that holds
    // the line before the first patched one to the run that holds the line after the last (those
    // lines are the same before and after), not the whole page's, are compared.
    let lo = Infinity;
    let hi = 0;
    for (const { n } of patch.lines) {
      lo = Math.min(lo, n);
      hi = Math.max(hi, n);
    }
    writeSpanChanges(db, pageId, labelRuns(stretch(before.lines, lo - 1, hi + 1)), labelRuns(stretch(after.lines, lo - 1, hi + 1)));
  }
}

/** The lines from source line `from` to `to`, widened to whole runs of equally labelled lines at both ends. */
function stretch(lines: readonly AnnotatedLine[], from: number, to: number): readonly AnnotatedLine[] {
  let i = firstAtOrAfter(lines, from);
  let j = firstAtOrAfter(lines, to + 1);
  while (i > 0 && i < lines.length && continuesRun(lines[i - 1]!, lines[i]!)) i--;
  while (j > 0 && j < lines.length && continuesRun(lines[j - 1]!, lines[j]!)) j++;
  return lines.slice(i, j);
}

function continuesRun(a: AnnotatedLine, b: AnnotatedLine): boolean {
  return a.label !== null && b.label !== null && sameLabel(a.label, b.label);
}

/** Index of the first line whose source line number is at least n (lines are in order). */
function firstAtOrAfter(lines: readonly AnnotatedLine[], n: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.n < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Deletes the spans whose run is gone and inserts the new runs; a run that stayed keeps its row. */
function writeSpanChanges(db: Database.Database, pageId: number, before: LabelRun[], after: LabelRun[]): void {
  const kept = new Set(before.map(runKey));
  const wanted = new Set(after.map(runKey));
  // Runs never overlap, so where a run starts names its span.
  for (const run of before) {
    if (!wanted.has(runKey(run))) {
      prepared(db, 'DELETE FROM spans WHERE page_id = ? AND from_n = ? AND from_part = ?').run(pageId, run.from.n, run.from.part ?? 0);
    }
  }
  for (const run of after) {
    if (kept.has(runKey(run))) continue;
    insertSpan(db, pageId, run, run.label.kind === 'article' ? articleRowId(db, pageId, run.label.article)! : null);
  }
}

function runKey({ label, from, to }: LabelRun): string {
  const who = label.kind === 'article' ? `a:${label.article}` : 'f';
  return `${who}:${label.role}:${from.n}.${from.part ?? 0}-${to.n}.${to.part ?? 0}`;
}
