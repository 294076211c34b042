import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createElectronMock } from './electronMock.js';

vi.mock('electron', () => createElectronMock({ singleInstance: true }).module);

const { chooseDataDir } = await import('../../electron/dataDir.js');
const { menuTemplate } = await import('../../electron/menu.js');
const { isAllowedRequest } = await import('../../electron/security.js');
const { registerIpc } = await import('../../electron/ipc.js');
const { IPC_CHANNELS } = await import('../../src/contract/bridge.js');
const { msg } = await import('../../src/i18n/messages.js');

describe('electron parts', () => {
  it('uses a data folder beside the executable when present (portable, for USB sticks)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-portable-'));
    const exe = path.join(dir, 'netledger.exe');
    expect(chooseDataDir(exe, '/home/x/.config/netledger')).toBe(path.join('/home/x/.config/netledger', 'ledger'));
    fs.mkdirSync(path.join(dir, 'data'));
    expect(chooseDataDir(exe, '/home/x/.config/netledger')).toBe(path.join(dir, 'data'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a Chinese menu without developer entries when packaged', () => {
    const labels = (items: ReturnType<typeof menuTemplate>): string[] =>
      items.flatMap((i) => [i.label ?? '', ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]).filter(Boolean);
    expect(labels(menuTemplate(true, () => undefined))).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '退出', '复制', '粘贴']));
    expect(labels(menuTemplate(true, () => undefined))).not.toContain('开发者工具');
    expect(labels(menuTemplate(false, () => undefined))).toContain('开发者工具');
  });

  it('lets only the dev server through during development', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('http://localhost:9999/', 'http://localhost:5173')).toBe(false);
    expect(isAllowedRequest('wss://example.com/socket')).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('preload exposes only the typed bridge, over the allowed channels', async () => {
    const electron = (await import('electron')) as unknown as ReturnType<typeof createElectronMock>['module'];
    await import('../../electron/preload.js');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (...a: unknown[]) => unknown>];
    expect(name).toBe('ledger');
    expect(Object.keys(bridge).sort()).toEqual(['chooseSaveFile', 'invoke']);
    await bridge.invoke!('system.stats', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.invoke, 'system.stats', {});
  });

  it('hands the register only outPaths the save dialog returned to that window, each once', async () => {
    const handlers = new Map<string, (...a: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: (channel: string, fn: (...a: unknown[]) => Promise<unknown>) => handlers.set(channel, fn) };
    const registry = { invoke: vi.fn(() => ({ ok: true as const, value: null })) };
    const win = { webContents: {}, isDestroyed: () => false };
    const dialogs = { save: vi.fn(async () => '/home/secretary/报表/统计表.xlsx') };
    const page = 'file:///app/out/renderer/index.html';
    registerIpc(ipcMain as never, registry, () => win as never, page, dialogs as never);
    const event = { sender: win.webContents, senderFrame: { url: page } };
    const invoke = handlers.get(IPC_CHANNELS.invoke)!;
    const start = (outPath: unknown) => invoke(event, 'reports.start', { type: 'report', kind: 'summary', outPath });
    const refused = { ok: false, error: { code: 'UNAUTHORIZED', message: msg.desktop.unchosenSavePath } };

    expect(await start('/home/secretary/.bashrc.xlsx')).toEqual(refused);
    expect(await start('/home/secretary/报表/统计表.xlsx')).toEqual(refused); // not chosen yet
    expect(registry.invoke).not.toHaveBeenCalled();

    expect(await handlers.get(IPC_CHANNELS.saveDialog)!(event, { title: '保存', filters: [] })).toBe('/home/secretary/报表/统计表.xlsx');
    // Another web contents cannot spend this window's choice.
    expect(await invoke({ sender: {}, senderFrame: { url: page } }, 'reports.start', { outPath: '/home/secretary/报表/统计表.xlsx' })).toMatchObject({ ok: false });
    expect(await start('/home/secretary/报表/../报表/统计表.xlsx')).toEqual({ ok: true, value: null });
    expect(registry.invoke).toHaveBeenCalledTimes(1);
    expect(await start('/home/secretary/报表/统计表.xlsx')).toEqual(refused);
    // Calls without an outPath are unaffected.
    expect(await invoke(event, 'system.stats', {})).toEqual({ ok: true, value: null });
    expect(registry.invoke).toHaveBeenCalledTimes(2);
  });
});
