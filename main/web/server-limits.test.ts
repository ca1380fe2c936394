import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers.js';
import { type Library, openLibrary } from '../library/library.js';
import { tempDir } from '../../tests/support/temp-dir.js';
import { startWebServer, type WebServer } from './server.js';

let tmp: ReturnType<typeof tempDir>;
let lib: Library;
let web: WebServer;

beforeEach(async () => {
  tmp = tempDir();
  const staticDir = join(tmp.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Galley</title>');
  lib = openLibrary(join(tmp.dir, 'library.db'));
  web = await startWebServer({ handlers: createHandlers(lib, 'browser', '0.0.0-test'), staticDir, maxBody: 64 * 1024 });
});
afterEach(async () => {
  await web.close();
  lib.close();
  tmp.cleanup();
});

/** A call whose body is sent as these bytes, in pieces, as a browser uploads a large one. */
function post(channel: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: web.port, method: 'POST', path: `/api/${channel}`,
      headers: { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${web.token}`, 'content-type': 'application/json' },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    for (let at = 0; at < body.length; at += 16 * 1024) req.write(body.subarray(at, at + 16 * 1024));
    req.end();
  });
}

describe('browser-mode request bodies', () => {
  it('over the limit are answered with the message, not a reset connection', async () => {
    const answer = await post('library:tree', Buffer.from(JSON.stringify({ pad: 'x'.repeat(1024 * 1024) })));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'the request is larger than 0.06 MB' } });
    // the server still answers on
    expect(JSON.parse((await post('library:tree', Buffer.from('{}'))).body)).toMatchObject({ ok: true });
  });

  it('with a byte order mark before the JSON are read as JSON', async () => {
    const answer = await post('library:tree', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]));
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
  });
});
