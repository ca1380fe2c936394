import { EXPORT_FORMATS, type ExportFormat, writeIssueExport } from '../../services/export.js';
import { openLibrary } from '../../services/library.js';
import { defaultLibraryPath } from '../../services/paths.js';
import { type Command, EXIT, parseOptions, UsageError } from '../io.js';

export const command: Command = {
  summary: 'export issues as files (json: everything, with provenance)',
  usage: [
    'usage: galley export (--issue ID | --all) --format json --out DIR [--db FILE]',
    '',
    '  --issue ID      the issue to export (see the id `galley import` printed)',
    '  --all           every issue in the library',
    `  --format FMT    supported now: ${EXPORT_FORMATS.join(', ')}`,
    '  --out DIR       folder for the files (created); one <publication>_<date>_<issue>.json per issue',
    "  --db FILE       the library (default: the app's library; GALLEY_DB overrides)",
    '',
    'Prints the path of every file written.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      issue: { type: 'string' }, all: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' },
    }, false);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if ((values.issue === undefined) === !values.all) throw new UsageError('give either --issue ID or --all');
    if (values.format === undefined) throw new UsageError('--format is required');
    if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
      throw new UsageError(`--format ${values.format} is not supported yet; supported now: ${EXPORT_FORMATS.join(', ')}`);
    }
    const format = values.format as ExportFormat;
    if (values.out === undefined) throw new UsageError('--out DIR is required');
    const issueId = values.issue === undefined ? undefined : Number(values.issue);
    if (issueId !== undefined && !(Number.isInteger(issueId) && issueId > 0)) throw new UsageError(`--issue must be a positive whole number, not '${values.issue}'`);

    const lib = openLibrary(values.db ?? defaultLibraryPath(), { mustExist: true });
    try {
      const ids = issueId !== undefined ? [issueId] : lib.tree().publications.flatMap((p) => p.issues.map((i) => i.id));
      if (ids.length === 0) {
        console.error('galley export: the library has no issues');
        return EXIT.badInput;
      }
      for (const id of ids) {
        if (format === 'json') console.log(writeIssueExport(lib.exportIssueJson(id), values.out));
      }
      return EXIT.ok;
    } finally {
      lib.close();
    }
  },
};
