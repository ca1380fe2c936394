import { EXPORT_FORMATS, type ExportFormat, exportIssueToFolder, type ExportProgress } from '../../export/export.js';
import { libraryTree, openLibrary } from '../../library/library.js';
import { defaultLibraryPath } from '../../library/paths.js';
import { type Command, EXIT, parseOptions, UsageError } from '../io.js';

export const command: Command = {
  summary: 'export issues as files: json (everything, re-importable), jsonl, md, txt, csv, tei, mets (+ ALTO), alto, page',
  usage: [
    'usage: galley export (--issue ID | --all) --format FMT --out DIR [--db FILE]',
    '',
    '  --issue ID      the issue to export (see the id `galley import` printed)',
    '  --all           every issue in the library',
    `  --format FMT    ${EXPORT_FORMATS.join(', ')}`,
    '                  json: the whole issue with provenance (galley import restores it); jsonl: an article a line;',
    '                  md, txt: a file per article in a folder per issue; csv: the metadata table; tei: TEI P5;',
    '                  mets: METS with the articles and an ALTO 4.4 file a page, in a folder per issue;',
    '                  alto, page: ALTO 4.4 or PAGE-XML 2019, a file a page, in a folder per issue',
    '  --out DIR       folder for the files (created); nothing is written outside it',
    "  --db FILE       the library (default: the app's library; GALLEY_DB overrides)",
    '',
    'Prints the path of every file written; progress of big issues goes to stderr.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      issue: { type: 'string' }, all: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' },
    }, false);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if ((values.issue === undefined) === !values.all) throw new UsageError('give either --issue ID or --all');
    if (values.format === undefined) throw new UsageError('--format is required');
    if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
      throw new UsageError(`--format ${values.format} is not one of ${EXPORT_FORMATS.join(', ')}`);
    }
    const format = values.format as ExportFormat;
    if (values.out === undefined) throw new UsageError('--out DIR is required');
    const issueId = values.issue === undefined ? undefined : Number(values.issue);
    if (issueId !== undefined && !(Number.isInteger(issueId) && issueId > 0)) throw new UsageError(`--issue must be a positive whole number, not '${values.issue}'`);

    const lib = openLibrary(values.db ?? defaultLibraryPath(), { mustExist: true });
    try {
      const ids = issueId !== undefined ? [issueId] : libraryTree(lib.db).publications.flatMap((p) => p.issues.map((i) => i.id));
      if (ids.length === 0) {
        console.error('galley export: the library has no issues');
        return EXIT.badInput;
      }
      for (const id of ids) {
        for (const file of exportIssueToFolder(lib.db, id, format, values.out, progressLine(id))) console.log(file);
      }
      return EXIT.ok;
    } finally {
      lib.close();
    }
  },
};

/** Issues of this many pages or more report their progress on stderr. */
const BIG_ISSUE = 20;

function progressLine(issueId: number): (p: ExportProgress) => void {
  let shown = -1;
  return ({ done, total }) => {
    if (total < BIG_ISSUE) return;
    const percent = Math.floor((done / total) * 100);
    if (process.stderr.isTTY) {
      process.stderr.write(`\rexporting issue ${issueId}: ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (percent >= shown + 10 || done === total) {
      shown = percent;
      process.stderr.write(`exporting issue ${issueId}: ${done}/${total}\n`);
    }
  };
}
