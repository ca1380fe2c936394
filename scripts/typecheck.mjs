// Type-checks every layer with its own tsconfig (lib/types differ per layer, so one program can't).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['app', 'main', 'main/electron', 'renderer', 'tests'];
let failed = false;
for (const p of projects) {
  try {
    execFileSync(process.execPath, [tsc, '-p', p, '--noEmit'], { stdio: 'inherit' });
  } catch {
    failed = true;
  }
}
if (failed) {
  console.error('typecheck failed');
  process.exit(1);
}
console.log(`typecheck ok (${projects.join(', ')})`);
