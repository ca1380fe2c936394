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
}

/** The real browser-mode server on a fresh library, so every run starts from the first-start state. */
export async function startGalley(): Promise<GalleyServer> {
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) {
    throw new Error('the renderer is not built: run `npx electron-vite build` first');
  }
  const dir = mkdtempSync(join(tmpdir(), 'galley-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/serve.ts', '--db', join(dir, 'library.db'), '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await exited(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    return { url: await readyUrl(child), stop };
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

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
