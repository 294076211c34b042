import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { lockNavigation } from './security.js';

export const WINDOW_TITLE = '网络账号报备台账';

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !process.env.NETLEDGER_PACKAGED,
    },
  };
}

/** Loads the dev server URL during development, else the built page from disk. */
export function createMainWindow(preloadPath: string, page: { url?: string; file: string }): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath));
  lockNavigation(win.webContents);
  win.once('ready-to-show', () => win.show());
  if (page.url) void win.loadURL(page.url);
  else void win.loadFile(page.file);
  return win;
}
