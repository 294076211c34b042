/** Electron main: one instance, one hardened window, the core's threads behind IPC (main only relays). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, dialog, ipcMain, Menu, powerMonitor, session, type BrowserWindow } from 'electron';
import { valueOf } from '../src/contract/contract.js';
import { startCore, type Core, type CoreOptions } from '../src/hosts/core.js';
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
let core: Core | null = null;

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

/** A script bundled beside main (electron.config.ts), run as a worker without a loader. */
const bundledWorker = (name: string) => (besideMain(name) ? { file: besideMain(name)!, execArgv: [] } : undefined);

function coreOptions(): CoreOptions {
  return {
    // Set by `npm start` when it built better-sqlite3 for Electron's ABI next to Node's build.
    nativeBinding: process.env.NETLEDGER_SQLITE_BINDING || undefined,
    // These travel beside the bundled main (electron.config.ts), not where the source modules were;
    // when main runs from source (tests), the defaults beside the source modules apply.
    migrationsDir: besideMain('migrations'),
    exportWorker: bundledWorker('exportWorker.js'),
    coreWorker: bundledWorker('coreWorker.js'),
  };
}

async function showAbout(): Promise<void> {
  if (!core) return;
  const options = aboutDialog(aboutText(valueOf<'system.info'>(await core.invoke('system.info', {})), app.getAppPath()));
  await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

async function start(): Promise<void> {
  let started: Core;
  try {
    started = await startCore(chooseDataDir(app.getPath('exe'), app.getPath('userData')), coreOptions());
  } catch (err) {
    dialog.showErrorBox(WINDOW_TITLE, err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  core = started;
  hardenSession(session.defaultSession, devServerUrl);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged, () => void showAbout())));
  const pageOrigin = devServerUrl ?? pathToFileURL(rendererFile).href;
  const { lockAll } = registerIpc(ipcMain, started, () => mainWindow, pageOrigin, dialogs);
  // Whoever finds the computer unlocked after its screen lock or sleep must sign in to the console again.
  powerMonitor.on('lock-screen', lockAll);
  powerMonitor.on('suspend', lockAll);
  mainWindow = createMainWindow(path.join(here, '../preload/preload.cjs'), app.isPackaged, { url: devServerUrl, file: rendererFile });
  mainWindow.on('closed', () => (mainWindow = null));
}

const headless = headlessCommand(process.argv, { appPath: app.getAppPath(), options: coreOptions(), print: (line) => process.stdout.write(line + '\n') });
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
  // Finish the export workers and close every connection of the core before the process goes away.
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.exit(0));
  });
}
