import { type ImportGuess, type ImportOptions, importOptions } from '../../../app/contract.js';
import { importIssueFile } from '../../import/import-json.js';
import { openLibrary } from '../../library/library.js';
import { defaultLibraryPath } from '../../library/paths.js';
import { type Command, EXIT, parseOptions, UsageError } from '../io.js';
import { guessPaths, importPaths } from '../../import/import.js';

export const command: Command = {
  summary: 'import page files (text, PDF, ALTO, PAGE-XML, hOCR) or folders of them as one new issue, or an issue export (.json); prints the issue id',
  usage: [
    'usage: galley import PATH... [--db FILE] [--paper NAME] [--date YYYY-MM-DD] [--first-page N] [--label TEXT]',
    '       galley import ISSUE.json [--db FILE]',
    '',
    '  PATH                a page file (.txt .pdf .xml .alto .hocr .html) or a folder of them; all PATHs become one issue',
    '  ISSUE.json          an issue exported with `galley export --format json`: restored as a new issue',
    '                      with every annotation, metadata, tag and journal entry',
    "  --db FILE           the library (default: the app's library; GALLEY_DB overrides)",
    '  --paper NAME        the publication (also --publication); default: the paper the first page\'s',
    '                      header prints, else the folder name without its date',
    '  --date YYYY-MM-DD   default: a date in the folder or file names, else the first pages\' header',
    '  --first-page N      the page number the first page prints; the others follow it',
    '                      default: the first file\'s name (p2), else its header (第2版)',
    '  --label TEXT        default: the date',
    '',
    'The defaults are the guess the app\'s import dialog offers; what was used, given or guessed,',
    'is said on stderr. Prints the new issue id; files that could not be imported are listed on stderr. The same PATHs',
    'imported again after an import of them was cut short go on into its issue, skipping its pages.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' }, paper: { type: 'string' }, publication: { type: 'string' }, date: { type: 'string' },
      'first-page': { type: 'string' }, label: { type: 'string' },
    });
    if (values.paper !== undefined && values.publication !== undefined) throw new UsageError('--paper and --publication are the same option: give one');
    const paper = values.paper ?? values.publication;
    const paperOption = values.paper !== undefined ? 'paper' : 'publication';
    if (positionals.length === 0) throw new UsageError('expected at least one PATH');
    const json = positionals.filter((p) => /\.json$/i.test(p));
    if (json.length > 0) {
      if (positionals.length > 1) throw new UsageError('an issue export (.json) is imported on its own: give one file');
      if (paper !== undefined || values.date !== undefined || values.label !== undefined || values['first-page'] !== undefined) {
        throw new UsageError('an issue export carries its publication, date, pages and label: --paper, --date, --first-page and --label do not apply');
      }
      const lib = openLibrary(values.db ?? defaultLibraryPath());
      try {
        console.log((await importIssueFile(lib.db, json[0]!)).issueId);
        return EXIT.ok;
      } finally {
        lib.close();
      }
    }
    const given = givenOptions({ paper, paperOption, date: values.date, firstPage: values['first-page'], label: values.label });
    // Checked before the library is opened: a bad value stores nothing.
    const guess = await guessPaths(positionals);
    const options: ImportOptions = {
      ...(given.label !== undefined && { label: given.label }),
      ...fill('publication', given.publication, guess.publication),
      ...fill('date', given.date, guess.date),
      ...fill('firstPage', given.firstPage, guess.firstPage),
    };
    const lib = openLibrary(values.db ?? defaultLibraryPath());
    try {
      const report = await importPaths(lib.db, positionals, options);
      for (const f of report.files) if (f.error) console.error(`galley import: ${f.file}: ${f.error}`);
      for (const f of report.files) if (f.warning) console.error(`galley import: ${f.file}: warning: ${f.warning}`);
      if (report.skipped > 0) console.error(`galley import: went on with the import cut short into issue ${report.issueId}: skipped ${report.skipped} already imported`);
      if (report.issueId === null) {
        console.error('galley import: nothing imported');
        return EXIT.badInput;
      }
      console.error(`galley import: ${describeUsed(given, guess)}`);
      console.log(report.issueId);
      return EXIT.ok;
    } finally {
      lib.close();
    }
  },
};

/** The options as the import call takes them; a bad value is a usage error naming the option. */
function givenOptions(raw: { paper: string | undefined; paperOption: string; date: string | undefined; firstPage: string | undefined; label: string | undefined }): ImportOptions {
  if (raw.firstPage !== undefined && !(/^\s*\d+\s*$/.test(raw.firstPage) && Number(raw.firstPage) >= 1 && Number(raw.firstPage) <= 9999)) {
    throw new UsageError('--first-page: expected the number the first page prints, from 1 to 9999');
  }
  if (raw.paper !== undefined && raw.paper.trim() === '') throw new UsageError(`--${raw.paperOption}: the publication's name is empty`);
  const parsed = importOptions.safeParse({
    publication: raw.paper, date: raw.date, label: raw.label, firstPage: raw.firstPage === undefined ? undefined : Number(raw.firstPage),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const option = ({ publication: raw.paperOption, firstPage: 'first-page' } as Record<string, string>)[String(issue.path[0])] ?? String(issue.path[0]);
  throw new UsageError(`--${option}: ${issue.message}`);
}

/** The value given, else the guess; neither: the option is left out and the import decides as it always has. */
function fill<K extends 'publication' | 'date' | 'firstPage'>(key: K, given: ImportOptions[K], guessed: ImportGuess[K]): Partial<ImportOptions> {
  const value = given ?? guessed ?? undefined;
  return value === undefined ? {} : { [key]: value };
}

/** "publication 凯里日报 (guessed from the header of p1.txt), date 2021-10-28 (given), first page 1 (guessed from the name p1.txt)". */
function describeUsed(given: ImportOptions, guess: ImportGuess): string {
  const one = (what: string, key: 'publication' | 'date' | 'firstPage', none: string) => {
    if (given[key] !== undefined) return `${what} ${given[key]} (given)`;
    const guessed = guess[key];
    return guessed === null ? `${what} ${none}` : `${what} ${guessed} (guessed from ${guess.from?.[key] ?? 'the files'})`;
  };
  return [
    one('publication', 'publication', 'unknown (neither given nor guessed)'),
    one('date', 'date', 'unknown (neither given nor guessed)'),
    one('first page', 'firstPage', 'as the pages print or are named'),
  ].join(', ');
}
