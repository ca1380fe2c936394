import { openLibrary } from '../../library/library.js';
import { defaultLibraryPath } from '../../library/paths.js';
import { deleteIssue, deletePage, emptyTrash, purgeFromTrash, restoreFromTrash, trashList } from '../../library/trash.js';
import { type Command, EXIT, parseOptions, UsageError } from '../io.js';

const DB = "  --db FILE   the library (default: the app's library; GALLEY_DB overrides)";

/** A positive whole number from an option, or a usage error naming it. */
function idOf(value: string | undefined, name: string): number {
  if (value === undefined || !/^[1-9]\d{0,15}$/.test(value)) throw new UsageError(`${name} takes an id (a positive whole number)`);
  return Number(value);
}

export const deleteCommand: Command = {
  summary: 'delete an issue or a page into the trash (galley restore brings it back)',
  usage: ['usage: galley delete (--issue ID | --page ID) [--db FILE]', '', DB].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, { db: { type: 'string' }, issue: { type: 'string' }, page: { type: 'string' } }, false);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if ((values.issue === undefined) === (values.page === undefined)) throw new UsageError('say --issue ID or --page ID');
    const lib = openLibrary(values.db ?? defaultLibraryPath(), { mustExist: true });
    try {
      const trashId = values.issue !== undefined ? deleteIssue(lib.db, idOf(values.issue, '--issue')) : deletePage(lib.db, idOf(values.page, '--page'));
      console.log(`deleted into the trash as entry ${trashId}; bin/galley restore ${trashId} brings it back`);
      return EXIT.ok;
    } finally {
      lib.close();
    }
  },
};

export const restoreCommand: Command = {
  summary: 'list the trash, or restore a deleted issue or page from it',
  usage: ['usage: galley restore [ID] [--db FILE]', '', '  ID          the trash entry to restore; without it, the trash is listed', DB].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, { db: { type: 'string' } }, true);
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
    const lib = openLibrary(values.db ?? defaultLibraryPath(), { mustExist: true });
    try {
      if (positionals[0] === undefined) {
        const items = trashList(lib.db);
        if (!items.length) console.log('the trash is empty');
        for (const t of items) console.log(`${t.id}\t${t.kind}\t${t.pages} page(s)\t${t.deletedAt}\t${t.label}`);
        return EXIT.ok;
      }
      const { issueId, pageId, notes } = restoreFromTrash(lib.db, idOf(positionals[0], 'restore'));
      console.log(pageId === null ? `restored as issue ${issueId}` : `restored as page ${pageId} of issue ${issueId}`);
      for (const note of notes) console.log(`note: ${note}`);
      return EXIT.ok;
    } finally {
      lib.close();
    }
  },
};

export const purgeCommand: Command = {
  summary: 'delete trash entries for good (they can no longer be restored)',
  usage: [
    'usage: galley purge (ID... | --all) [--db FILE]', '',
    '  ID          a trash entry to delete for good (galley restore lists them)',
    '  --all       empty the trash', DB,
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, { db: { type: 'string' }, all: { type: 'boolean' } }, true);
    if ((positionals.length > 0) === (values.all === true)) throw new UsageError('say which entries (ID...) or --all');
    const ids = positionals.map((p) => idOf(p, 'purge'));
    const lib = openLibrary(values.db ?? defaultLibraryPath(), { mustExist: true });
    try {
      const gone = values.all ? emptyTrash(lib.db) : lib.db.transaction(() => ids.map((id) => purgeFromTrash(lib.db, id)))();
      if (!gone.length) console.log('the trash is empty');
      for (const t of gone) console.log(`deleted for good: entry ${t.id}\t${t.kind}\t${t.pages} page(s)\t${t.label}`);
      return EXIT.ok;
    } finally {
      lib.close();
    }
  },
};
