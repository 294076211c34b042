/** A stand-in for the `electron` module: records what main-process code asks of it. */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  /** The mocked app, told about each new window's contents the way Electron does ('web-contents-created'). */
  static app: EventEmitter | null = null;
  webContents = new FakeWebContents();
  loaded: string | null = null;
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.created.push(this);
    FakeBrowserWindow.app?.emit('web-contents-created', {}, this.webContents);
  }
  loadFile(file: string) {
    this.loaded = file;
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  show() {}
  focus() {}
  restore() {}
}

export function createElectronMock(options: { singleInstance: boolean; packaged?: boolean }) {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  type BeforeRequest = (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  type HeadersReceived = (d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void;
  const webRequest: {
    beforeRequest: BeforeRequest | null;
    headersReceived: HeadersReceived | null;
    onBeforeRequest(fn: BeforeRequest): void;
    onHeadersReceived(fn: HeadersReceived): void;
  } = {
    beforeRequest: null,
    headersReceived: null,
    onBeforeRequest(fn) {
      webRequest.beforeRequest = fn;
    },
    onHeadersReceived(fn) {
      webRequest.headersReceived = fn;
    },
  };
  const userData = path.join(os.tmpdir(), `netledger-electron-${process.pid}-${Date.now()}`);
  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.packaged ?? false,
    requestSingleInstanceLock: vi.fn(() => options.singleInstance),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => (name === 'exe' ? path.join(userData, 'bin', 'netledger') : userData)),
    // Where the packaged package.json would be; from source there is none with a build date.
    getAppPath: vi.fn(() => path.join(userData, 'app')),
  });
  FakeBrowserWindow.app = app;
  return {
    userData,
    handlers,
    webRequest,
    module: {
      app,
      BrowserWindow: FakeBrowserWindow,
      ipcMain: { handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
      dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
      session: { defaultSession: { webRequest, setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
      contextBridge: { exposeInMainWorld: vi.fn() },
      powerMonitor: new EventEmitter(),
      ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    },
  };
}
