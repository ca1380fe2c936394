import type Database from 'better-sqlite3';
import type { EditOutcome, HistoryState, HistoryStep } from '../../app/contract.js';
import { describeEdit } from '../../app/edits/describe.js';
import { applyEdit, applyPatch, type Patch } from '../../app/edits/apply.js';
import { compactPatch, expandPatch, type StoredPatch } from '../../app/edits/patch.js';
import type { EditOp } from '../../app/edits/ops.js';
import { rerunTexts } from '../../app/edits/rerun.js';
import { validateEdit } from '../../app/edits/validate.js';
import { applySourceStructure, proposePage, splitLines } from '../../app/engine/index.js';
import { type ErrorCode, GalleyError } from '../../app/errors.js';
import type { PageAnnotation } from '../../app/model/page.js';
import { appendJournal, discardRedoStack, redoTarget, setUndone, undoRedoOps, undoTarget } from '../store/journal.js';
import { bumpRevision, type CachedPage, loadPage, remember } from '../store/annotation/page-cache.js';
import { writePatch } from '../store/annotation/page-patch.js';
import { publicationOfPage } from '../store/profiles.js';
import { profileForProposing } from '../publication/profile.js';
import { getPageRow, getRawText } from '../store/pages.js';
import { getPageSource, getSourceArticles } from '../store/page-sources.js';
import { type ArticleLink, deleteLink, insertLink, linksOf, occupies, sameLink } from '../store/article-links.js';
import { liveLinks, issueParts, proposedLink } from '../metadata/continuations.js';

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

/**
 * Re-runs the engine, with what the page's publication learned, on the page's current lines; every
 * decision an editor made stays, and the articles the source file gave (METS) are kept, not guessed again.
 */
export function rerunPage(db: Database.Database, pageId: number, basis: EditBasis = {}): EditChange {
  const raw = splitLines(getRawText(db, pageId) ?? '');
  const structure = getSourceArticles(db, pageId);
  return editPage(db, pageId, (page) => {
    const publicationId = publicationOfPage(db, pageId);
    const learned = publicationId === undefined ? undefined : profileForProposing(db, publicationId);
    const lines = rerunTexts(page, raw);
    // the print's boxes name the raw lines: they still fit while the editor has split or merged none
    const boxes = getPageSource(db, pageId)?.geometry.lines;
    const proposal = proposePage(lines, { learned, boxes: boxes?.length === lines.length ? boxes : undefined });
    return { op: 'rerun', proposal: applySourceStructure(proposal, structure, page.lines.map((l) => l.n)) };
  }, basis);
}

/** Reverts the page's latest edit that is not undone, as the journal says (so also after a restart). */
export function undoEdit(db: Database.Database, pageId: number, basis: EditBasis = {}): EditChange {
  return LINK_OPS.has(undoRedoOps(db, pageId).undoOp ?? '') ? stepLinkHistory(db, pageId, 'undo', basis) : stepHistory(db, pageId, 'undo', basis);
}

/** Re-applies the earliest undone edit of the page's redo stack. */
export function redoEdit(db: Database.Database, pageId: number, basis: EditBasis = {}): EditChange {
  return LINK_OPS.has(undoRedoOps(db, pageId).redoOp ?? '') ? stepLinkHistory(db, pageId, 'redo', basis) : stepHistory(db, pageId, 'redo', basis);
}

/** The journal's ops for linking two parts of a continued article and for taking the link apart. */
export const LINK_OP = 'linkContinuation';
export const UNLINK_OP = 'unlinkContinuation';
const LINK_OPS: ReadonlySet<string> = new Set([LINK_OP, UNLINK_OP]);

/** A link change as the journal keeps it: payload makes it, inverse takes it back (a link, its removal, or one replacing another). */
export interface LinkChange {
  add?: ArticleLink;
  remove?: ArticleLink;
}

/**
 * The one key of the source pane for continued articles: an article that is a linked part is
 * unlinked (from what it goes on with first), any other is linked to the part its marker proposes.
 * Journaled on this page like an edit, so Ctrl+Z here takes it back.
 */
export function toggleContinuation(db: Database.Database, pageId: number, articleId: string, basis: EditBasis = {}): EditChange {
  return linkStep(db, pageId, basis, () => {
    const row = getPageRow(db, pageId);
    if (!row) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
    const parts = issueParts(db, row.issueId);
    const live = liveLinks(db, row.issueId, parts);
    const mine = linksOf(db, pageId, articleId).filter((l) => live.some((k) => sameLink(k, l)))
      .sort((a, b) => Number(b.fromPage === pageId) - Number(a.fromPage === pageId));
    let change: LinkChange;
    if (mine[0]) change = { remove: mine[0] };
    else {
      const add = proposedLink(db, pageId, articleId, parts);
      // A link left over from a part since merged away holds a key of the new one: the new link replaces it (an undo brings it back).
      const stale = [...linksOf(db, add.fromPage, add.fromArticle), ...linksOf(db, add.toPage, add.toArticle)]
        .filter((l, i, all) => occupies(l, add) && all.findIndex((k) => sameLink(k, l)) === i);
      if (stale.length > 1) throw new GalleyError('CONFLICT', 'both parts are held by links to articles that are gone: undo the merges that removed them, or unlink there first');
      change = { add, ...(stale[0] && { remove: stale[0] }) };
    }
    applyLinkChange(db, change);
    discardRedoStack(db, pageId);
    const op = change.add ? LINK_OP : UNLINK_OP;
    appendJournal(db, {
      pageId, op, payload: change, inverse: { ...(change.remove && { add: change.remove }), ...(change.add && { remove: change.add }) },
      params: { op, article: articleId }, ...(basis.editor !== undefined && { editor: basis.editor }),
    });
  });
}

