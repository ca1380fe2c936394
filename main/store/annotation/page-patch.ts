import type Database from 'better-sqlite3';
import { linesOf, type Patch } from '../../../app/edits/patch.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import {
  articleRowId, insertLines, insertSpan, type LabelRun, labelRuns, updateLine, upsertArticle,
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
    after.articles.forEach((a, ordinal) => upsertArticle(db, pageId, a, ordinal));
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
  if (patch.lines.length) writeSpanChanges(db, pageId, labelRuns(before.lines), labelRuns(after.lines));
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
