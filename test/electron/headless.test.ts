/**
 * The packaged app's windowless answers and where it keeps the register, with `electron` mocked: `--smoke` opens a
 * throwaway register and writes a real report through the export worker, `--version` prints the About text,
 * 帮助 → 关于 shows it, and a `data` folder beside the program the user started is used (portable .exe, AppImage),
 * but never inside an installed copy's folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseDataDir } from '../../electron/dataDir.js';
import { msg } from '../../src/i18n/messages.js';
import { inspectWorkbook } from '../support/excel.js';
import { createElectronMock, FakeBrowserWindow } from './electronMock.js';

const root = path.join(import.meta.dirname, '../..');
const packageVersion = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const migrationCount = fs.readdirSync(path.join(root, 'src/db/migrations')).filter((f) => f.endsWith('.sql')).length;
const sqlite = (() => {
  const db = new Database(':memory:');
  const v = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return v;
})();

let mock: ReturnType<typeof createElectronMock>;
const savedArgv = process.argv;
const temp: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-headless-'));
  temp.push(dir);
  return dir;
}

/** Loads main with this command line; resolves once app.exit was called or the window opened. */
async function loadMain(args: string[], packagedJson?: Record<string, unknown>) {
  mock = createElectronMock({ singleInstance: true, packaged: true });
  if (packagedJson) {
    fs.mkdirSync(path.join(mock.userData, 'app'), { recursive: true });
    fs.writeFileSync(path.join(mock.userData, 'app/package.json'), JSON.stringify(packagedJson));
  }
  process.argv = [process.argv[0]!, ...args];
  vi.doMock('electron', () => ({ ...mock.module, default: mock.module }));
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  await import('../../electron/main.js');
  for (let i = 0; i < 400 && mock.module.app.exit.mock.calls.length === 0 && FakeBrowserWindow.created.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  vi.mocked(process.stdout.write).mockRestore();
  return out.join('');
}

beforeEach(() => {
  vi.resetModules();
  FakeBrowserWindow.created = [];
});
afterEach(() => {
  process.argv = savedArgv;
  vi.unstubAllEnvs();
  mock.module.app.emit('will-quit', { preventDefault: () => undefined });
  fs.rmSync(mock.userData, { recursive: true, force: true });
  temp.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

describe('netledger --smoke', () => {
  it('opens a throwaway register, writes the 统计表 through the export worker, reports and exits 0 without a window', async () => {
    const dir = path.join(tempDir(), 'smoke');
    const printed = await loadMain(['--smoke', `--smoke-dir=${dir}`]);
    expect(mock.module.app.exit).toHaveBeenCalledWith(0);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(mock.module.app.requestSingleInstanceLock).not.toHaveBeenCalled(); // works while the console is open
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'smoke.json'), 'utf8'));
    expect(JSON.parse(printed.trim())).toEqual(report);
    expect(report).toMatchObject({ ok: true, version: packageVersion, schemaVersion: migrationCount, sqliteVersion: sqlite, members: 60, modules: process.versions.modules });
    expect(report.report.file).toBe(path.join(dir, 'summary.xlsx'));
    expect(report.report.bytes).toBe(fs.statSync(path.join(dir, 'summary.xlsx')).size);
    expect(inspectWorkbook(report.report.file)[0]!.cells.find((c) => c.ref === 'A1')!.value).toBe('党员干部网络账号报备情况统计表');
    // The register is the throwaway one, not the user's data folder.
    expect(fs.existsSync(path.join(dir, 'data/ledger.sqlite3'))).toBe(true);
    expect(fs.existsSync(path.join(mock.userData, 'ledger'))).toBe(false);
  });

  it('exits 1 and says why when the register cannot be opened', async () => {
    const dir = path.join(tempDir(), 'smoke');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'data'), 'a file where the data folder should be');
    await loadMain(['--smoke', `--smoke-dir=${dir}`]);
    expect(mock.module.app.exit).toHaveBeenCalledWith(1);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'smoke.json'), 'utf8'));
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/EEXIST|ENOTDIR/);
  });

  it('without --smoke-dir leaves nothing behind', async () => {
    const before = new Set(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('netledger-smoke-')));
    const printed = await loadMain(['--smoke']);
    expect(mock.module.app.exit).toHaveBeenCalledWith(0);
    expect(JSON.parse(printed.trim()).ok).toBe(true);
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('netledger-smoke-') && !before.has(f))).toEqual([]);
  });
});

