import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { createHandlers } from '../services/handlers.js';
import { openLibrary, type Library } from '../services/library.js';
import { defaultLibraryPath } from '../services/paths.js';
import { importBundledSampleIfEmpty } from '../services/sample.js';
import { registerIpc } from './ipc.js';
import { installMenu } from './menu.js';
import { electronNativeBinding } from './native.js';
import { createMainWindow, hardenSession, isTrustedUrl } from './window.js';

app.setName('Galley');
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let library: Library | null = null;

function sampleDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'sample') : join(app.getAppPath(), 'assets', 'sample');
}

async function start(): Promise<void> {
  hardenSession();
  try {
    library = openLibrary(defaultLibraryPath(), { nativeBinding: electronNativeBinding() });
    await importBundledSampleIfEmpty(library, sampleDir());
  } catch (err) {
    dialog.showErrorBox('Galley cannot open its library', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  const handlers = createHandlers(library, 'electron', app.getVersion());
  registerIpc(handlers, isTrustedUrl);
  const win = createMainWindow();
  installMenu(win, handlers);
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
app.on('will-quit', () => library?.close());
app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(start);
