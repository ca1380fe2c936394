import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyPublicationProfile, learnFromPage } from '../../../app/engine/index.js';
import { JINGBAO_PAGES, jingbaoPage } from '../../../tests/support/gold-fixes.js';
import { runGalley } from '../../../tests/support/cli.js';
import { tempDir } from '../../../tests/support/temp-dir.js';


let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir(); });
afterEach(() => tmp.cleanup());

function galley(...args: string[]) {
  const res = runGalley(tmp.dir, ...args);
  expect(res.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  return res;
}

describe('galley profile', () => {
  it("imports, shows, exports and resets a publication's profile; a bad file or an unknown paper is one line on stderr", () => {
    const db = join(tmp.dir, 'lib.db');
    const page = jingbaoPage(JINGBAO_PAGES[0]);
    expect(galley('import', page.file, '--db', db, '--publication', '晶報').code).toBe(0);
    expect(galley('profile', 'show', '--publication', '晶報', '--db', db)).toMatchObject({ code: 0, stdout: '晶報: learned from 0 page(s)\n' });

    const file = join(tmp.dir, 'jingbao.json');
    const profile = learnFromPage(emptyPublicationProfile(), page.lines, page.gold);
    writeFileSync(file, JSON.stringify(profile));
    expect(galley('profile', 'import', '--publication', '晶報', '--file', file, '--db', db)).toMatchObject({ code: 0, stdout: '晶報: learned from 1 page(s) (started from an imported profile)\n' });
    const out = join(tmp.dir, 'out.json');
    expect(galley('profile', 'export', '--publication', '晶報', '--file', out, '--db', db).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(profile);

    writeFileSync(file, '{"version": 1}');
    expect(galley('profile', 'import', '--publication', '晶報', '--file', file, '--db', db)).toMatchObject({ code: 1, stderr: expect.stringContaining('not a publication profile') });
    expect(galley('profile', 'show', '--publication', '其他', '--db', db)).toMatchObject({ code: 1, stderr: expect.stringContaining("no publication called '其他'") });
    expect(galley('profile', 'learn', '--publication', '晶報', '--db', db).code).toBe(2);
    expect(galley('profile', 'reset', '--publication', '晶報', '--db', db)).toMatchObject({ code: 0, stdout: '晶報: learned from 0 page(s)\n' });
  });
});