describe('release facts', () => {
  it('--version prints version, build date from the packaged package.json, data version, SQLite and Electron', async () => {
    // What Electron's process reports; plain Node has no process.versions.electron.
    Object.defineProperty(process.versions, 'electron', { value: '40.10.2', configurable: true });
    const printed = await loadMain(['--version'], { name: 'netledger', version: packageVersion, buildDate: '2026-11-20T08:30:00.000Z' }).finally(
      () => delete (process.versions as Record<string, string | undefined>).electron,
    );
    expect(mock.module.app.exit).toHaveBeenCalledWith(0);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(printed.trim().split('\n')).toEqual([
      `网络账号报备台账 ${packageVersion}`,
      '构建日期：2026-11-20',
      `数据版本：${migrationCount}`,
      `SQLite：${sqlite}`,
      'Electron：40.10.2',
    ]);
  });

  it('帮助 → 关于 shows the same facts from the open register in a dialog over the window', async () => {
    await loadMain([], { name: 'netledger', version: packageVersion, buildDate: '2026-11-20T08:30:00.000Z' });
    const template = mock.module.Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[];
    const help = template.find((m) => m.label === '帮助')!;
    const about = (help.submenu as MenuItemConstructorOptions[]).find((m) => m.label === '关于')!;
    (about.click as () => void)();
    await vi.waitFor(() => expect(mock.module.dialog.showMessageBox).toHaveBeenCalled());
    const [win, options] = mock.module.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, { title: string; message: string }];
    expect(win).toBe(FakeBrowserWindow.created[0]);
    expect(options.title).toBe(msg.about.title);
    expect(options.message.split('\n')).toEqual(
      expect.arrayContaining([`网络账号报备台账 ${packageVersion}`, '构建日期：2026-11-20', `数据版本：${migrationCount}`, `SQLite：${sqlite}`]),
    );
  });
});

describe('data folder', () => {
  const userData = '/home/x/.config/netledger';

  it('portable .exe: the data folder beside the .exe the user started, not beside the unpacked copy in TEMP', () => {
    const usb = tempDir();
    const unpacked = tempDir();
    fs.mkdirSync(path.join(unpacked, 'data')); // must be ignored: it is not where the user started the program
    const exe = path.join(unpacked, 'netledger.exe');
    const env = { PORTABLE_EXECUTABLE_DIR: usb };
    expect(chooseDataDir(exe, userData, env)).toBe(path.join(userData, 'ledger'));
    fs.mkdirSync(path.join(usb, 'data'));
    expect(chooseDataDir(exe, userData, env)).toBe(path.join(usb, 'data'));
  });

  it('AppImage: the data folder beside the .AppImage file, not inside its read-only mount', () => {
    const usb = tempDir();
    fs.mkdirSync(path.join(usb, 'data'));
    expect(chooseDataDir('/tmp/.mount_netledXYZ/netledger', userData, { APPIMAGE: path.join(usb, 'netledger-0.1.0-x86_64.AppImage') })).toBe(path.join(usb, 'data'));
  });

  it('an installed copy never keeps the register in its own folder, which uninstalling deletes', () => {
    const installed = tempDir();
    fs.mkdirSync(path.join(installed, 'data'));
    const exe = path.join(installed, 'netledger.exe');
    expect(chooseDataDir(exe, userData, {})).toBe(path.join(installed, 'data'));
    fs.writeFileSync(path.join(installed, 'Uninstall netledger.exe'), '');
    expect(chooseDataDir(exe, userData, {})).toBe(path.join(userData, 'ledger'));
  });

  it('main opens the register in the data folder beside the portable .exe', async () => {
    const usb = tempDir();
    fs.mkdirSync(path.join(usb, 'data'));
    vi.stubEnv('PORTABLE_EXECUTABLE_DIR', usb);
    await loadMain([]);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(fs.existsSync(path.join(usb, 'data/ledger.sqlite3'))).toBe(true);
  });
});
