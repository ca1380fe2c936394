import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from './http-bridge.js';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly handlers = new Map<string, ((e: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, handler: (e: { data: string }) => void) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }
  fire(name: string, data: string) {
    for (const h of this.handlers.get(name) ?? []) h({ data });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the browser-mode bridge', () => {
  it('posts the input to /api/<channel> with the bearer token and returns the Result', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { publications: [] } })));
    vi.stubGlobal('fetch', fetchMock);
    const bridge = createHttpBridge('http://127.0.0.1:5000', 't0k');
    await expect(bridge.invoke('library:tree', {})).resolves.toEqual({ ok: true, value: { publications: [] } });
    expect(fetchMock).toHaveBeenCalledWith('http://127.0.0.1:5000/api/library:tree', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0k' },
      body: '{}',
    });
  });

  it('passes the server error through unchanged', async () => {
    const error = { code: 'NOT_FOUND', message: 'page 9 does not exist' };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ ok: false, error })));
    await expect(createHttpBridge('', 't').invoke('pages:get', { pageId: 9 })).resolves.toEqual({ ok: false, error });
  });

  it('turns a refused token, a non-JSON answer and a dead server into one-line errors', async () => {
    vi.stubGlobal('fetch', async () => new Response('missing or wrong token', { status: 401 }));
    expect(await createHttpBridge('', 't').invoke('app:info', {})).toEqual({
      ok: false,
      error: { code: 'IO', message: 'app:info: the access token was refused' },
    });
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 502 }));
    expect(await createHttpBridge('', 't').invoke('app:info', {})).toMatchObject({ ok: false, error: { message: 'app:info: HTTP 502' } });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await createHttpBridge('', 't').invoke('app:info', {})).toMatchObject({ ok: false, error: { code: 'IO' } });
  });

  it('opens one event stream with the token and delivers each event to its listeners until they leave', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const bridge = createHttpBridge('http://127.0.0.1:5000', 'a b');
    const progress: unknown[] = [];
    const changed: unknown[] = [];
    const off = bridge.on('import:progress', (p) => progress.push(p));
    bridge.on('library:changed', (p) => changed.push(p));
    const source = FakeEventSource.last!;
    expect(source.url).toBe('http://127.0.0.1:5000/api/events?token=a%20b');
    source.fire('import:progress', '{"done":1,"total":2,"file":"p1.txt"}');
    source.fire('library:changed', '{"reason":"import"}');
    source.fire('import:progress', 'not json');
    off();
    source.fire('import:progress', '{"done":2,"total":2,"file":"p2.txt"}');
    expect(progress).toEqual([{ done: 1, total: 2, file: 'p1.txt' }]);
    expect(changed).toEqual([{ reason: 'import' }]);
    expect(FakeEventSource.last).toBe(source);
  });
});
