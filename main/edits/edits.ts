import type Database from 'better-sqlite3';
import type { EditOutcome, HistoryState } from '../../app/contract.js';
import { applyEdit, applyPatch, type Patch } from '../../app/edits/apply.js';
import type { EditOp } from '../../app/edits/ops.js';
import { rerunTexts } from '../../app/edits/rerun.js';
import { validateAnnotation } from '../../app/edits/validate.js';
import { proposePage, splitLines } from '../../app/engine/index.js';
import { type ErrorCode, GalleyError } from '../../app/errors.js';
import type { PageAnnotation } from '../../app/model/page.js';
import { appendJournal, discardRedoStack, redoTarget, setUndone, undoRedoOps, undoTarget } from '../store/journal.js';
import { bumpRevision, type CachedPage, loadPage, remember } from '../store/annotation/page-cache.js';
import { writePatch } from '../store/annotation/page-patch.js';
import { publicationOfPage } from '../store/profiles.js';
import { profileForProposing } from '../publication/profile.js';
import { getRawText } from '../store/pages.js';
import { getPageSource } from '../store/page-sources.js';

/** An edit's answer, and whether the library tree's summary of the page (article count, section) changed with it. */
export interface EditChange {
  outcome: EditOutcome;
  summaryChanged: boolean;
}

/**
 * What a caller knows when it edits: the page revision its view shows and who it is. Both optional
 * (the CLI and tests edit without a view); a window always sends both, so that two windows on one
 * page never write over each other unknowingly.
 */
export interface EditBasis {
  /** The revision the edit was made on: refused when the page has moved on since. */
  revision?: number;
  /** The editor's id, kept with the journal entry: undo and redo act only on one's own edits. */
  editor?: string;
}

/** Applies one editor operation to a page: one transaction writing the touched rows and one journal entry. */
export function applyEditToPage(db: Database.Database, pageId: number, op: EditOp, basis: EditBasis = {}): EditChange {
  if (op.op === 'rerun') throw new GalleyError('BAD_INPUT', "a re-run takes the engine's proposal from the page itself: use edits:rerun");
  return editPage(db, pageId, () => op, basis);
}

/** Re-runs the engine, with what the page's publication learned, on the page's current lines; every decision an editor made stays. */
export function rerunPage(db: Database.Database, pageId: number, basis: EditBasis = {}): EditChange {
  const raw = splitLines(getRawText(db, pageId) ?? '');
  return editPage(db, pageId, (page) => {
    const publicationId = publicationOfPage(db, pageId);
    const learned = publicationId === undefined ? undefined : profileForProposing(db, publicationId);
    const lines = rerunTexts(page, raw);
    // the print's boxes name the raw lines: they still fit while the editor has split or merged none
    const boxes = getPageSource(db, pageId)?.geometry.lines;
    return { op: 'rerun', proposal: proposePage(lines, { learned, boxes: boxes?.length === lines.length ? boxes : undefined }) };
  }, basis);
}

/** Reverts the page's latest edit that is not undone, as the journal says (so also after a restart). */
export function undoEdit(db: Database.Database, pageId: number, basis: EditBasis = {}): EditChange {
  return stepHistory(db, pageId, 'undo', basis);
}

/** Re-applies the earliest undone edit of the page's redo stack. */
export function redoEdit(db: Database.Database, pageId: number, basis: EditBasis = {}): EditChange {
  return stepHistory(db, pageId, 'redo', basis);
}

