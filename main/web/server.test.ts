import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers.js';
import { type Library, openLibrary } from '../library/library.js';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.js';
import { KAILI_PAGE } from '../../tests/support/fixtures.js';
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
  writeFileSync(join(tmp.dir, 'secret.txt'), 'not for the browser');
  lib = openLibrary(join(tmp.dir, 'library.db'));
  web = await startWebServer({ handlers: createHandlers(lib, 'browser', '0.0.0-test'), staticDir });
});
afterEach(async () => {
  await web.close();
  lib.close();
  tmp.cleanup();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the Host header can be forged the way a DNS-rebinding page would. */
function send(method: string, path: string, opts: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, method, path, headers: { host: `127.0.0.1:${web.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const call = (channel: string, input: unknown, token = web.token) =>
  send('POST', `/api/${channel}`, { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });

describe('browser-mode server', () => {
  it('listens on loopback only and puts the token in its URL', () => {
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${web.token}`);
    expect(web.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call with the token', async () => {
    const res = await call('app:info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'browser', version: '0.0.0-test', schemaVersion: LATEST_SCHEMA_VERSION } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await send('POST', '/api/app:info', { body: '{}' })).status).toBe(401);
    expect((await call('app:info', {}, 'x'.repeat(web.token.length))).status).toBe(401);
    expect((await send('GET', `/api/events?token=wrong`)).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const res = await send('POST', '/api/app:info', { headers: { host: 'evil.example:80', authorization: `Bearer ${web.token}` }, body: '{}' });
    expect(res.status).toBe(421);
    expect((await send('GET', '/', { headers: { host: `attacker.test:${web.port}` } })).status).toBe(421);
  });

  it('never sends CORS headers, whatever the Origin', async () => {
    const res = await send('POST', '/api/app:info', { headers: { origin: 'https://evil.example', authorization: `Bearer ${web.token}` }, body: '{}' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send('OPTIONS', '/api/app:info', { headers: { origin: 'https://evil.example' } });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers bad input with BAD_INPUT, not a crash', async () => {
    const bad = async (res: Promise<Answer>) => JSON.parse((await res).body) as { ok: boolean; error: { code: string; message: string } };
    expect(await bad(call('no:such', {}))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await bad(call('pages:get', { pageId: 'one' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('pageId') } });
    expect(await bad(send('POST', '/api/app:info', { headers: { authorization: `Bearer ${web.token}` }, body: '{not json' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await bad(call('pages:get', { pageId: 424242 }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The server is still there.
    expect((await call('library:tree', {})).status).toBe(200);
  });

  it('refuses calls that name paths on this machine: a page uploads bytes and downloads exports', async () => {
    for (const [channel, input] of [
      ['import:paths', { paths: ['/etc/hostname'] }],
      ['export:issue', { issueId: 1, format: 'json', outDir: '/tmp' }],
    ] as const) {
      expect(JSON.parse((await call(channel, input)).body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('menus and command line') } });
    }
  });

  it('has no folder export: only the desktop app can ask for a folder, here the files are downloaded', async () => {
    expect(JSON.parse((await call('export:toFolder', { issueId: 1, format: 'json' })).body)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('serves the renderer and nothing outside it', async () => {
    const index = await send('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const res = await send('GET', path);
      expect(res.body).not.toContain('not for the browser');
    }
  });

  it('imports uploaded pages and streams progress as events', async () => {
    const events: string[] = [];
    await new Promise<void>((ready) => {
      const req = request({ host: '127.0.0.1', port: web.port, path: `/api/events?token=${web.token}`, headers: { host: `127.0.0.1:${web.port}` } }, (res) => {
        res.on('data', (c: Buffer) => {
          events.push(c.toString('utf8'));
          ready();
        });
      });
      req.end();
    });
    const base64 = readFileSync(KAILI_PAGE).toString('base64');
    const res = JSON.parse((await call('import:files', { files: [{ name: 'p1.txt', base64 }], options: { publication: '凯里日报' } })).body);
    expect(res).toMatchObject({ ok: true, value: { imported: 1, failed: 0 } });
    await new Promise((r) => setTimeout(r, 50));
    const stream = events.join('');
    expect(stream).toContain('event: import:progress\ndata: {"done":1,"total":1,"file":"p1.txt"}');
    expect(stream).toContain('event: library:changed');
    const tree = JSON.parse((await call('library:tree', {})).body);
    expect(tree.value.publications[0]).toMatchObject({ name: '凯里日报', issues: [{ pages: [{ lineCount: 429, articleCount: 8 }] }] });
  });
});
