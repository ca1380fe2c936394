import { basename } from 'node:path';
import { GalleyError } from '../../../app/errors.js';
import { openLibrary } from '../../library/library.js';
import { backupDir, checkBackups, listBackups } from '../../store/backup.js';
import { defaultLibraryPath } from '../../library/paths.js';
import { type Command, EXIT, parseOptions, UsageError } from '../io.js';
import { checkIntegrity } from '../../store/integrity.js';

export const command: Command = {
  summary: "check a library's integrity; print its schema version, row counts and backups",
  usage: [
    'usage: galley check [--db FILE] [--backups]',
    '',
    "  --db FILE   the library (default: the app's library; GALLEY_DB overrides)",
    '  --backups   also check the integrity of every backup in FILE.backups/',
    '',
    'Exits 1 when the integrity check finds a problem.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, { db: { type: 'string' }, backups: { type: 'boolean' } }, false);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const path = values.db ?? defaultLibraryPath();
    let lib;
    try {
      lib = openLibrary(path, { mustExist: true });
    } catch (err) {
      // a library that cannot be opened still has its backups to list and check
      if (!(err instanceof GalleyError) || !listBackups(path).length) throw err;
      console.error(`galley check: ${err.message}`);
      console.log(`library: ${path} (not opened)`);
      if (values.backups) reportBackupChecks(path);
      else reportBackups(path);
      return EXIT.badInput;
    }
    try {
      const report = checkIntegrity(lib.db);
      const problems = [...report.integrity.filter((line) => line !== 'ok'), ...report.foreignKeys, ...report.annotations, ...(report.search === 'ok' ? [] : [report.search])];
      console.log(`library: ${lib.path}`);
      console.log(`integrity: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
      for (const problem of problems) console.log(`  ${problem}`);
      console.log(`schema: ${report.schemaVersion} (this version reads up to ${report.latestSchemaVersion})`);
      for (const [table, count] of Object.entries(report.counts)) console.log(`${table}: ${count}`);
      console.log(`unedited pages: ${report.uneditedPages} (stored as the engine proposed them until their first edit)`);
      const backupsOk = values.backups ? reportBackupChecks(lib.path) : reportBackups(lib.path);
      return report.ok && backupsOk ? EXIT.ok : EXIT.badInput;
    } finally {
      lib.close();
    }
  },
};

function reportBackups(libraryPath: string): boolean {
  const backups = listBackups(libraryPath);
  const newest = backups[0];
  console.log(newest
    ? `backups: ${backups.length} in ${backupDir(libraryPath)} (newest ${newest.takenAt}, ${newest.kind})`
    : `backups: none yet in ${backupDir(libraryPath)}`);
  return true;
}

function reportBackupChecks(libraryPath: string): boolean {
  reportBackups(libraryPath);
  const checks = checkBackups(libraryPath);
  for (const c of checks) {
    const schema = c.schemaVersion === null ? '' : ` (schema ${c.schemaVersion})`;
    console.log(`  ${basename(c.file)}: ${c.integrity}${schema}`);
  }
  return checks.every((c) => c.integrity === 'ok');
}