/** Undo applies a journal entry's inverse and marks it undone; redo applies its patch and clears the mark. */
function stepHistory(db: Database.Database, pageId: number, step: 'undo' | 'redo', basis: EditBasis): EditChange {
  return write(db, pageId, basis, (page) => {
    const entry = step === 'undo' ? undoTarget<Patch>(db, pageId) : redoTarget<Patch>(db, pageId);
    if (!entry) throw new GalleyError('CONFLICT', `nothing to ${step} on this page`);
    // Undoing an edit made later than one's own by someone else would silently take theirs back.
    if (entry.editor !== null && basis.editor !== undefined && entry.editor !== basis.editor) {
      throw new GalleyError('CONFLICT', `cannot ${step}: the last change on this page (${entry.op}) was made in another window or by another editor; ${step} it there`);
    }
    const patch = step === 'undo' ? entry.inverse : entry.payload;
    return {
      page: applyPatch(page, patch), patch, refusal: 'CONFLICT',
      why: `cannot ${step} ${entry.op} (journal entry ${entry.id}): the page no longer matches it`,
      journal: () => setUndone(db, entry.id, step === 'undo'),
    };
  });
}

/** Where the page's undo/redo stands, read from the journal. */
export function pageHistory(db: Database.Database, pageId: number, revision: number): HistoryState {
  const { undoOp, redoOp } = undoRedoOps(db, pageId);
  return { canUndo: undoOp !== null, canRedo: redoOp !== null, undoOp, redoOp, revision };
}

/** A new edit: journaled with its inverse, and the undone edits it replaces leave the redo stack. */
function editPage(db: Database.Database, pageId: number, opFor: (page: PageAnnotation) => EditOp, basis: EditBasis): EditChange {
  return write(db, pageId, basis, (page) => {
    const op = opFor(page);
    const { page: next, patch, inverse } = applyEdit(page, op);
    return {
      page: next, patch, refusal: 'BAD_INPUT', why: `${op.op} would leave the page broken`,
      journal: () => {
        discardRedoStack(db, pageId);
        // A re-run's proposal is as long as the page and its effect is the patch: the row keeps the op's name only.
        const params = op.op === 'rerun' ? { op: op.op } : op;
        appendJournal(db, { pageId, op: op.op, payload: patch, inverse, params, ...(basis.editor !== undefined && { editor: basis.editor }) });
      },
    };
  });
}

interface Step {
  page: PageAnnotation;
  patch: Patch;
  /** How a result that fails validation is refused, and why. */
  refusal: ErrorCode;
  why: string;
  journal(): void;
}

/**
 * The one way a page's annotation changes: read it (from memory while current), check the caller
 * saw this revision, compute the step,
 * refuse a result that does not validate, write the patched rows, the journal and the revision in
 * one IMMEDIATE transaction, and keep the result in memory only once it is committed.
 */
function write(db: Database.Database, pageId: number, basis: EditBasis, stepFor: (page: PageAnnotation) => Step): EditChange {
  let committed: CachedPage | undefined;
  const change = db.transaction((): EditChange => {
    const current = loadPage(db, pageId);
    if (!current) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
    if (basis.revision !== undefined && basis.revision !== current.revision) {
      throw new GalleyError('CONFLICT', `this page was changed in another window since you last saw it (now revision ${current.revision}, yours ${basis.revision}); it shows the latest now: make your change again`);
    }
    const before = current.annotation;
    const step = stepFor(before);
    if (isEmpty(step.patch)) {
      return { outcome: { pageId, patch: step.patch, history: pageHistory(db, pageId, current.revision) }, summaryChanged: false };
    }
    const problems = validateAnnotation(step.page);
    if (problems.length) throw new GalleyError(step.refusal, `${step.why}: ${problems[0]}`);
    writePatch(db, pageId, before, step.page, step.patch);
    step.journal();
    committed = { revision: bumpRevision(db, pageId), annotation: step.page };
    return {
      outcome: { pageId, patch: step.patch, history: pageHistory(db, pageId, committed.revision) },
      summaryChanged: before.articles.length !== step.page.articles.length || before.section !== step.page.section,
    };
  }).immediate();
  if (committed) remember(db, pageId, committed);
  return change;
}

/** An edit that changes nothing (a break set to what it was) is answered but neither written nor journaled. */
function isEmpty(patch: Patch): boolean {
  return patch.lines.length === 0 && !patch.articles && !patch.metas?.length && !patch.page;
}
