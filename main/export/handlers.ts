import type Database from 'better-sqlite3';
import { GalleyError } from '../../app/errors.js';
import type { ChannelsOf, HandlersOf } from '../../app/rpc.js';
import { exportIssueToFolder, renderIssueExport } from './export.js';

/** An issue written to a folder on this machine (menu, CLI) or handed back as files (a page's download). */
export function exportHandlers(db: Database.Database): HandlersOf<ChannelsOf<'export'>> {
  return {
    'export:issue': ({ issueId, format, outDir }, ctx) => ({
      files: exportIssueToFolder(db, issueId, format, outDir, (p) => ctx.emit('export:progress', { issueId, ...p })),
    }),
    // Only the Electron main process can ask the user for a folder; it answers this call itself.
    'export:toFolder': () => {
      throw new GalleyError('UNSUPPORTED', 'exporting to a folder needs the desktop app; here the files are downloaded');
    },
    'export:issueArchive': ({ issueId, format }, ctx) => renderIssueExport(db, issueId, format, (p) => ctx.emit('export:progress', { issueId, ...p })),
  };
}
