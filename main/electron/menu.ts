import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Caller } from '../../app/rpc.js';
import { IMPORT_EXTENSIONS, PAGE_FORMATS } from '../import/formats.js';
import { contextFor } from './ipc.js';

/** The application menu. Import goes through the same call as the UI's button, by path. */
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
    const answer = await call('import:paths', { paths: picked.filePaths, options: {} }, contextFor(win.webContents));
    if (!answer.ok) {
      dialog.showErrorBox('Import failed', answer.error.message);
      return;
    }
    const report = answer.value;
    const failed = report.files.filter((f) => f.error);
    if (failed.length) {
      await dialog.showMessageBox(win, {
        type: 'warning',
        message: `${report.imported} page(s) imported, ${failed.length} not imported`,
        detail: failed.map((f) => `${f.file}: ${f.error}`).join('\n'),
      });
    }
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
