/** Electron main: one instance, one hardened window, the registry behind IPC. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, dialog, ipcMain, Menu, session, type BrowserWindow } from 'electron';
import { valueOf } from '../src/contract/contract.js';
import { openLedger, type Ledger, type LedgerOptions } from '../src/hosts/ledger.js';
import { aboutDialog, aboutText } from './about.js';
import { chooseDataDir } from './dataDir.js';
import { headlessCommand } from './headless.js';
import { registerIpc, type Dialogs } from './ipc.js';
import { menuTemplate } from './menu.js';
import { guardAllWebContents, hardenSession } from './security.js';
import { createMainWindow, WINDOW_TITLE } from './window.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererFile = path.join(here, '../renderer/index.html');
// An installed console always shows its bundled page: the dev-server variable is only honoured from source.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;
let ledger: Ledger | null = null;

function besideMain(name: string): string | undefined {
  const file = path.join(here, name);
  return fs.existsSync(file) ? file : undefined;
}

const dialogs: Dialogs = {
  async save(win, options) {
    const r = await dialog.showSaveDialog(win, { title: options.title, defaultPath: options.defaultName, filters: options.filters });
    return r.canceled || !r.filePath ? null : r.filePath;
  },
};

function ledgerOptions(): LedgerOptions {
  return {
    // Set by `npm start` when it built better-sqlite3 for Electron's ABI next to Node's build.
    nativeBinding: process.env.NETLEDGER_SQLITE_BINDING || undefined,
    // Both travel beside the bundled main (electron.config.ts), not where the source modules were;
    // when main runs from source (tests), the defaults beside the source modules apply.
    migrationsDir: besideMain('migrations'),
    exportWorker: besideMain('exportWorker.js') ? { file: besideMain('exportWorker.js')!, execArgv: [] } : undefined,
  };
}

function showAbout(): void {
  if (!ledger) return;
  const options = aboutDialog(aboutText(valueOf<'system.info'>(ledger.registry.invoke('system.info', {})), app.getAppPath()));
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function start(): void {
  try {
    ledger = openLedger(chooseDataDir(app.getPath('exe'), app.getPath('userData')), ledgerOptions());
  } catch (err) {
    dialog.showErrorBox(WINDOW_TITLE, err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession, devServerUrl);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged, showAbout)));
  const pageOrigin = devServerUrl ?? pathToFileURL(rendererFile).href;
  registerIpc(ipcMain, ledger.registry, () => mainWindow, pageOrigin, dialogs);
  mainWindow = createMainWindow(path.join(here, '../preload/preload.cjs'), app.isPackaged, { url: devServerUrl, file: rendererFile });
  mainWindow.on('closed', () => (mainWindow = null));
}

const headless = headlessCommand(process.argv, { appPath: app.getAppPath(), options: ledgerOptions(), print: (line) => process.stdout.write(line + '\n') });
if (headless) {
  void app.whenReady().then(headless).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  guardAllWebContents(app);
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  // Finish the export workers and close the database before the process goes away.
  app.on('will-quit', (event) => {
    if (!ledger) return;
    event.preventDefault();
    const closing = ledger;
    ledger = null;
    void closing.close().finally(() => app.exit(0));
  });
}
