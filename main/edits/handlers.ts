import type Database from 'better-sqlite3';
import type { ChannelsOf, HandlerContext, HandlersOf } from '../../app/rpc.js';
import { applyEditToPage, type EditBasis, type EditChange, redoEdit, rerunPage, toggleContinuation, undoEdit } from './edits.js';

/** Every change an editor makes to a page's annotation, and its undo and redo. */
export function editHandlers(db: Database.Database): HandlersOf<ChannelsOf<'edits'>> {
  return {
    'edits:apply': ({ pageId, op, ...b }, ctx) => announce(applyEditToPage(db, pageId, op, basisOf(b)), ctx),
    'edits:undo': ({ pageId, ...b }, ctx) => announce(undoEdit(db, pageId, basisOf(b)), ctx),
    'edits:redo': ({ pageId, ...b }, ctx) => announce(redoEdit(db, pageId, basisOf(b)), ctx),
    'edits:rerun': ({ pageId, ...b }, ctx) => announce(rerunPage(db, pageId, basisOf(b)), ctx),
    'edits:continuation': ({ pageId, articleId, ...b }, ctx) => announce(toggleContinuation(db, pageId, articleId, basisOf(b)), ctx),
  };
}

function basisOf({ basis, editor }: { basis?: number | undefined; editor?: string | undefined }): EditBasis {
  return { ...(basis !== undefined && { revision: basis }), ...(editor !== undefined && { editor }) };
}

/**
 * Other windows on the page hear of every committed change (their view updates; the caller's own
 * view already has it and ignores a revision it holds). The library tree reloads only when a
 * page's summary (article count, section) changed; a link touches the other part's page too, whose
 * windows learn it from the library's change (their badges and QA), not from their page's revision.
 */
function announce({ outcome, summaryChanged }: EditChange, ctx: HandlerContext) {
  ctx.emit('page:changed', { pageId: outcome.pageId, revision: outcome.history.revision });
  if (outcome.linksChanged) ctx.emit('library:changed', { reason: 'links' });
  else if (summaryChanged) ctx.emit('library:changed', { reason: 'edit' });
  return outcome;
}
