import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type HandlerContext } from '../../../app/rpc.js';
import { hasLoneSurrogate, wellFormed } from '../../../app/well-formed.js';
import { createHandlers } from '../../../main/handlers.js';
import { importFiles } from '../../../main/import/import.js';
import { getPage, openLibrary } from '../../../main/library/library.js';
import { tempDir } from '../../support/temp-dir.js';

const ctx: HandlerContext = { emit: () => {} };

describe('a lone surrogate sent in a call', () => {
  it('is stored as U+FFFD, and the answer, the journal and the row after a restart say the same', async () => {
    const tmp = tempDir();
    const file = join(tmp.dir, 'library.db');
    let lib = openLibrary(file);
    try {
      const { files } = await importFiles(lib.db, [{ name: 'p.txt', bytes: Buffer.from('标题\n\n正文第一行\n正文第二行\n') }], { publication: 'P' });
      const pageId = files[0]!.pageId!;
      const answer = await dispatch(createHandlers(lib, 'cli', '0'), 'edits:apply', { pageId, op: { op: 'editLine', n: 3, text: 'A\ud800B\udc00C\ud83d\ude00' } }, ctx);
      expect(answer.ok).toBe(true);
      const patched = (answer as { value: { patch: { lines: { parts: { text: string }[] }[] } } }).value.patch.lines[0]!.parts[0]!.text;
      expect(patched).toBe('A\uFFFDB\uFFFDC\ud83d\ude00');
      const journal = lib.db.prepare("SELECT payload, params FROM edit_journal WHERE op = 'editLine'").get() as { payload: string; params: string };
      expect(JSON.parse(journal.payload).lines[0].parts[0].text).toBe(patched);
      expect(JSON.parse(journal.params).text).toBe(patched);
      lib.close();
      lib = openLibrary(file);
      expect(getPage(lib.db, pageId).annotation.lines[2]!.text).toBe(patched);
    } finally {
      lib.close();
      tmp.cleanup();
    }
  });

  it('is replaced wherever it sits in the input, keys included, and whole pairs are kept', () => {
    expect(wellFormed({ a: ['x\udfff', { 'k\ud800': 1 }], b: 'ok', c: 3, d: null })).toEqual({ a: ['x\uFFFD', { 'k\uFFFD': 1 }], b: 'ok', c: 3, d: null });
    const clean = { a: ['中文\ud83d\ude00'] };
    expect(wellFormed(clean)).toBe(clean);
    expect(hasLoneSurrogate('a\ud800')).toBe(true);
    expect(hasLoneSurrogate('\ud83d\ude00')).toBe(false);
  });
});
