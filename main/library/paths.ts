import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

const APP_FOLDER = 'Galley';
const LIBRARY_FILE = 'library.db';

/**
 * Where the app keeps its library: Electron's userData folder for the product name, worked out
 * without Electron so the CLI and browser mode open the same file. GALLEY_DB overrides it.
 */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.GALLEY_DB) return env.GALLEY_DB;
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_FOLDER, LIBRARY_FILE);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER, LIBRARY_FILE);
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), APP_FOLDER, LIBRARY_FILE);
}
