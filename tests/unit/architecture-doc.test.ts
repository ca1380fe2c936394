import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/ARCHITECTURE.md is the map a newcomer trusts: every path it names must be in the tree, so a
// move that forgets the map fails here instead of misleading the next reader.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
/** The doc without the "files before this layout" column, which names the old tree on purpose. */
const NOW = DOC.split('\n')
  .map((line) => (line.startsWith('| **') && line.split(' | ').length === 3 ? line.split(' | ').filter((_, i) => i !== 1).join(' | ') : line))
  .join('\n');

/** Backticked repo paths (`main/store/`, `app/edits/ops.ts`), without placeholders like `<format>` or `NNN`. */
function namedPaths(doc: string): string[] {
  const out = new Set<string>();
  for (const [, raw] of doc.matchAll(/`([^`\s]+)`/g)) {
    const p = raw!.replace(/[,.;:]$/, '');
    if (/[<>*{}$…]|NNN|\.\.\//.test(p)) continue;
    if (!/^(app|main|renderer|tests|docs|scripts|schemas|bin)\//.test(p)) continue;
    out.add(p);
  }
  return [...out];
}

describe('docs/ARCHITECTURE.md', () => {
  it('names only paths that exist', () => {
    const missing = namedPaths(NOW).filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('lists every renderer folder, and only those (styles/ holds the shared tokens only)', () => {
    const section = DOC.slice(DOC.indexOf('## Renderer'));
    const listed = [...section.matchAll(/^\| `([a-z0-9-]+)\/` \|/gm)].map((m) => m[1]).sort();
    const folders = readdirSync(join(ROOT, 'renderer/src')).filter((f) => statSync(join(ROOT, 'renderer/src', f)).isDirectory() && f !== 'styles').sort();
    expect(listed).toEqual(folders);
  });
});
