import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, refuseFromPage } from '../../app/channels.js';
import { contract } from '../../app/contract.js';
import { firstIssue } from '../../app/errors.js';
import { type Caller, type HandlerContext, type RawCaller, typedCaller } from '../../app/rpc.js';
import { EVENT_CHANNEL } from './event-channel.js';
import { takePick } from './picks.js';
import { isTrustedSender, UNTRUSTED_SENDER_ERROR } from './policy.js';

/**
 * Registers every contract call with ipcMain.handle. Each call is answered only for a frame that
 * shows our own renderer (not an iframe, not a page navigated elsewhere), checked here in the main
 * process before the call goes to `call` (the library worker, which parses the input with the
 * call's zod schema); the answer is always `{ok,value}` or `{ok:false,error}`.
 */
export function registerIpc(forward: RawCaller, isTrustedUrl: (url: string) => boolean, pickFolder: PickFolder): void {
  const call = typedCaller(forward);
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, isTrustedUrl)) return UNTRUSTED_SENDER_ERROR;
      const refused = refuseFromPage(channel);
      if (refused) return refused;
      const ctx = contextFor(event.sender);
      if (channel === 'export:toFolder') return exportToFolder(call, input, ctx, () => pickFolder(event.sender));
      if (channel === 'import:picked') return importPicked(call, input, ctx, event.sender.id);
      return forward(channel, input, ctx);
    });
  }
}

/** Asks the user for a folder in a native dialog; null when they cancel. */
export type PickFolder = (owner: WebContents) => Promise<string | null>;

/**
 * The page names an issue and a format; the folder comes from the user, in main, and only then
 * does the library worker write there (through the path call a page may not make itself).
 */
async function exportToFolder(call: Caller, input: unknown, ctx: HandlerContext, pick: () => Promise<string | null>) {
  // Parsed here, before the dialog: a request that names no valid issue and format asks the user nothing.
  const parsed = contract['export:toFolder'].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: `export:toFolder: ${firstIssue(parsed.error)}` } } as const;
  const folder = await pick();
  if (folder === null) return { ok: true, value: { folder: null, files: [] } };
  const written = await call('export:issue', { ...parsed.data, outDir: folder }, ctx);
  return written.ok ? { ok: true, value: { folder, files: written.value.files } } : written;
}

/** The files the menu picked for this window, imported with the details its dialog confirmed. */
async function importPicked(call: Caller, input: unknown, ctx: HandlerContext, windowId: number) {
  const parsed = contract['import:picked'].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: `import:picked: ${firstIssue(parsed.error)}` } } as const;
  const paths = takePick(windowId, parsed.data.ticket);
  if (paths === null) return { ok: false, error: { code: 'NOT_FOUND', message: 'those files are no longer picked: choose File → Import Pages again' } } as const;
  return call('import:paths', { paths, options: parsed.data.options }, ctx);
}

export function contextFor(target: WebContents): HandlerContext {
  return {
    emit(name, payload) {
      // every window on the library must hear that a page or the library changed; progress is the caller's own
      const to = name === 'page:changed' || name === 'library:changed' ? BrowserWindow.getAllWindows().map((w) => w.webContents) : [target];
      for (const t of to) if (!t.isDestroyed()) t.send(EVENT_CHANNEL, name, payload);
    },
  };
}
