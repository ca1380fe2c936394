import type Database from 'better-sqlite3';
import type { ChannelsOf, HandlerContext, HandlersOf } from '../../app/rpc.js';
import { applyEditToPage, type EditChange, redoEdit, rerunPage, undoEdit } from './edits.js';

/** Every change an editor makes to a page's annotation, and its undo and redo. */
export function editHandlers(db: Database.Database): HandlersOf<ChannelsOf<'edits'>> {
  return {
    'edits:apply': ({ pageId, op }, ctx) => announce(applyEditToPage(db, pageId, op), ctx),
    'edits:undo': ({ pageId }, ctx) => announce(undoEdit(db, pageId), ctx),
    'edits:redo': ({ pageId }, ctx) => announce(redoEdit(db, pageId), ctx),
    'edits:rerun': ({ pageId }, ctx) => announce(rerunPage(db, pageId), ctx),
  };
}

/** The library tree shows each page's article count and section: it is told to reload only when those changed. */
function announce({ outcome, summaryChanged }: EditChange, ctx: HandlerContext) {
  if (summaryChanged) ctx.emit('library:changed', { reason: 'edit' });
  return outcome;
}
