import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/contract/bridge.js';
import { msg } from '../../src/i18n/messages.js';
import { createElectronMock, FakeBrowserWindow } from './electronMock.js';

let mock: ReturnType<typeof createElectronMock>;

async function loadMain(singleInstance: boolean) {
  mock = createElectronMock({ singleInstance });
  vi.doMock('electron', () => ({ ...mock.module, default: mock.module }));
  await import('../../electron/main.js');
  await new Promise((r) => setTimeout(r, 50)); // let whenReady().then(start) run
}

beforeEach(() => {
  vi.resetModules();
  FakeBrowserWindow.created = [];
});
afterEach(() => {
  mock.module.app.emit('will-quit', { preventDefault: () => undefined });
  fs.rmSync(mock.userData, { recursive: true, force: true });
});

describe('electron main', () => {
  it('quits at once when another instance holds the lock', async () => {
    await loadMain(false);
    expect(mock.module.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('opens one window with isolation, sandbox and no Node in the page', async () => {
    await loadMain(true);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const prefs = FakeBrowserWindow.created[0]!.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(FakeBrowserWindow.created[0]!.loaded).toMatch(/renderer[\\/]index\.html$/);
    expect(mock.module.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('prevents navigation and denies new windows', async () => {
    await loadMain(true);
    const contents = FakeBrowserWindow.created[0]!.webContents;
    const event = { preventDefault: vi.fn() };
    contents.emit('will-navigate', event, 'https://example.com/');
    contents.emit('will-redirect', event, 'https://example.com/');
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(3);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('blocks every web request and adds the CSP to responses', async () => {
    await loadMain(true);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      mock.webRequest.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.com/tracker.js')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('file:///app/out/renderer/index.html')).toBe(false);
    let headers: Record<string, string[]> = {};
    mock.webRequest.headersReceived!({ responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: typeof headers }).responseHeaders));
    expect(headers['Content-Security-Policy']![0]).toContain("default-src 'self'");
  });

  it('answers IPC from its own window and refuses any other sender without touching the register', async () => {
    await loadMain(true);
    const win = FakeBrowserWindow.created[0]!;
    const invoke = mock.handlers.get(IPC_CHANNELS.invoke)!;
    const pageUrl = 'file://' + String(win.loaded);
    const own = await invoke({ sender: win.webContents, senderFrame: { url: pageUrl } }, 'system.stats', {});
    expect(own).toMatchObject({ ok: true, value: { organizations: 0 } });

    const foreign = await invoke({ sender: {}, senderFrame: { url: pageUrl } }, 'organizations.create', { parentId: null, fullName: '中共闯入委员会', type: '党委' });
    expect(foreign).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: msg.api.unauthorized } });
    const foreignFrame = await invoke({ sender: win.webContents, senderFrame: { url: 'https://evil.example/' } }, 'organizations.create', { parentId: null, fullName: '中共闯入委员会', type: '党委' });
    expect(foreignFrame).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const after = (await invoke({ sender: win.webContents, senderFrame: { url: pageUrl } }, 'system.stats', {})) as { value: { organizations: number } };
    expect(after.value.organizations).toBe(0);
  });

  it('opens the native save dialog for its own window only', async () => {
    await loadMain(true);
    const win = FakeBrowserWindow.created[0]!;
    mock.module.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/secretary/统计表.xlsx' });
    const save = mock.handlers.get(IPC_CHANNELS.saveDialog)!;
    const options = { title: '保存报表', defaultName: '统计表.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] };
    expect(await save({ sender: win.webContents, senderFrame: { url: 'file://' + String(win.loaded) } }, options)).toBe('/home/secretary/统计表.xlsx');
    expect(await save({ sender: {}, senderFrame: { url: 'file://' + String(win.loaded) } }, options)).toBeNull();
    expect(mock.module.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });
});

describe('electron main on quit', () => {
  it('holds the quit until the register is closed, then exits', async () => {
    await loadMain(true);
    const event = { preventDefault: vi.fn() };
    mock.module.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 50));
    expect(mock.module.app.exit).toHaveBeenCalledWith(0);
  });
});