/** Removes, then adds: a change that replaces a link frees its keys first. */
function applyLinkChange(db: Database.Database, change: LinkChange): void {
  if (change.remove && !deleteLink(db, change.remove)) throw new GalleyError('CONFLICT', 'that link is no longer there');
  const add = change.add;
  if (add) {
    if ([...linksOf(db, add.fromPage, add.fromArticle), ...linksOf(db, add.toPage, add.toArticle)].some((l) => occupies(l, add))) {
      throw new GalleyError('CONFLICT', 'a part of that link is linked to another part now');
    }
    insertLink(db, add);
  }
}

/** Undo or redo of a link change: the page's text is untouched, only the link and the journal mark. */
function stepLinkHistory(db: Database.Database, pageId: number, step: 'undo' | 'redo', basis: EditBasis): EditChange {
  return linkStep(db, pageId, basis, () => {
    const entry = step === 'undo' ? undoTarget<LinkChange>(db, pageId) : redoTarget<LinkChange>(db, pageId);
    if (!entry || !LINK_OPS.has(entry.op)) throw new GalleyError('CONFLICT', `nothing to ${step} on this page`);
    if (entry.editor !== null && basis.editor !== undefined && entry.editor !== basis.editor) {
      throw new GalleyError('CONFLICT', `cannot ${step}: the last change on this page (${entry.op}) was made in another window or by another editor; ${step} it there`);
    }
    applyLinkChange(db, step === 'undo' ? entry.inverse : entry.payload);
    setUndone(db, entry.id, step === 'undo');
  });
}

/** The page as stored, refused when another window changed it since the caller's revision. */
function pageAt(db: Database.Database, pageId: number, basis: EditBasis): CachedPage {
  const current = loadPage(db, pageId);
  if (!current) throw new GalleyError('NOT_FOUND', `no page with id ${pageId}`);
  if (basis.revision !== undefined && basis.revision !== current.revision) {
    throw new GalleyError('CONFLICT', `this page was changed in another window since you last saw it (now revision ${current.revision}, yours ${basis.revision}); it shows the latest now: make your change again`);
  }
  return current;
}

/** A link change in one IMMEDIATE transaction on the revision the caller saw; the page's revision moves so other windows hear of it. */
function linkStep(db: Database.Database, pageId: number, basis: EditBasis, change: () => void): EditChange {
  let committed: CachedPage | undefined;
  const result = db.transaction((): EditChange => {
    const current = pageAt(db, pageId, basis);
    change();
    committed = { revision: bumpRevision(db, pageId), annotation: current.annotation };
    return { outcome: { pageId, patch: { lines: [] }, history: pageHistory(db, pageId, committed.revision), linksChanged: true }, summaryChanged: false };
  }).immediate();
  if (committed) remember(db, pageId, committed);
  return result;
}

/** Undo applies a journal entry's inverse and marks it undone; redo applies its patch and clears the mark. */
function stepHistory(db: Database.Database, pageId: number, step: 'undo' | 'redo', basis: EditBasis): EditChange {
  return write(db, pageId, basis, (page) => {
    const entry = step === 'undo' ? undoTarget<StoredPatch>(db, pageId) : redoTarget<StoredPatch>(db, pageId);
    if (!entry) throw new GalleyError('CONFLICT', `nothing to ${step} on this page`);
    // Undoing an edit made later than one's own by someone else would silently take theirs back.
    if (entry.editor !== null && basis.editor !== undefined && entry.editor !== basis.editor) {
      throw new GalleyError('CONFLICT', `cannot ${step}: the last change on this page (${entry.op}) was made in another window or by another editor; ${step} it there`);
    }
    const why = `cannot ${step} ${entry.op} (journal entry ${entry.id}): the page no longer matches it`;
    const patch = expandPatch(step === 'undo' ? entry.inverse : entry.payload, page);
    if (typeof patch === 'string') throw new GalleyError('CONFLICT', `${why} (${patch})`);
    return {
      page: applyPatch(page, patch), patch, refusal: 'CONFLICT', why,
      // said back, because the edit undone may be older than the metadata changes made since
      history: { direction: step, ...describeEdit(entry.op, entry.params) },
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
        appendJournal(db, { pageId, op: op.op, payload: compactPatch(patch, inverse), inverse: compactPatch(inverse, patch), params, ...(basis.editor !== undefined && { editor: basis.editor }) });
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
  /** For an undo or redo: the edit it acted on. */
  history?: HistoryStep;
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
    const current = pageAt(db, pageId, basis);
    const before = current.annotation;
    const step = stepFor(before);
    if (isEmpty(step.patch)) {
      return { outcome: { pageId, patch: step.patch, history: pageHistory(db, pageId, current.revision), ...(step.history && { step: step.history }) }, summaryChanged: false };
    }
    // The stored page was sound (every write is checked), so only what the patch touched is looked at.
    const problems = validateEdit(before, step.page, step.patch);
    if (problems.length) throw new GalleyError(step.refusal, `${step.why}: ${problems[0]}`);
    writePatch(db, pageId, before, step.page, step.patch);
    step.journal();
    committed = { revision: bumpRevision(db, pageId), annotation: step.page };
    return {
      outcome: { pageId, patch: step.patch, history: pageHistory(db, pageId, committed.revision), ...(step.history && { step: step.history }) },
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
