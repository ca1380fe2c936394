import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { join } from 'node:path';
import { defaultLibraryPath } from '../library/paths.js';
import { type LibraryWorker, startLibraryWorker } from '../worker/host.js';
import { registerIpc } from './ipc.js';
import { installMenu } from './menu.js';
import { electronNativeBinding } from './native.js';
import { createMainWindow, hardenSession, isTrustedUrl } from './window.js';

app.setName('Galley');
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let library: LibraryWorker | null = null;
let libraryClosed = false;

function sampleDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'sample') : join(app.getAppPath(), 'assets', 'sample');
}

async function pickExportFolder(owner: WebContents): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(owner);
  const options = { title: 'Export to folder', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

async function start(): Promise<void> {
  hardenSession();
  // The library lives in a worker thread: an import or an edit must not hold this thread, which
  // every window's input and painting waits on, for a frame or more.
  const nativeBinding = electronNativeBinding();
  library = startLibraryWorker({
    libraryPath: defaultLibraryPath(), mode: 'electron', version: app.getVersion(), sampleDir: sampleDir(),
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    await library.ready;
  } catch (err) {
    dialog.showErrorBox('Galley cannot open its library', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  registerIpc(library.forward, isTrustedUrl, pickExportFolder);
  const win = createMainWindow();
  installMenu(win, library.call);
}

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('activate', () => {
  if (library && BrowserWindow.getAllWindows().length === 0) createMainWindow();
});
// Quitting waits for the worker to close the library, so its last checkpoint is not cut short.
app.on('will-quit', (event) => {
  if (!library || libraryClosed) return;
  event.preventDefault();
  void library.close().finally(() => {
    libraryClosed = true;
    app.quit();
  });
});
app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(start);
