// `npm start`: the Electron app. Electron's binary is downloaded on first use; where that is
// impossible (no access to its download server) this says so in one line and points to browser mode.
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

let binary = electronBinary();
if (!binary) {
  console.log('Galley: downloading Electron (first start only)…');
  const install = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000 });
  binary = install.status === 0 ? electronBinary() : null;
  if (!binary) {
    const why = `${install.stderr ?? ''}${install.error?.message ?? ''}`.split('\n').find((l) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|Error/.test(l)) ?? 'download failed';
    console.error(`Galley: Electron's binary could not be downloaded (${why.trim()}). Run \`npm run web\` to use Galley in your browser instead.`);
    process.exit(1);
  }
}

const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(process.execPath, [join(root, 'scripts/native.mjs'), 'electron']);
step(process.execPath, [join(root, 'scripts/build.mjs')]);

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 0));
