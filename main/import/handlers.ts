import type Database from 'better-sqlite3';
import type { ChannelsOf, HandlersOf } from '../../app/rpc.js';
import { GalleyError } from '../../app/errors.js';
import { getPageImage, getPageSource, getPdfBytes } from '../store/page-sources.js';
import { guessIssue, guessPaths, importFiles, importPaths } from './import.js';

/** Pages come in as uploaded bytes (a page's button) or as paths (the menu, the CLI); a page's printed form goes back out. */
export function importHandlers(db: Database.Database): HandlersOf<ChannelsOf<'import'>> {
  return {
    'import:files': async ({ files, options }, ctx) => {
      const report = await importFiles(db, files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })), options,
        (p) => ctx.emit('import:progress', p));
      ctx.emit('library:changed', { reason: 'import' });
      return report;
    },
    'import:guess': ({ files }) => guessIssue(files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }))),
    'import:guessPaths': ({ paths }) => guessPaths(paths),
    // Only the Electron main process holds what its menu picked; it answers this call itself.
    'import:picked': () => {
      throw new GalleyError('UNSUPPORTED', 'importing files picked by path needs the desktop app; here pages are uploaded');
    },
    'import:paths': async ({ paths, options }, ctx) => {
      const report = await importPaths(db, paths, options, (p) => ctx.emit('import:progress', p));
      ctx.emit('library:changed', { reason: 'import' });
      return report;
    },
    'import:pageSource': ({ pageId }) => getPageSource(db, pageId),
    'import:sourcePdf': ({ sourceId }) => {
      const bytes = getPdfBytes(db, sourceId);
      if (!bytes) throw new GalleyError('NOT_FOUND', `no PDF with id ${sourceId}`);
      return { base64: bytes.toString('base64') };
    },
    'import:pageImage': ({ pageId }) => {
      const image = getPageImage(db, pageId);
      if (!image) throw new GalleyError('NOT_FOUND', `page ${pageId} has no scan`);
      return { mime: image.mime, base64: image.bytes.toString('base64') };
    },
  };
}
