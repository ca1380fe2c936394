import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule is what keeps the app portable across Electron, browser mode and the CLI:
// prove that crossing a layer is an error, not a convention.
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['app/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['app/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['app/x.ts', "import { openLibrary } from '../main/library/library.js';\nexport const o = openLibrary;\n"],
    ['main/store/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['main/import/x.ts', "import { useStore } from '../../renderer/src/store/index.js';\nexport const u = useStore;\n"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['renderer/src/x.ts', "import { openLibrary } from '../../main/library/library.js';\nexport const o = openLibrary;\n"],
    ['main/store/x.ts', "import { tempDir } from '../../tests/support/temp-dir.js';\nexport const t = tempDir;\n"],
    ['app/edits/x.ts', "import { pageOf } from '../../tests/support/pages.js';\nexport const p = pageOf;\n"],
  ])('%s may not import that', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['main/store/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['renderer/src/x.ts', "import { contract } from '../../app/contract.js';\nexport const c = contract;\n"],
    ['app/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    ['main/store/x.test.ts', "import { tempDir } from '../../tests/support/temp-dir.js';\nexport const t = tempDir;\n"],
  ])('%s may import that', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
