import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../app/export/index.js';
import { LATEST_SCHEMA_VERSION } from '../../store/migrations/index.js';
import { KAILI_DIR, KAILI_PAGE, PAGES_DIR } from '../../../tests/support/fixtures.js';
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

const corpusPages = () => readdirSync(KAILI_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(KAILI_DIR, f));

describe('galley import, check, export', () => {
  it('import the corpus, check the library and export it as JSON', () => {
    const db = join(tmp.dir, 'lib.db');
    const imported = galley('import', ...corpusPages(), '--db', db, '--publication', '凯里日报', '--date', '2021-01-06');
    expect(imported).toMatchObject({ code: 0, stdout: '1\n' });
    expect(imported.stderr).toMatch(/^galley import: publication 凯里日报 \(given\), date 2021-01-06 \(given\), first page /);

    const checked = galley('check', '--db', db);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('integrity: ok\n');
    expect(checked.stdout).toContain(`schema: ${LATEST_SCHEMA_VERSION} (this version reads up to ${LATEST_SCHEMA_VERSION})\n`);
    expect(checked.stdout).toMatch(/^pages: 1$/m);
    expect(checked.stdout).toMatch(/^lines: 429$/m);
    expect(checked.stdout).toMatch(/^spans: 64$/m);
    expect(checked.stdout).toMatch(/^unedited pages: 1 /m);

    const out = join(tmp.dir, 'out', 'json');
    const exported = galley('export', '--all', '--format', 'json', '--out', out, '--db', db);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(`${join(out, '凯里日报_2021-01-06_1.json')}\n`);
    const data = JSON.parse(readFileSync(join(out, '凯里日报_2021-01-06_1.json'), 'utf8'));
    expect(data.pages[0].rawText).toBe(readFileSync(KAILI_PAGE, 'utf8'));
    expect(data.pages[0].segmentation.source.sha256).toBe(data.pages[0].sha256);
    expect(galley('export', '--issue', '1', '--format', 'json', '--out', out, '--db', db).code).toBe(0);

    // For an archive: the METS file and the page's ALTO file, in a folder of the name.
    const archive = join(tmp.dir, 'out', 'archive');
    const mets = galley('export', '--issue', '1', '--format', 'mets', '--out', archive, '--db', db);
    const folder = join(archive, '凯里日报_2021-01-06_1');
    expect(mets).toMatchObject({ code: 0, stdout: `${join(folder, '凯里日报_2021-01-06_1.mets.xml')}\n${join(folder, '凯里日报_2021-01-06_1_p01.alto.xml')}\n` });
    expect(readFileSync(join(folder, '凯里日报_2021-01-06_1.mets.xml'), 'utf8')).toContain('xlink:href="%E5%87%AF%E9%87%8C%E6%97%A5%E6%8A%A5_2021-01-06_1_p01.alto.xml"');
  });

  it('use the default library when --db is not given', () => {
    expect(galley('import', KAILI_PAGE).code).toBe(0);
    expect(galley('check').stdout).toContain(`library: ${join(tmp.dir, 'default.db')}\n`);
  });

  it('list the files they could not import and still import the rest (exit 0), or exit 1 when none', () => {
    const db = join(tmp.dir, 'lib.db');
    writeFileSync(join(tmp.dir, 'empty.txt'), '');
    const partly = galley('import', KAILI_PAGE, join(tmp.dir, 'empty.txt'), '--db', db);
    expect(partly).toMatchObject({ code: 0, stdout: '1\n' });
    expect(partly.stderr.split('\n')[0]).toBe(`galley import: ${join(tmp.dir, 'empty.txt')}: empty file`);
    const none = galley('import', join(tmp.dir, 'empty.txt'), '--db', db);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr.trim().split('\n')).toEqual([`galley import: ${join(tmp.dir, 'empty.txt')}: empty file`, 'galley import: nothing imported']);
  });

  it('refuse bad input with one line and exit 1', () => {
    const notSqlite = join(tmp.dir, 'notes.db');
    writeFileSync(notSqlite, 'just text\n'.repeat(20));
    for (const args of [
      ['check', '--db', notSqlite],
      ['check', '--db', join(tmp.dir, 'missing.db')],
      ['import', KAILI_PAGE, '--db', notSqlite],
      ['export', '--issue', '5', '--format', 'json', '--out', tmp.dir, '--db', notSqlite],
    ]) {
      const res = galley(...args);
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
    }
    const db = join(tmp.dir, 'lib.db');
    galley('import', KAILI_PAGE, '--db', db);
    expect(galley('export', '--issue', '5', '--format', 'json', '--out', tmp.dir, '--db', db))
      .toMatchObject({ code: 1, stderr: 'galley export: no issue with id 5\n' });
  });

  it('answer usage mistakes with exit 2 and the usage', () => {
    for (const args of [
      ['import'],
      ['import', KAILI_PAGE, '--date', '6.1.2021'],
      ['import', KAILI_PAGE, '--colour', 'red'],
      ['export', '--all', '--out', tmp.dir],
      ['export', '--all', '--issue', '1', '--format', 'json', '--out', tmp.dir],
      ['export', '--all', '--format', 'json'],
      ['export', '--issue', 'x', '--format', 'json', '--out', tmp.dir],
      ['check', 'extra'],
    ]) {
      const res = galley(...args);
      expect([args.join(' '), res.code]).toEqual([args.join(' '), 2]);
      expect(res.stderr).toContain('usage: galley');
    }
    const xml = galley('export', '--all', '--format', 'xml', '--out', tmp.dir);
    expect(xml.code).toBe(2);
    expect(xml.stderr.split('\n')[0]).toBe(`galley export: --format xml is not one of ${EXPORT_FORMATS.join(', ')}`);
  });
});

