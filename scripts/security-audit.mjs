// `npm test` step: Electronegativity over the Electron shell, the preload and the renderer.
// Fails on any HIGH or MEDIUM finding that security/electronegativity-accepted.json does not
// list with a reason, and on an accepted entry that no longer matches anything (so the list
// shrinks when a finding is fixed).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const accepted = JSON.parse(readFileSync(join(root, 'security/electronegativity-accepted.json'), 'utf8'));

// What ships to the user and talks to Electron; tests are left out, they never run in the app.
const SCANNED = ['main/electron', 'renderer/index.html', 'renderer/src'];
// Looks up Electron's release list on the internet; `npm outdated` tells the same offline-free.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const GATING = new Set(['HIGH', 'MEDIUM']);

const stage = mkdtempSync(join(tmpdir(), 'galley-audit-'));
try {
  for (const path of SCANNED) {
    cpSync(join(root, path), join(stage, path), { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) });
  }
  const result = await quietly(() =>
    electronegativity({
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
    }),
  );
  const unparsed = result.errors.filter((e) => !e.tolerable);
  const findings = result.issues
    .filter((i) => GATING.has(i.severity.name))
    .map((i) => ({ id: i.id, file: toRepoPath(i.file), line: i.location?.line ?? 0, severity: i.severity.name, description: i.description }));

  const used = new Set();
  const open = findings.filter((f) => {
    const hit = accepted.findIndex((a) => a.check === f.id && a.file === f.file);
    if (hit >= 0) used.add(hit);
    return hit < 0;
  });
  const stale = accepted.filter((_, i) => !used.has(i));

  console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} high/medium finding(s), ${findings.length - open.length} accepted`);
  for (const f of findings) if (!open.includes(f)) console.log(`  accepted  ${f.id} ${f.file}:${f.line}`);
  for (const f of open) console.error(`  OPEN      ${f.severity} ${f.id} ${f.file}:${f.line} — ${f.description}`);
  for (const a of stale) console.error(`  STALE     ${a.check} ${a.file}: accepted but no longer found; remove it from the list`);
  for (const e of unparsed) console.error(`  UNPARSED  ${toRepoPath(e.file)}: ${e.message}`);
  if (open.length || stale.length || unparsed.length) process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function toRepoPath(file) {
  const rel = file.startsWith(stage) ? relative(stage, file) : file;
  return rel.split(sep).join('/');
}

/** The tool logs progress and a translations lookup to stdout; keep the report readable. */
async function quietly(fn) {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}
