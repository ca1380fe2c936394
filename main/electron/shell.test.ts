// The Electron shell's security settings, checked on the real modules with a stand-in for the
// `electron` package: its binary cannot run here, and these settings must not depend on it.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, PATH_CHANNEL_ERROR, PATH_CHANNELS } from '../../app/channels.js';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { type Caller, dispatch, type Handlers } from '../../app/rpc.js';
import { isTrustedSender, trustedUrlCheck, UNTRUSTED_SENDER_ERROR } from './policy.js';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { options: Record<string, unknown>; on: Map<string, Listener>; openHandler: Listener | null }[],
    session: {} as Record<string, Listener>,
    ipc: new Map<string, Listener>(),
    app: { on: new Map<string, Listener>(), sandboxEnabled: false },
    exposed: new Map<string, unknown>(),
    rendererInvokes: [] as unknown[][],
    rendererListeners: new Map<string, Listener>(),
  };
  const webContents = () => {
    const on = new Map<string, Listener>();
    const contents = {
      on: (name: string, fn: Listener) => on.set(name, fn),
      setWindowOpenHandler: (fn: Listener) => { record.openHandler = fn; },
      isDestroyed: () => false,
      send: () => undefined,
    };
    const record = { on, openHandler: null as Listener | null };
    return { contents, record };
  };
  class BrowserWindow {
    webContents: unknown;
    constructor(options: Record<string, unknown>) {
      const wc = webContents();
      this.webContents = wc.contents;
      state.windows.push({ options, ...wc.record, get openHandler() { return wc.record.openHandler; } });
    }
    once() { return this; }
    loadFile() { return Promise.resolve(); }
    loadURL() { return Promise.resolve(); }
    static getAllWindows() { return []; }
  }
  const handlerSetter = (name: string) => (fn: Listener) => { state.session[name] = fn; };
  const electron = {
    BrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: handlerSetter('request'),
        setPermissionCheckHandler: handlerSetter('check'),
        setDevicePermissionHandler: handlerSetter('device'),
      },
    },
    ipcMain: { handle: (channel: string, fn: Listener) => state.ipc.set(channel, fn) },
    app: {
      setName: () => undefined,
      enableSandbox: () => { state.app.sandboxEnabled = true; },
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: Listener) => state.app.on.set(name, fn),
      // Never ready: main.ts registers its lifecycle handlers but opens no library here.
      whenReady: () => new Promise(() => undefined),
      getVersion: () => '0.0.0-test',
      quit: () => undefined,
    },
    dialog: {},
    Menu: {},
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => state.exposed.set(name, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => { state.rendererInvokes.push(args); return Promise.resolve({ ok: true, value: null }); },
      on: (channel: string, fn: Listener) => state.rendererListeners.set(channel, fn),
      removeListener: () => undefined,
    },
  };
  return { state, electron };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const RENDERER_INDEX = pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;

