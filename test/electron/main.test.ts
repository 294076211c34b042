import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/contract/bridge.js';
import { msg } from '../../src/i18n/messages.js';
import { createElectronMock, FakeBrowserWindow, FakeWebContents } from './electronMock.js';

let mock: ReturnType<typeof createElectronMock>;
/** Every window starts signed out: these tests create the administrator first (invented). */
const ADMIN = { name: '测试管理员', password: 'desktop-test-pass' };

async function loadMain(singleInstance: boolean, packaged = false) {
  mock = createElectronMock({ singleInstance, packaged });
  vi.doMock('electron', () => ({ ...mock.module, default: mock.module }));
  await import('../../electron/main.js');
  // start() waits for the core's threads to open the register before it opens the window.
  if (singleInstance) await vi.waitFor(() => expect(FakeBrowserWindow.created.length + mock.module.app.exit.mock.calls.length).toBeGreaterThan(0), { timeout: 30_000 });
}

beforeEach(() => {
  vi.resetModules();
  FakeBrowserWindow.created = [];
});
afterEach(async () => {
  vi.unstubAllEnvs();
  const started = FakeBrowserWindow.created.length > 0;
  mock.module.app.emit('will-quit', { preventDefault: () => undefined });
  // The core's threads must be gone before the next test opens another.
  if (started) await vi.waitFor(() => expect(mock.module.app.exit).toHaveBeenCalled(), { timeout: 30_000 });
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
    await invoke({ sender: win.webContents, senderFrame: { url: pageUrl } }, 'auth.setup', ADMIN);
    const own = await invoke({ sender: win.webContents, senderFrame: { url: pageUrl } }, 'system.stats', {});
    expect(own).toMatchObject({ ok: true, value: { organizations: 0 } });

    const foreign = await invoke({ sender: {}, senderFrame: { url: pageUrl } }, 'organizations.create', { parentId: null, fullName: '中共闯入委员会', type: '党委' });
    expect(foreign).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: msg.api.unauthorized } });
    const foreignFrame = await invoke({ sender: win.webContents, senderFrame: { url: 'https://evil.example/' } }, 'organizations.create', { parentId: null, fullName: '中共闯入委员会', type: '党委' });
    expect(foreignFrame).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const after = (await invoke({ sender: win.webContents, senderFrame: { url: pageUrl } }, 'system.stats', {})) as { value: { organizations: number } };
    expect(after.value.organizations).toBe(0);
  });

  it('keeps who is signed in per window, and locks it when the computer locks or sleeps', async () => {
    await loadMain(true);
    const win = FakeBrowserWindow.created[0]!;
    const invoke = mock.handlers.get(IPC_CHANNELS.invoke)!;
    const event = { sender: win.webContents, senderFrame: { url: 'file://' + String(win.loaded) } };
    expect(await invoke(event, 'system.stats', {})).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    await invoke(event, 'auth.setup', ADMIN);
    expect(await invoke(event, 'system.stats', {})).toMatchObject({ ok: true });
    for (const what of ['lock-screen', 'suspend']) {
      mock.module.powerMonitor.emit(what);
      expect(await invoke(event, 'system.stats', {})).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
      expect(await invoke(event, 'auth.status', {})).toMatchObject({ ok: true, value: { operator: null, lockedFrom: '测试管理员' } });
      expect(await invoke(event, 'auth.signIn', ADMIN)).toMatchObject({ ok: true });
      expect(await invoke(event, 'system.stats', {})).toMatchObject({ ok: true });
    }
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

describe('electron main: save paths', () => {
  type Invoke = (event: unknown, name: string, input: unknown) => Promise<{ ok: boolean; value?: { id: string; state: string }; error?: unknown }>;

  async function ownWindow() {
    await loadMain(true);
    const win = FakeBrowserWindow.created[0]!;
    const event = { sender: win.webContents, senderFrame: { url: 'file://' + String(win.loaded) } };
    const invoke = mock.handlers.get(IPC_CHANNELS.invoke)! as Invoke;
    const save = mock.handlers.get(IPC_CHANNELS.saveDialog)!;
    await invoke(event, 'auth.setup', ADMIN);
    return { event, invoke, save };
  }
  const options = { title: '保存报表', defaultName: '统计表.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] };
  const refusal = { ok: false, error: { code: 'UNAUTHORIZED', message: msg.desktop.unchosenSavePath } };

  it('refuses an outPath its save dialog never returned, and writes nothing there', async () => {
    const { event, invoke } = await ownWindow();
    const target = path.join(mock.userData, 'outside', 'authorized_keys.xlsx');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    expect(await invoke(event, 'reports.start', { type: 'report', kind: 'summary', outPath: target })).toEqual(refusal);
    expect(await invoke(event, 'reports.start', { type: 'package', period: '2026年度', outPath: 42 })).toEqual(refusal);
    await new Promise((r) => setTimeout(r, 200));
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });

  it('writes to the path its save dialog returned, once', async () => {
    const { event, invoke, save } = await ownWindow();
    const target = path.join(mock.userData, 'chosen', '统计表.xlsx');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    mock.module.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await save(event, options)).toBe(target);
    // Same file spelled differently: compared after path.resolve.
    const spelled = `${mock.userData}/chosen/../chosen/./统计表.xlsx`;
    await invoke(event, 'organizations.create', { parentId: null, fullName: '中共示例委员会', type: '党委' });
    const started = await invoke(event, 'reports.start', { type: 'report', kind: 'summary', outPath: spelled });
    expect(started).toMatchObject({ ok: true });
    let status = started.value!;
    for (let i = 0; i < 200 && (status.state === 'queued' || status.state === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await invoke(event, 'jobs.status', { jobId: status.id })).value!;
    }
    expect(status.state).toBe('done');
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(await invoke(event, 'reports.start', { type: 'report', kind: 'summary', outPath: target })).toEqual(refusal);
  });
});

describe('electron main: packaged or not', () => {
  const devServer = 'http://localhost:5173';
  const cancelled = (url: string) => {
    let cancel: boolean | undefined;
    mock.webRequest.beforeRequest!({ url }, (r) => (cancel = r.cancel));
    return cancel;
  };

  it('when packaged: no developer tools, and the dev-server variable is ignored', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', devServer);
    await loadMain(true, true);
    const win = FakeBrowserWindow.created[0]!;
    expect(win.options.webPreferences.devTools).toBe(false);
    expect(win.loaded).toMatch(/renderer[\\/]index\.html$/);
    expect(cancelled(devServer + '/src/main.tsx')).toBe(true);
  });

  it('from source: developer tools, and the dev server when the variable is set', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', devServer);
    await loadMain(true, false);
    const win = FakeBrowserWindow.created[0]!;
    expect(win.options.webPreferences.devTools).toBe(true);
    expect(win.loaded).toBe(devServer);
    expect(cancelled(devServer + '/src/main.tsx')).toBe(false);
  });
});

describe('electron main: permissions and every web contents', () => {
  it('denies every permission check and request', async () => {
    await loadMain(true);
    const s = mock.module.session.defaultSession;
    const check = s.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check(null, 'clipboard-read', 'file:///', {})).toBe(false);
    expect(check(null, 'media', 'file:///', {})).toBe(false);
    const request = s.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    const answer = vi.fn();
    request(null, 'notifications', answer, {});
    expect(answer).toHaveBeenCalledWith(false);
  });

  it('locks navigation, webviews and new windows for web contents it did not create itself', async () => {
    await loadMain(true);
    const other = new FakeWebContents();
    mock.module.app.emit('web-contents-created', {}, other);
    const event = { preventDefault: vi.fn() };
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) other.emit(name, event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalledTimes(4);
    expect(other.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('electron main on quit', () => {
  it('holds the quit until the register is closed, then exits', async () => {
    await loadMain(true);
    const event = { preventDefault: vi.fn() };
    mock.module.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(mock.module.app.exit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(mock.module.app.exit).toHaveBeenCalledWith(0), { timeout: 30_000 });
  });
});
