import { openLibrary } from '../../services/library.js';
import { defaultLibraryPath } from '../../services/paths.js';
import { type Command, EXIT, parseOptions, UsageError } from '../io.js';

export const command: Command = {
  summary: "check a library's integrity; print its schema version and row counts",
  usage: [
    'usage: galley check [--db FILE]',
    '',
    "  --db FILE   the library (default: the app's library; GALLEY_DB overrides)",
    '',
    'Exits 1 when the integrity check finds a problem.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, { db: { type: 'string' } }, false);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const lib = openLibrary(values.db ?? defaultLibraryPath(), { mustExist: true });
    try {
      const report = lib.check();
      const problems = [...report.integrity.filter((line) => line !== 'ok'), ...report.foreignKeys, ...report.annotations, ...(report.search === 'ok' ? [] : [report.search])];
      console.log(`library: ${lib.path}`);
      console.log(`integrity: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
      for (const problem of problems) console.log(`  ${problem}`);
      console.log(`schema: ${report.schemaVersion} (this version reads up to ${report.latestSchemaVersion})`);
      for (const [table, count] of Object.entries(report.counts)) console.log(`${table}: ${count}`);
      return report.ok ? EXIT.ok : EXIT.badInput;
    } finally {
      lib.close();
    }
  },
};
