// `npm run web`: Galley in the browser. Prints one line `Galley is ready at <url>` (the url carries the token).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { watchOtherWriters } from '../edits/other-writers.js';
import { createHandlers } from '../handlers.js';
import { openLibrary } from '../library/library.js';
import { defaultLibraryPath } from '../library/paths.js';
import { importBundledSampleIfEmpty } from '../import/sample.js';
import { startWebServer } from './server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' }, 'no-sample': { type: 'boolean' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not '${values.port}'`);
  const dbPath = values.db ?? defaultLibraryPath();
  const library = openLibrary(dbPath);
  if (!values['no-sample']) await importBundledSampleIfEmpty(library.db, join(root, 'assets', 'sample'));
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const web = await startWebServer({ handlers: createHandlers(library, 'browser', version), staticDir: join(root, 'out', 'renderer'), port });
  // Another window's server on the same library: its edits reach this one's pages live.
  const otherWriters = watchOtherWriters(library.db, (changed) => {
    web.emit('page:changed', changed);
    web.emit('library:changed', { reason: 'edit' });
  }, () => web.emit('library:changed', { reason: 'import' }));
  const watching = setInterval(otherWriters, 500);
  watching.unref();
  console.log(`Galley is ready at ${web.url}`);
  console.error(`library: ${dbPath} · stop with Ctrl+C`);
  const stop = () => {
    clearInterval(watching);
    void web.close().then(() => {
      library.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`galley web: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
