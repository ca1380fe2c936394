import type { AppInfo } from '../../app/contract.js';
import type { HandlersOf } from '../../app/rpc.js';
import { movePage, updateIssue } from './issue-details.js';
import { getPage, type Library, libraryInfo, libraryTree } from './library.js';

/** What the app is, and the library panel: its tree and one page with its history. */
export function libraryHandlers(
  lib: Library,
  mode: AppInfo['mode'],
  version: string,
): HandlersOf<'app:info' | 'library:tree' | 'pages:get' | 'library:issue:update' | 'library:page:move'> {
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
  };
}
