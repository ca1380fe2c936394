// The library's own thread: opens the library, answers calls through the handler table and
// forwards each call's events, so no SQLite work ever runs on the thread that hosts it.
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch, type HandlerContext } from '../../app/rpc.js';
import { toErrorPayload } from '../../app/errors.js';
import { createHandlers } from '../handlers.js';
import { openLibrary } from '../library/library.js';
import { importBundledSampleIfEmpty } from '../import/sample.js';
import { refreshSearchIndex } from '../search/search.js';
import type { HostMessage, WorkerMessage, WorkerOptions } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('main/worker/entry.ts runs as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);
const options = workerData as WorkerOptions;
/**
 * Search indexing runs here in slices while no call is in flight: an import is done once its pages
 * are editable, and a call arriving during a slice waits at most this long (and one page).
 */
const INDEX_SLICE_MS = 15;

try {
  const lib = openLibrary(options.libraryPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  if (options.sampleDir) await importBundledSampleIfEmpty(lib.db, options.sampleDir);
  const handlers = createHandlers(lib, options.mode, options.version);
  let inFlight = 0;
  let indexing: NodeJS.Timeout | null = null;
  const indexInBackground = () => {
    indexing ??= setTimeout(() => {
      indexing = null;
      if (inFlight > 0) return; // the call's end schedules the next slice
      try {
        if (refreshSearchIndex(lib.db, INDEX_SLICE_MS) > 0) indexInBackground();
      } catch {
        // Left to the next search, which indexes before it answers and reports what fails.
      }
    });
  };
  port.on('message', (message: HostMessage) => {
    if (message.type === 'close') {
      if (indexing) clearTimeout(indexing);
      lib.close();
      port.close();
      return;
    }
    const { id, channel, input } = message;
    const ctx: HandlerContext = { emit: (name, payload) => post({ type: 'event', id, name, payload }) };
    inFlight++;
    void dispatch(handlers, channel, input, ctx).then((result) => {
      inFlight--;
      post({ type: 'result', id, result });
      indexInBackground();
    });
  });
  post({ type: 'ready' });
  indexInBackground();
} catch (err) {
  post({ type: 'failed', error: toErrorPayload(err) });
}
