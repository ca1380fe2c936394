// `npm start`: the Electron app. Electron's binary is downloaded on first use; where that is
// impossible (no access to its download server, or to the headers better-sqlite3 is built against
// for Electron), this says so in one line and starts browser mode instead, so `npm start` always
// opens Galley.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}

const run = (cmd, args, options = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
const step = (cmd, args) => {
  const r = run(cmd, args);
  if (r.status !== 0) process.exit(r.status ?? 1);
};
/** Runs `child` to its end and exits with its code; Ctrl+C reaches it through the shared terminal. */
const hand = (child) => child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/** Browser mode, as `npm run web` starts it: it prints the address to open. */
function browserMode(why) {
  console.error(`Galley: ${why}; starting browser mode instead (as \`npm run web\` does).`);
  step(process.execPath, [join(root, 'scripts/build.mjs')]);
  step(process.execPath, [join(root, 'scripts/native.mjs'), 'node']);
  hand(spawn(process.execPath, ['--import', 'tsx', join(root, 'main/web/serve.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }));
}

let binary = electronBinary();
if (!binary) {
  console.log('Galley: downloading Electron (first start only)…');
  const install = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000 });
  binary = install.status === 0 ? electronBinary() : null;
  if (!binary) {
    const why = `${install.stderr ?? ''}${install.error?.message ?? ''}`.split('\n').find((l) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|Error/.test(l)) ?? 'download failed';
    browserMode(`Electron's binary could not be downloaded (${why.trim()})`);
  }
}

if (binary) {
  // Its own message says why (Electron's headers not downloadable); browser mode needs only Node's build.
  if (run(process.execPath, [join(root, 'scripts/native.mjs'), 'electron']).status !== 0) {
    browserMode('better-sqlite3 could not be built for Electron');
  } else {
    step(process.execPath, [join(root, 'scripts/build.mjs')]);
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    hand(spawn(binary, [root], { cwd: root, stdio: 'inherit', env }));
  }
}
