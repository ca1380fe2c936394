import type { AppInfo } from '../../app/contract.js';
import type { HandlersOf } from '../../app/rpc.js';
import { movePage, updateIssue } from './issue-details.js';
import { getPage, type Library, libraryInfo, libraryTree } from './library.js';
import { deleteIssue, deletePage, emptyTrash, purgeFromTrash, restoreFromTrash, trashList } from './trash.js';

/** What the app is, and the library panel: its tree and one page with its history. */
export function libraryHandlers(
  lib: Library,
  mode: AppInfo['mode'],
  version: string,
): HandlersOf<'app:info' | 'library:tree' | 'pages:get' | 'library:issue:update' | 'library:page:move'
  | 'library:issue:delete' | 'library:page:delete' | 'library:trash' | 'library:restore' | 'library:purge'> {
  return {
    'app:info': () => ({ ...libraryInfo(lib), mode, version }),
    'library:tree': () => libraryTree(lib.db),
    'pages:get': ({ pageId }) => getPage(lib.db, pageId),
    'library:issue:update': ({ issueId, ...patch }, ctx) => {
      updateIssue(lib.db, issueId, patch);
      ctx.emit('library:changed', { reason: 'issue' });
      return null;
    },
    'library:page:move': ({ pageId, issueId, position }, ctx) => {
      movePage(lib.db, pageId, issueId, position);
      ctx.emit('library:changed', { reason: 'issue' });
      return null;
    },
    'library:issue:delete': ({ issueId }, ctx) => {
      const trashId = deleteIssue(lib.db, issueId);
      ctx.emit('library:changed', { reason: 'delete' });
      return { trashId };
    },
    'library:page:delete': ({ pageId }, ctx) => {
      const trashId = deletePage(lib.db, pageId);
      ctx.emit('library:changed', { reason: 'delete' });
      return { trashId };
    },
    'library:trash': () => trashList(lib.db),
    'library:restore': ({ trashId }, ctx) => {
      const restored = restoreFromTrash(lib.db, trashId);
      ctx.emit('library:changed', { reason: 'delete' });
      return restored;
    },
    // nothing in the library changes: the trash list is the caller's to reload
    'library:purge': (input, ctx) => {
      const gone = 'all' in input ? emptyTrash(lib.db) : [purgeFromTrash(lib.db, input.trashId)];
      ctx.emit('library:changed', { reason: 'delete' });
      return gone;
    },
  };
}
