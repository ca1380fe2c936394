// better-sqlite3 for two runtimes. `node`: make sure the copy in node_modules loads in this Node
// (tests, CLI, browser mode) and rebuild it from source only when it doesn't. `electron`: build a
// second copy for Electron's ABI into .native/electron-<abi>/, leaving the Node copy alone, so
// `npm test` right after `npm start` still works.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';

const root = join(import.meta.dirname, '..');
const target = process.argv[2];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, encoding: 'utf8' });
  return { ok: probe.status === 0, why: (probe.stderr || '').split('\n').find((l) => /Error|error/.test(l)) ?? '' };
}

if (target === 'node') {
  const first = loadsInNode();
  if (first.ok) process.exit(0);
  console.error(`better-sqlite3 does not load in Node ${process.version} (${first.why.trim()}); rebuilding it for Node…`);
  execFileSync(npm, ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
  const second = loadsInNode();
  if (!second.ok) {
    console.error(`better-sqlite3 still does not load after a rebuild: ${second.why.trim()}`);
    process.exit(1);
  }
} else if (target === 'electron') {
  const electronPkg = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
  const abi = readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim();
  const out = join(root, '.native', `electron-${abi}`);
  if (existsSync(join(out, 'better_sqlite3.node'))) process.exit(0);
  const work = join(root, '.native', 'build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const src = join(work, 'better-sqlite3');
  const pkgDir = join(root, 'node_modules/better-sqlite3');
  const nodeBuild = join(pkgDir, 'build');
  cpSync(pkgDir, src, { recursive: true, filter: (p) => p !== nodeBuild && !p.startsWith(nodeBuild + sep) });
  // Electron's headers come from its own server (node-gyp downloads them); the Node headers set up
  // for ordinary builds must not be used here.
  const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron', npm_config_target: electronPkg.version, npm_config_disturl: 'https://electronjs.org/headers' };
  const gyp = spawnSync(npm, ['exec', '--yes', '--', 'node-gyp', 'rebuild', '--release', `--target=${electronPkg.version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: src, env, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (gyp.status !== 0) {
    const reason = (gyp.stderr || '').split('\n').find((l) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|error/i.test(l)) ?? 'node-gyp failed';
    console.error(`Galley: could not build better-sqlite3 for Electron ${electronPkg.version} (${reason.trim()}). Electron's headers must be downloadable.`);
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  cpSync(join(src, 'build/Release/better_sqlite3.node'), join(out, 'better_sqlite3.node'));
  rmSync(work, { recursive: true, force: true });
} else {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}
