import { importOptions } from '../../../app/contract.js';
import { firstIssue } from '../../../app/errors.js';
import { importIssueFile } from '../../import/import-json.js';
import { openLibrary } from '../../library/library.js';
import { defaultLibraryPath } from '../../library/paths.js';
import { type Command, EXIT, parseOptions, UsageError } from '../io.js';
import { importPaths } from '../../import/import.js';

export const command: Command = {
  summary: 'import page files (text, PDF, ALTO, PAGE-XML, hOCR) or folders of them as one new issue, or an issue export (.json); prints the issue id',
  usage: [
    'usage: galley import PATH... [--db FILE] [--publication NAME] [--date YYYY-MM-DD] [--label TEXT]',
    '       galley import ISSUE.json [--db FILE]',
    '',
    '  PATH                a page file (.txt .pdf .xml .alto .hocr .html) or a folder of them; all PATHs become one issue',
    '  ISSUE.json          an issue exported with `galley export --format json`: restored as a new issue',
    '                      with every annotation, metadata, tag and journal entry',
    "  --db FILE           the library (default: the app's library; GALLEY_DB overrides)",
    '  --publication NAME  default: the folder name without its date',
    '  --date YYYY-MM-DD   default: a date in the folder or file names',
    '  --label TEXT        default: the date',
    '',
    'Prints the new issue id; files that could not be imported are listed on stderr. The same PATHs',
    'imported again after an import of them was cut short go on into its issue, skipping its pages.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' }, publication: { type: 'string' }, date: { type: 'string' }, label: { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('expected at least one PATH');
    const json = positionals.filter((p) => /\.json$/i.test(p));
    if (json.length > 0) {
      if (positionals.length > 1) throw new UsageError('an issue export (.json) is imported on its own: give one file');
      if (values.publication !== undefined || values.date !== undefined || values.label !== undefined) {
        throw new UsageError('an issue export carries its publication, date and label: --publication, --date and --label do not apply');
      }
      const lib = openLibrary(values.db ?? defaultLibraryPath());
      try {
        console.log((await importIssueFile(lib.db, json[0]!)).issueId);
        return EXIT.ok;
      } finally {
        lib.close();
      }
    }
    const parsed = importOptions.safeParse({ publication: values.publication, date: values.date, label: values.label });
    if (!parsed.success) {
      throw new UsageError(`--${firstIssue(parsed.error, 'option')}`);
    }
    const lib = openLibrary(values.db ?? defaultLibraryPath());
    try {
      const report = await importPaths(lib.db, positionals, parsed.data);
      for (const f of report.files) if (f.error) console.error(`galley import: ${f.file}: ${f.error}`);
      for (const f of report.files) if (f.warning) console.error(`galley import: ${f.file}: warning: ${f.warning}`);
      if (report.skipped > 0) console.error(`galley import: went on with the import cut short into issue ${report.issueId}: skipped ${report.skipped} already imported`);
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
