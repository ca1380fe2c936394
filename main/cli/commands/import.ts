import { importOptions } from '../../../app/contract.js';
import { openLibrary } from '../../services/library.js';
import { defaultLibraryPath } from '../../services/paths.js';
import { type Command, EXIT, parseOptions, UsageError } from '../io.js';

export const command: Command = {
  summary: 'import page files or folders of .txt pages as one new issue (prints its id)',
  usage: [
    'usage: galley import PATH... [--db FILE] [--publication NAME] [--date YYYY-MM-DD] [--label TEXT]',
    '',
    '  PATH                a .txt page or a folder of them; all PATHs become one issue',
    "  --db FILE           the library (default: the app's library; GALLEY_DB overrides)",
    '  --publication NAME  default: the folder name without its date',
    '  --date YYYY-MM-DD   default: a date in the folder or file names',
    '  --label TEXT        default: the date',
    '',
    'Prints the new issue id; files that could not be imported are listed on stderr.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' }, publication: { type: 'string' }, date: { type: 'string' }, label: { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('expected at least one PATH');
    const parsed = importOptions.safeParse({ publication: values.publication, date: values.date, label: values.label });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid'}`);
    }
    const lib = openLibrary(values.db ?? defaultLibraryPath());
    try {
      const report = await lib.importPaths(positionals, parsed.data);
      for (const f of report.files) if (f.error) console.error(`galley import: ${f.file}: ${f.error}`);
      if (report.issueId === null) {
        console.error('galley import: nothing imported');
        return EXIT.badInput;
      }
      console.log(report.issueId);
      return EXIT.ok;
    } finally {
      lib.close();
    }
  },
};
