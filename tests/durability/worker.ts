// A process that edits a library until it is killed: `node --import tsx tests/durability/worker.ts DB SEED PAGE`.
// It prints `READY` once the library is open, then one line per committed write, always after the
// commit: `IMPORT <pageId> <hash>` or `ACK <pageId> <revision> <journalId> <hash>` (hash of the
// page's annotation right after that write). What a line names must survive a SIGKILL.
import { readFileSync } from 'node:fs';
import { writeSync } from 'node:fs';
import { applyEditToPage, type EditChange, redoEdit, undoEdit } from '../../main/edits/edits.js';
import { getPage, libraryTree, openLibrary } from '../../main/library/library.js';
import { randomEdit, seededRandom } from '../../main/bench/edit-stream.js';
import { stateHash } from './state.js';
import { importFiles } from '../../main/import/import.js';

const [dbPath, seedText, corpusPage] = process.argv.slice(2);
if (!dbPath || !seedText || !corpusPage) throw new Error('usage: worker.ts DB SEED PAGE');
const seed = Number(seedText);
const random = seededRandom(seed);
const lib = openLibrary(dbPath);
const corpus = readFileSync(corpusPage, 'utf8');
const lastJournalId = lib.db.prepare('SELECT max(id) FROM edit_journal WHERE page_id = ?').pluck();

// Written straight to the file descriptor: a line printed is a line the parent can read, even if
// the next instant is a SIGKILL (console.log may buffer when stdout is a pipe).
const say = (line: string) => writeSync(1, `${line}\n`);
say('READY');

const pageIds = () => libraryTree(lib.db).publications.flatMap((p) => p.issues.flatMap((i) => i.pages.map((pg) => pg.id)));

for (let step = 0; ; step++) {
  const pages = pageIds();
  if (pages.length === 0 || random() < 0.04) {
    // Pages vary (lines dropped and added) so each import is a new page with its own proposal.
    const lines = corpus.split('\n').filter(() => random() > 0.05);
    const text = `${lines.join('\n')}\n第${seed}-${step}版`;
    const report = await importFiles(lib.db, [{ name: `p-${seed}-${step}.txt`, bytes: Buffer.from(text) }], { publication: '耐久', label: `run ${seed}` });
    const pageId = report.files[0]?.pageId;
    if (pageId) say(`IMPORT ${pageId} ${stateHash(getPage(lib.db, pageId).annotation)}`);
    continue;
  }
  const pageId = pages[Math.floor(random() * pages.length)]!;
  const { annotation, history } = getPage(lib.db, pageId);
  const roll = random();
  let change: EditChange;
  if (roll < 0.12 && history.canUndo) change = undoEdit(lib.db, pageId);
  else if (roll < 0.2 && history.canRedo) change = redoEdit(lib.db, pageId);
  else change = applyEditToPage(lib.db, pageId, randomEdit(annotation, random));
  const after = getPage(lib.db, pageId).annotation;
  say(`ACK ${pageId} ${change.outcome.history.revision} ${lastJournalId.get(pageId) as number} ${stateHash(after)}`);
}
