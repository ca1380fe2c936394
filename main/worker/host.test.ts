import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../app/contract.js';
import type { HandlerContext } from '../../app/rpc.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { type LibraryWorker, startLibraryWorker } from './host.js';

let tmp: ReturnType<typeof tempDir>;
let worker: LibraryWorker;
const events: [EventName, unknown][] = [];
const ctx: HandlerContext = { emit: (name, payload) => events.push([name, payload]) };

beforeEach(() => {
  tmp = tempDir();
  events.length = 0;
  worker = startLibraryWorker({ libraryPath: join(tmp.dir, 'library.db'), mode: 'browser', version: '0.0.0-test' });
});
afterEach(async () => {
  await worker.close();
  tmp.cleanup();
});

describe('the library worker', () => {
  it('answers calls from a real library and forwards their events to the caller', async () => {
    expect(await worker.call('app:info', {}, ctx)).toMatchObject({ ok: true, value: { mode: 'browser', schemaVersion: expect.any(Number) } });
    const imported = await worker.call('import:paths', { paths: [KAILI_PAGE], options: { publication: '凯里日报' } }, ctx);
    expect(imported).toMatchObject({ ok: true, value: { imported: 1, failed: 0 } });
    expect(events.map(([name]) => name)).toEqual(['import:progress', 'library:changed']);
    const pageId = (imported as { value: { files: { pageId: number }[] } }).value.files[0]!.pageId;
    const page = await worker.call('pages:get', { pageId }, ctx);
    expect(page).toMatchObject({ ok: true, value: { page: { id: pageId, lineCount: 429 } } });
  });

  it('indexes what an import left for search in the background, without a search asking for it', async () => {
    await worker.call('import:paths', { paths: [KAILI_PAGE], options: {} }, ctx);
    const waiting = () => {
      const db = new Database(join(tmp.dir, 'library.db'), { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM search_dirty').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    await expect.poll(waiting, { timeout: 10_000 }).toBe(0);
    expect(await worker.call('library:search', { q: '巡察' }, ctx)).toMatchObject({ ok: true, value: { complete: true, pending: 0 } });
  });

  it('answers bad input and unknown rows with BAD_INPUT and NOT_FOUND, as in process', async () => {
    expect(await worker.forward('pages:get', { pageId: 'one' }, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await worker.forward('no:such:call', {}, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await worker.forward('pages:get', { pageId: () => 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await worker.call('pages:get', { pageId: 999 }, ctx)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no page with id 999' } });
  });

  it('answers the calls in flight when the worker dies with one INTERNAL error, and is started again', async () => {
    await worker.ready;
    const inFlight = worker.call('import:paths', { paths: [KAILI_PAGE], options: {} }, ctx);
    await worker.kill();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/library worker stopped during import:paths .* restarted/) } });
    expect(await worker.call('app:info', {}, ctx)).toMatchObject({ ok: true });
    // The library is whole after the crash: the page was stored whole or not at all.
    const tree = await worker.call('library:tree', {}, ctx);
    expect(tree.ok).toBe(true);
  });

  it('says why when the library cannot be opened, on every call, without restarting in a loop', async () => {
    const broken = startLibraryWorker({ libraryPath: tmp.dir, mode: 'browser', version: '0' });
    await expect(broken.ready).rejects.toThrow(/is a folder, not a library file/);
    const answer = await broken.call('app:info', {}, ctx);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/is a folder/) } });
    expect(await broken.call('app:info', {}, ctx)).toEqual(answer);
    await broken.close();
  });
});
