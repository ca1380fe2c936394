import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, PATH_CHANNEL_ERROR, PATH_CHANNELS } from '../../app/channels.js';
import type { HandlerContext } from '../../app/rpc.js';
import type { Caller } from '../services/worker-host.js';
import { EVENT_CHANNEL } from './event-channel.js';
import { isTrustedSender, UNTRUSTED_SENDER_ERROR } from './policy.js';

/**
 * Registers every contract call with ipcMain.handle. Each call is answered only for a frame that
 * shows our own renderer (not an iframe, not a page navigated elsewhere), checked here in the main
 * process before the call goes to `call` (the library worker, which parses the input with the
 * call's zod schema); the answer is always `{ok,value}` or `{ok:false,error}`.
 */
export function registerIpc(call: Caller, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, isTrustedUrl)) return UNTRUSTED_SENDER_ERROR;
      if (PATH_CHANNELS.has(channel)) return PATH_CHANNEL_ERROR;
      return call(channel, input, contextFor(event.sender));
    });
  }
}

export function contextFor(target: WebContents): HandlerContext {
  return {
    emit(name, payload) {
      if (!target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload);
    },
  };
}
