import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The command as a user runs it. */
export const GALLEY = fileURLToPath(new URL('../../bin/galley', import.meta.url));

/**
 * Runs `bin/galley` as a user would, with `dir/default.db` as the default library (GALLEY_DB keeps
 * the app's real library out of reach) and stack traces off.
 */
export function runGalley(dir: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const res = spawnSync(GALLEY, args, { encoding: 'utf8', env: { ...process.env, GALLEY_DB: join(dir, 'default.db'), GALLEY_DEBUG: '' } });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
