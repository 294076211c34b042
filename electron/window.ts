import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '网络账号报备台账';

/** `packaged` is `app.isPackaged`: an installed console has no developer tools, whatever the environment says. */
export function windowOptions(preloadPath: string, packaged: boolean): BrowserWindowConstructorOptions {
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
      devTools: !packaged,
    },
  };
}

/**
 * Loads the dev server URL during development (main passes none when packaged), else the built page from disk.
 * Navigation and new windows are denied app-wide (security.ts, guardAllWebContents), this window included.
 */
export function createMainWindow(preloadPath: string, packaged: boolean, page: { url?: string; file: string }): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath, packaged));
  win.once('ready-to-show', () => win.show());
  if (page.url) void win.loadURL(page.url);
  else void win.loadFile(page.file);
  return win;
}
