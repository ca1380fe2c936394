import type { AppInfo } from '../../app/contract.js';
import { GalleyError } from '../../app/errors.js';
import type { HandlerContext, Handlers } from '../../app/rpc.js';
import { guardStoreErrors } from '../store/errors.js';
import { applyEditToPage, type EditChange, redoEdit, rerunPage, undoEdit } from './edits.js';
import { exportIssueToFolder, renderIssueExport } from './export.js';
import { issueArticles } from './issue-articles.js';
import type { Library } from './library.js';
import { getArticleMetadata, issueQaReport, setArticleMetadata, suggestArticleMetadata } from './metadata.js';
import { autocomplete, searchLibrary } from './search.js';

/**
 * The handler table every transport serves (Electron IPC, browser-mode HTTP, in-process).
 * `satisfies Handlers` makes a call missing from this table a compile error.
 */
export function createHandlers(lib: Library, mode: AppInfo['mode'], version: string) {
  return guardStoreErrors(lib.path, {
    'app:info': () => ({ ...lib.info(), mode, version }),
    'library:tree': () => lib.tree(),
    'pages:get': ({ pageId }) => lib.getPage(pageId),
    'import:files': async ({ files, options }, ctx) => {
      const report = await lib.importFiles(
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        options,
        (p) => ctx.emit('import:progress', p),
      );
      ctx.emit('library:changed', { reason: 'import' });
      return report;
    },
    'import:paths': async ({ paths, options }, ctx) => {
      const report = await lib.importPaths(paths, options, (p) => ctx.emit('import:progress', p));
      ctx.emit('library:changed', { reason: 'import' });
      return report;
    },
    'edits:apply': ({ pageId, op }, ctx) => announce(applyEditToPage(lib, pageId, op), ctx),
    'edits:undo': ({ pageId }, ctx) => announce(undoEdit(lib, pageId), ctx),
    'edits:redo': ({ pageId }, ctx) => announce(redoEdit(lib, pageId), ctx),
    'edits:rerun': ({ pageId }, ctx) => announce(rerunPage(lib, pageId), ctx),
    'issues:articles': ({ issueId }) => issueArticles(lib, issueId),
    'articles:meta:get': ({ pageId, articleId }) => getArticleMetadata(lib.db, pageId, articleId),
    'articles:meta:set': ({ pageId, articleId, patch }) => setArticleMetadata(lib.db, pageId, articleId, patch),
    'articles:suggest': ({ pageId, articleId }) => suggestArticleMetadata(lib.db, pageId, articleId),
    'issues:qa': ({ issueId }) => issueQaReport(lib.db, issueId),
    'library:search': ({ q, kind, limit }) => searchLibrary(lib.db, q, kind, limit),
    'library:autocomplete': ({ field, prefix, limit }) => autocomplete(lib.db, field, prefix, limit),
    'export:issue': ({ issueId, format, outDir }, ctx) => ({
      files: exportIssueToFolder(lib.db, issueId, format, outDir, (p) => ctx.emit('export:progress', { issueId, ...p })),
    }),
    // Only the Electron main process can ask the user for a folder; it answers this call itself.
    'export:toFolder': () => {
      throw new GalleyError('UNSUPPORTED', 'exporting to a folder needs the desktop app; here the files are downloaded');
    },
    'export:issueArchive': ({ issueId, format }, ctx) => renderIssueExport(lib.db, issueId, format, (p) => ctx.emit('export:progress', { issueId, ...p })),
  } satisfies Handlers);
}

/** The library tree shows each page's article count and section: it is told to reload only when those changed. */
function announce({ outcome, summaryChanged }: EditChange, ctx: HandlerContext) {
  if (summaryChanged) ctx.emit('library:changed', { reason: 'edit' });
  return outcome;
}
