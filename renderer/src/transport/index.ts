import type { GalleyBridge } from '../../../app/bridge.js';
import { createClient, type Client } from '../../../app/client.js';
import { createHttpBridge } from './http-bridge.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    galley?: GalleyBridge;
  }
}

export interface Backend {
  call: Client;
  on: GalleyBridge['on'];
}

/** The Electron preload's bridge when there is one, else browser mode with the start URL's token. */
export function connect(win: Window): Backend {
  const bridge = win.galley ?? createHttpBridge(win.location.origin, new URLSearchParams(win.location.search).get('token') ?? '');
  return { call: createClient((channel, input) => bridge.invoke(channel, input)), on: (event, listener) => bridge.on(event, listener) };
}
