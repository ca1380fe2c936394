// The only bridge between the sandboxed page and the main process: invoke a contract call, and
// listen to events. Channel names are checked here too, so the page cannot reach other IPC channels.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { GalleyBridge } from '../../app/bridge.js';
import { CHANNELS } from '../../app/channels.js';
import type { EventName, Events } from '../../app/contract.js';
import { EVENT_CHANNEL } from './event-channel.js';

const allowed = new Set<string>(CHANNELS);

const bridge: GalleyBridge = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: `unknown call: ${String(channel).slice(0, 80)}` } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as Events[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('galley', bridge);
