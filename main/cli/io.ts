import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GalleyError } from '../../app/errors.js';

/** Exit codes of every command: 0 ok, 1 bad input (one line on stderr), 2 usage. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export class UsageError extends Error {}

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** parseArgs that turns unknown or malformed options into a UsageError (exit 2). */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function fail(message: string): never {
  throw new GalleyError('BAD_INPUT', message);
}
