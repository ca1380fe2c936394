import { basename } from 'node:path';
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { NO_GUESS } from '../../app/model/import-guess.js';
import type { Caller } from '../../app/rpc.js';
import { IMPORT_EXTENSIONS, PAGE_FORMATS } from '../import/formats.js';
import { contextFor } from './ipc.js';
import { rememberPick } from './picks.js';

/**
 * The application menu. Import asks for the files here (a native dialog, so paths never come from
 * the page), then hands the window a ticket and the guessed details: the window opens the same
 * import dialog as its Import button, and imports by the ticket once the editor confirms.
 */
export function installMenu(win: BrowserWindow, call: Caller): void {
  const importPages = async () => {
    const picked = await dialog.showOpenDialog(win, {
      title: 'Import pages',
      properties: ['openFile', 'openDirectory', 'multiSelections'],
      filters: [
        { name: 'Pages', extensions: [...IMPORT_EXTENSIONS] },
        ...Object.values(PAGE_FORMATS).map((f) => ({ name: f.label, extensions: [...f.extensions] })),
      ],
    });
    if (picked.canceled || picked.filePaths.length === 0) return;
    const ctx = contextFor(win.webContents);
    const guessed = await call('import:guessPaths', { paths: picked.filePaths }, ctx);
    // A guess that fails leaves the dialog's fields empty, as it does for the button.
    const guess = guessed.ok ? guessed.value : NO_GUESS;
    const ticket = rememberPick(win.webContents.id, picked.filePaths);
    ctx.emit('import:picked', { ticket, names: picked.filePaths.map((p) => basename(p)), guess });
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import Pages…', accelerator: 'CmdOrCtrl+O', click: () => void importPages() },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `Galley ${app.getVersion()}`, enabled: false }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
