import type { AppInfo } from '../../app/contract.js';
import type { ErrorPayload, Result } from '../../app/errors.js';

/** What the library worker is started with (structured-cloned into it). */
export interface WorkerOptions {
  libraryPath: string;
  mode: AppInfo['mode'];
  version: string;
  /** better-sqlite3 built for this runtime's ABI, when not the package's own. */
  nativeBinding?: string;
  /** Where the bundled sample lives, to import it into an empty library on open. */
  sampleDir?: string;
}

export type HostMessage = { type: 'call'; id: number; channel: string; input: unknown } | { type: 'close' };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorPayload }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; id: number; name: string; payload: unknown };