describe('galley delete and restore', () => {
  it('delete a page into the trash, list the trash and restore it; bad ids are usage errors', () => {
    const db = join(tmp.dir, 'lib.db');
    expect(galley('import', KAILI_PAGE, '--db', db).code).toBe(0);
    expect(galley('delete', '--page', '1', '--db', db)).toMatchObject({ code: 0, stdout: 'deleted into the trash as entry 1; bin/galley restore 1 brings it back\n' });
    expect(galley('check', '--db', db).stdout).toMatch(/^pages: 0$/m);
    expect(galley('restore', '--db', db).stdout).toMatch(/^1\tpage\t1 page\(s\)\t\S+\t.*000_274485b1067f232e\.txt\n$/);
    expect(galley('restore', '1', '--db', db)).toMatchObject({ code: 0, stdout: 'restored as page 1 of issue 1\n' });
    expect(galley('check', '--db', db).stdout).toMatch(/^pages: 1$/m);
    expect(galley('restore', '--db', db).stdout).toBe('the trash is empty\n');
    expect(galley('delete', '--db', db)).toMatchObject({ code: 2 });
    expect(galley('delete', '--page', 'x', '--db', db).stderr).toContain('--page takes an id');
    expect(galley('delete', '--issue', '7', '--db', db)).toMatchObject({ code: 1, stderr: 'galley delete: no issue with id 7\n' });
  });

  it('purge deletes entries for good, by id or all of them; nothing is purged when one id is wrong', () => {
    const db = join(tmp.dir, 'lib.db');
    expect(galley('import', KAILI_PAGE, join(PAGES_DIR, 'en_chronam_1873.txt'), '--db', db).code).toBe(0);
    expect(galley('delete', '--page', '1', '--db', db).code).toBe(0);
    expect(galley('delete', '--page', '2', '--db', db).code).toBe(0);
    expect(galley('purge', '1', '9', '--db', db)).toMatchObject({ code: 1, stderr: 'galley purge: nothing in the trash with id 9\n' });
    expect(galley('purge', '1', '--db', db).stdout).toMatch(/^deleted for good: entry 1\tpage\t1 page\(s\)\t.*000_274485b1067f232e\.txt\n$/);
    expect(galley('restore', '1', '--db', db)).toMatchObject({ code: 1, stderr: 'galley restore: nothing in the trash with id 1\n' });
    expect(galley('purge', '--all', '--db', db).stdout).toMatch(/^deleted for good: entry 2\t/);
    expect(galley('restore', '--db', db).stdout).toBe('the trash is empty\n');
    expect(galley('purge', '--all', '--db', db).stdout).toBe('the trash is empty\n');
    expect(galley('purge', '--db', db)).toMatchObject({ code: 2 });
    expect(galley('purge', '1', '--all', '--db', db)).toMatchObject({ code: 2 });
    expect(galley('purge', '--help').stdout).toContain('usage: galley purge (ID... | --all) [--db FILE]');
  });
});
