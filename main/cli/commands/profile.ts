import { readFile, writeFile } from 'node:fs/promises';
import { GalleyError } from '../../../app/errors.js';
import { openLibrary } from '../../library/library.js';
import { defaultLibraryPath } from '../../library/paths.js';
import { exportProfile, importProfile, profileSummary, resetProfile } from '../../publication/profile.js';
import { listPublications } from '../../store/publications.js';
import { type Command, EXIT, parseOptions, UsageError } from '../io.js';

export const command: Command = {
  summary: "a publication's learned profile: show, export to a file, import from one, reset",
  usage: [
    'usage: galley profile show|export|import|reset --publication NAME [--db FILE] [--file FILE]',
    '',
    '  show      how many pages the profile learned from',
    '  export    write the profile as JSON to --file (default: standard output)',
    '  import    replace the profile with the one in --file (checked first; a bad file changes nothing)',
    '  reset     forget everything the publication learned',
    "  --db FILE the library (default: the app's library; GALLEY_DB overrides)",
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, { db: { type: 'string' }, publication: { type: 'string' }, file: { type: 'string' } }, true);
    const [action, extra] = positionals;
    if (!action || !['show', 'export', 'import', 'reset'].includes(action)) throw new UsageError('say show, export, import or reset');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    if (!values.publication) throw new UsageError('--publication NAME is required');
    if (action === 'import' && !values.file) throw new UsageError('import needs --file FILE');
    const lib = openLibrary(values.db ?? defaultLibraryPath(), { mustExist: true });
    try {
      const publication = listPublications(lib.db).find((p) => p.name === values.publication);
      if (!publication) throw new GalleyError('NOT_FOUND', `no publication called '${values.publication}' in ${lib.path}`);
      if (action === 'export') {
        const { json } = exportProfile(lib.db, publication.id);
        if (values.file) await writeFile(values.file, json);
        else process.stdout.write(json);
        return EXIT.ok;
      }
      const summary = action === 'reset' ? resetProfile(lib.db, publication.id)
        : action === 'import' ? importProfile(lib.db, publication.id, await readFile(values.file!, 'utf8'))
        : profileSummary(lib.db, publication.id);
      console.log(`${summary.name}: learned from ${summary.pages} page(s)${summary.imported ? ' (started from an imported profile)' : ''}`);
      return EXIT.ok;
    } finally {
      lib.close();
    }
  },
};
