import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY = /^Galley is ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m;

export interface GalleyServer {
  url: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a power cut would end it: no shutdown code runs. The library stays. */
  kill(): Promise<void>;
}

/**
 * The real browser-mode server on a fresh library, so every run starts from the first-start state;
 * or on `library`, a file the caller owns and keeps (to start again on it after a kill).
 */
export async function startGalley(library?: string): Promise<GalleyServer> {
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) {
    throw new Error('the renderer is not built: run `npx electron-vite build` first');
  }
  const dir = library === undefined ? mkdtempSync(join(tmpdir(), 'galley-e2e-')) : null;
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/serve.ts', '--db', library ?? join(dir!, 'library.db'), '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await exited(child);
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  const kill = () => exited(child, 'SIGKILL');
  try {
    return { url: await readyUrl(child), stop, kill };
  } catch (err) {
    await stop();
    throw err;
  }
}

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(`no ready line within 30 s`), 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`galley web: ${why}\n${err.trim()}`));
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const ready = READY.exec(out);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('exit', (code) => fail(`exited with code ${code} before it was ready`));
  });
}

function exited(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
