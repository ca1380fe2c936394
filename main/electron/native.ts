import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 compiled for Electron's ABI. In development it lives beside the Node build
 * (scripts/native.mjs puts it in .native/), so tests and the CLI keep theirs; a packaged app
 * carries one rebuilt by electron-builder and needs no override.
 */
export function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const built = join(app.getAppPath(), '.native', `electron-${process.versions.modules}`, 'better_sqlite3.node');
  return existsSync(built) ? built : undefined;
}
