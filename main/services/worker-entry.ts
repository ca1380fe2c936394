// The library's own thread: opens the library, answers calls through the handler table and
// forwards each call's events, so no SQLite work ever runs on the thread that hosts it.
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch, type HandlerContext } from '../../app/rpc.js';
import { toErrorPayload } from '../../app/errors.js';
import { createHandlers } from './handlers.js';
import { openLibrary } from './library.js';
import { importBundledSampleIfEmpty } from './sample.js';
import type { HostMessage, WorkerMessage, WorkerOptions } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('worker-entry runs as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);
const options = workerData as WorkerOptions;

try {
  const lib = openLibrary(options.libraryPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  if (options.sampleDir) await importBundledSampleIfEmpty(lib, options.sampleDir);
  const handlers = createHandlers(lib, options.mode, options.version);
  port.on('message', (message: HostMessage) => {
    if (message.type === 'close') {
      lib.close();
      port.close();
      return;
    }
    const { id, channel, input } = message;
    const ctx: HandlerContext = { emit: (name, payload) => post({ type: 'event', id, name, payload }) };
    void dispatch(handlers, channel, input, ctx).then((result) => post({ type: 'result', id, result }));
  });
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'failed', error: toErrorPayload(err) });
}