beforeAll(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('trusted pages', () => {
  const isTrusted = trustedUrlCheck('file:///app/out/renderer/index.html', 'http://localhost:5173');

  it('are our renderer (any query or fragment) and the dev server\'s exact origin', () => {
    expect(isTrusted('file:///app/out/renderer/index.html')).toBe(true);
    expect(isTrusted('file:///app/out/renderer/index.html?token=1#/page/3')).toBe(true);
    expect(isTrusted('http://localhost:5173/src/main.tsx')).toBe(true);
  });

  it('are nothing else: other files, look-alike hosts and ports, other schemes, garbage', () => {
    for (const url of [
      'file:///app/out/renderer/other.html', 'file:///app/out/renderer/index.html.evil', 'file:///etc/passwd',
      'http://localhost:51730/', 'http://localhost:5173.evil.example/', 'https://localhost:5173/', 'http://127.0.0.1:5173/',
      'https://evil.example/file:///app/out/renderer/index.html', 'javascript:alert(1)', 'data:text/html,x', 'about:blank', '', 'not a url',
    ]) expect(isTrusted(url), url).toBe(false);
    expect(trustedUrlCheck('file:///app/index.html')('http://localhost:5173/')).toBe(false);
  });

  it('send IPC only from their top frame', () => {
    const ok = (url: string) => url === 'file:///app/index.html';
    expect(isTrustedSender({ parent: null, url: 'file:///app/index.html' }, ok)).toBe(true);
    expect(isTrustedSender({ parent: {}, url: 'file:///app/index.html' }, ok)).toBe(false);
    expect(isTrustedSender({ parent: null, url: 'https://evil.example/' }, ok)).toBe(false);
    expect(isTrustedSender(null, ok)).toBe(false);
    expect(isTrustedSender(undefined, ok)).toBe(false);
  });
});

describe('the main window', () => {
  beforeEach(() => { fake.state.windows.length = 0; });

  it('runs the renderer sandboxed and isolated, without Node, webviews or middle-click windows', async () => {
    const { createMainWindow } = await import('./window.js');
    createMainWindow();
    const prefs = fake.state.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, navigateOnDragDrop: false,
    });
    expect(prefs.disableBlinkFeatures).toMatch(/\bAuxclick\b/);
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('refuses navigation and redirects away from the renderer, new windows and webviews', async () => {
    const { createMainWindow } = await import('./window.js');
    createMainWindow();
    const win = fake.state.windows[0]!;
    for (const name of ['will-navigate', 'will-redirect']) {
      const handler = win.on.get(name);
      expect(handler, name).toBeTypeOf('function');
      const away = { preventDefault: vi.fn() };
      handler!(away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const home = { preventDefault: vi.fn() };
      handler!(home, `${RENDERER_INDEX}#/page/1`);
      expect(home.preventDefault).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    win.on.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(win.openHandler?.({ url: RENDERER_INDEX })).toEqual({ action: 'deny' });
    expect(win.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('grants no permission, whatever is asked', async () => {
    const { hardenSession } = await import('./window.js');
    hardenSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid']) {
      const callback = vi.fn();
      fake.state.session.request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.state.session.check!({}, permission, 'file://', {})).toBe(false);
    }
    expect(fake.state.session.device!({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });
});

describe('the app', () => {
  it('enables the sandbox for every renderer and denies new windows from any web contents', async () => {
    await import('./main.js');
    expect(fake.state.app.sandboxEnabled).toBe(true);
    const created = fake.state.app.on.get('web-contents-created');
    let openHandler: Listener | null = null;
    created!({}, { setWindowOpenHandler: (fn: Listener) => { openHandler = fn; } });
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

describe('IPC', () => {
  const calls: string[] = [];
  const inputs: unknown[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [c, (input: { outDir?: string }) => {
      calls.push(c);
      inputs.push(input);
      return c === 'export:issue' ? { files: [`${input.outDir}/issue.json`] } : 'answered';
    }]),
  ) as unknown as Handlers;
  let picked: string | null = null;
  const trusted = { senderFrame: { parent: null, url: RENDERER_INDEX }, sender: { isDestroyed: () => false, send: () => undefined } };

  beforeAll(async () => {
    const { registerIpc } = await import('./ipc.js');
    const { isTrustedUrl } = await import('./window.js');
    registerIpc((channel, input, ctx) => dispatch(handlers, channel, input, ctx), isTrustedUrl, async () => picked);
  });
  beforeEach(() => {
    calls.length = 0;
    inputs.length = 0;
  });

  it('registers exactly the contract calls', () => {
    expect([...fake.state.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses a call from an iframe, a foreign page or a vanished frame before looking at its input', async () => {
    const handle = fake.state.ipc.get('app:info')!;
    for (const senderFrame of [{ parent: {}, url: RENDERER_INDEX }, { parent: null, url: 'https://evil.example/' }, null]) {
      expect(await handle({ ...trusted, senderFrame }, {})).toEqual(UNTRUSTED_SENDER_ERROR);
    }
    expect(calls).toEqual([]);
    expect(await handle(trusted, {})).toEqual({ ok: true, value: 'answered' });
  });

  it('refuses the calls that name paths on this machine: those come from menus and dialogs', async () => {
    for (const channel of PATH_CHANNELS) {
      expect(await fake.state.ipc.get(channel)!(trusted, { paths: ['/etc/passwd'] })).toEqual(PATH_CHANNEL_ERROR);
    }
    expect(calls).toEqual([]);
  });

  it('exports to a folder only the user picked in main, and writes nothing when they cancel', async () => {
    const handle = fake.state.ipc.get('export:toFolder')!;
    picked = null;
    expect(await handle(trusted, { issueId: 1, format: 'json' })).toEqual({ ok: true, value: { folder: null, files: [] } });
    expect(calls).toEqual([]);
    picked = '/home/editor/exports';
    expect(await handle(trusted, { issueId: 1, format: 'json', outDir: '/etc' })).toEqual({
      ok: true,
      value: { folder: '/home/editor/exports', files: ['/home/editor/exports/issue.json'] },
    });
    expect(calls).toEqual(['export:issue']);
    picked = null;
  });

  it('File → Import picks in main, opens the window\'s import dialog with a ticket, and imports only what that window confirms', async () => {
    let template: MenuItemConstructorOptions[] = [];
    Object.assign(fake.electron.Menu, { buildFromTemplate: (t: MenuItemConstructorOptions[]) => { template = t; return t; }, setApplicationMenu: () => undefined });
    Object.assign(fake.electron.dialog, { showOpenDialog: async () => ({ canceled: false, filePaths: ['/home/editor/kaili/2021-10-28_p1.txt'] }) });
    const sent: unknown[][] = [];
    const win = { webContents: { id: 7, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) } };
    const guess = { publication: '凯里日报', date: '2021-10-28', firstPage: 1 };
    const menuCalls: { channel: string; input: unknown }[] = [];
    const call = (async (channel: string, input: unknown) => {
      menuCalls.push({ channel, input });
      return { ok: true, value: guess };
    }) as unknown as Caller;
    const { installMenu } = await import('./menu.js');
    installMenu(win as unknown as BrowserWindow, call);
    const file = template.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
    (file.find((i) => i.label === 'Import Pages…')!.click as () => void)();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    // guessed, not imported: the window is told to ask
    expect(menuCalls).toEqual([{ channel: 'import:guessPaths', input: { paths: ['/home/editor/kaili/2021-10-28_p1.txt'] } }]);
    const [channel, event, payload] = sent[0] as [string, string, { ticket: string; names: string[]; guess: unknown }];
    expect([channel, event, payload.names, payload.guess]).toEqual(['galley:event', 'import:picked', ['2021-10-28_p1.txt'], guess]);
    expect(JSON.stringify(payload)).not.toContain('/home/editor');

    const handle = fake.state.ipc.get('import:picked')!;
    const fromWindow = (id: number) => ({ ...trusted, sender: { ...trusted.sender, id } });
    expect(await handle(fromWindow(7), { ticket: 'a-ticket-never-given-out', options: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await handle(fromWindow(8), { ticket: payload.ticket, options: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await handle(fromWindow(7), { ticket: payload.ticket, options: { date: '2021-10-29' } })).toEqual({ ok: true, value: 'answered' });
    expect(calls).toEqual(['import:paths']);
    expect(inputs).toEqual([{ paths: ['/home/editor/kaili/2021-10-28_p1.txt'], options: { date: '2021-10-29' } }]);
    // a ticket is good for one import
    expect(await handle(fromWindow(7), { ticket: payload.ticket, options: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers random input on every channel with a result or BAD_INPUT, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.anything({ withObjectString: true, withNullPrototype: true }), async (channel, input) => {
        const answer = (await fake.state.ipc.get(channel)!(trusted, input)) as { ok: boolean; error?: { code: string } };
        expect(answer.ok || answer.error?.code === 'BAD_INPUT').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the preload', () => {
  it('exposes only invoke and on, and refuses channels outside the contract without reaching IPC', async () => {
    await import('./preload.js');
    const bridge = fake.state.exposed.get('galley') as Record<string, (...args: unknown[]) => unknown>;
    expect([...fake.state.exposed.keys()]).toEqual(['galley']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    for (const channel of ['galley:event', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 42, null]) {
      expect(await bridge.invoke!(channel, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(fake.state.rendererInvokes).toEqual([]);
    await bridge.invoke!('app:info', {});
    expect(fake.state.rendererInvokes).toEqual([['app:info', {}]]);
  });

  it('hands listeners the payload only, never the IPC event', async () => {
    await import('./preload.js');
    const bridge = fake.state.exposed.get('galley') as { on(event: string, fn: Listener): () => void };
    const listener = vi.fn();
    bridge.on('library:changed', listener);
    const [channel, wrapped] = [...fake.state.rendererListeners.entries()].at(-1)!;
    expect(channel).toBe('galley:event');
    wrapped({ sender: 'the ipcRenderer' }, 'library:changed', { reason: 'import' });
    expect(listener).toHaveBeenCalledWith({ reason: 'import' });
    expect(listener.mock.calls[0]).toHaveLength(1);
  });
});
