import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventName, Events } from '../../app/contract.js';
import { GalleyError, type Result } from '../../app/errors.js';
import { type Caller, type HandlerContext, type RawCaller, typedCaller } from '../../app/rpc.js';
import type { HostMessage, WorkerMessage, WorkerOptions } from './protocol.js';

export type { WorkerOptions } from './protocol.js';


export interface LibraryWorker {
  /** Resolves once the library is open in the worker; rejects with the reason it could not be opened. */
  ready: Promise<void>;
  /** A page's call, passed on as it came: the worker parses its input. */
  forward: RawCaller;
  /** A call main makes itself, typed through the contract. */
  call: Caller;
  /** Ends the thread at once, as a crash would (a hung worker; the tests' crash): calls in flight fail, a new worker starts. */
  kill(): Promise<void>;
  /** Closes the library and ends the worker. */
  close(): Promise<void>;
}

interface Pending {
  channel: string;
  ctx: HandlerContext;
  resolve(result: Result<unknown>): void;
}

/**
 * Runs the library (handler table and better-sqlite3) in a worker thread, so an import or an edit
 * never holds the thread that hosts it (Electron's main process) for a frame or more. A worker
 * that dies answers its calls in flight with one INTERNAL error and is started again; one that
 * cannot open the library is not, and every call gets the reason instead.
 */
export function startLibraryWorker(options: WorkerOptions): LibraryWorker {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closing = false;
  /** Set once a worker has opened the library: only then is a dead worker worth starting again. */
  let opened = false;
  let worker: Worker;
  let ready: Promise<void>;
  let exited: Promise<void>;

  const spawn = () => {
    worker = newWorker(options);
    const current = worker;
    exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    ready = new Promise<void>((resolve, reject) => {
      current.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'failed') reject(new GalleyError(message.error.code, message.error.message));
        else if (message.type === 'event') pending.get(message.id)?.ctx.emit(message.name as EventName, message.payload as Events[EventName]);
        else {
          pending.get(message.id)?.resolve(message.result);
          pending.delete(message.id);
        }
      });
      current.on('error', (err) => stopped(current, err.message, reject));
      current.on('exit', (code) => stopped(current, `exit code ${code}`, reject));
    });
    // A rejection is answered to every call; it must not also surface as an unhandled one.
    ready.catch(() => undefined);
  };

  const stopped = (which: Worker, why: string, reject: (err: Error) => void) => {
    if (which !== worker) return;
    reject(new GalleyError('INTERNAL', `the library worker stopped before the library opened (${why})`));
    for (const [id, call] of pending) {
      pending.delete(id);
      const restarting = !closing && opened ? ' and was restarted' : '';
      call.resolve({ ok: false, error: { code: 'INTERNAL', message: `the library worker stopped during ${call.channel} (${why})${restarting}; check whether the change was saved` } });
    }
    if (!closing && opened) spawn();
  };

  spawn();
  void ready!.then(() => { opened = true; }, () => undefined);

  const forward: RawCaller = async (channel, input, ctx) => {
    try {
      await ready;
    } catch (err) {
      return { ok: false, error: { code: err instanceof GalleyError ? err.code : 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
    }
    const id = nextId++;
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, { channel, ctx, resolve });
      try {
        post(worker, { type: 'call', id, channel, input });
      } catch (err) {
        // Input that cannot be copied to another thread (a function, a symbol) is not a call's input either.
        pending.delete(id);
        resolve({ ok: false, error: { code: 'BAD_INPUT', message: `${channel}: ${err instanceof Error ? err.message : String(err)}` } });
      }
    });
  };

  return {
    get ready() {
      return ready;
    },
    forward,
    call: typedCaller(forward),
    async kill() {
      await worker.terminate();
    },
    async close() {
      closing = true;
      post(worker, { type: 'close' });
      await exited;
    },
  };
}

function post(worker: Worker, message: HostMessage): void {
  worker.postMessage(message);
}

/**
 * From the electron-vite bundle the entry is worker.js beside this file's bundle; from source
 * (tests, the CLI, browser mode) it is the TypeScript file, loaded through tsx as the rest is.
 */
function newWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('../services/worker.js', import.meta.url), { workerData: options });
  // tsx's ESM API (its exports' './esm/api' import target), registered in the worker before the
  // entry is imported: a worker's execArgv does not apply --import hooks to its own entry.
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./entry.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: options });
}
