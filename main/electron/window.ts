import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { trustedUrlCheck } from './policy.js';

const rendererIndex = join(import.meta.dirname, '../renderer/index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by `electron-vite dev` only

/** The only pages allowed to call IPC or be navigated to: our renderer, from the bundle or the dev server. */
export const isTrustedUrl = trustedUrlCheck(pathToFileURL(rendererIndex).href, rendererUrl);

/** Locks down the default session: Galley needs no permission (camera, notifications, USB, …), so none is granted. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Galley',
    show: false,
    // Written out here rather than imported, so Electronegativity (which reads literals) sees them.
    // The renderer is a sandboxed web page: no Node, an isolated world for the preload, no
    // <webview>, no middle-click that opens a link in a new window.
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Nothing in Galley navigates or opens windows: refuse both, whatever the page asks.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(rendererIndex);
  return win;
}
