/**
 * IPC handlers over the core (its threads answer; main only relays). Every handler first checks that the message comes from the app's own
 * window showing the app's own page; anything else is refused with the same error shape as elsewhere.
 */
import path from 'node:path';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNELS, type FileDialogOptions } from '../src/contract/bridge.js';
import type { RpcResult } from '../src/contract/errors.js';
import type { CallTarget } from '../src/hosts/core.js';
import { Session } from '../src/hosts/session.js';
import { msg } from '../src/i18n/messages.js';

export interface Dialogs {
  save(win: BrowserWindow, options: FileDialogOptions): Promise<string | null>;
}

export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, pageOrigin: string): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frameUrl = event.senderFrame?.url ?? '';
  return frameUrl.startsWith(pageOrigin);
}

const refused: RpcResult = { ok: false, error: { code: 'UNAUTHORIZED', message: msg.api.unauthorized } };
const unchosenPath: RpcResult = { ok: false, error: { code: 'UNAUTHORIZED', message: msg.desktop.unchosenSavePath } };

/**
 * Main writes wherever a call's `outPath` says, so a page that went wrong could otherwise overwrite any file
 * the user can write. Only a path that main's own save dialog returned to that window is accepted, once.
 */
class ChosenPaths {
  private readonly byWindow = new WeakMap<WebContents, Set<string>>();

  remember(contents: WebContents, file: string): void {
    const paths = this.byWindow.get(contents) ?? new Set<string>();
    paths.add(path.resolve(file));
    this.byWindow.set(contents, paths);
  }

  /** True when the input names no outPath, or names one chosen in this window's dialog (then spent). */
  take(contents: WebContents, input: unknown): boolean {
    const outPath = typeof input === 'object' && input !== null ? (input as { outPath?: unknown }).outPath : undefined;
    if (outPath === undefined) return true;
    if (typeof outPath !== 'string') return false;
    return this.byWindow.get(contents)?.delete(path.resolve(outPath)) ?? false;
  }
}

export function registerIpc(
  ipcMain: IpcMain,
  registry: CallTarget,
  getWindow: () => BrowserWindow | null,
  pageOrigin: string,
  dialogs: Dialogs,
): { lockAll: () => void } {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, getWindow(), pageOrigin);
  const chosen = new ChosenPaths();
  // Who is signed in is kept per window here in main, never in the page (src/hosts/session.ts).
  const sessions = new WeakMap<WebContents, Session>();
  const all = new Set<Session>();
  const sessionOf = (contents: WebContents) => {
    const found = sessions.get(contents) ?? new Session(registry);
    sessions.set(contents, found);
    all.add(found);
    return found;
  };
  ipcMain.handle(IPC_CHANNELS.invoke, (event, name: unknown, input: unknown) => {
    if (!trusted(event)) return refused;
    if (!chosen.take(event.sender, input)) return unchosenPath;
    return sessionOf(event.sender).invoke(String(name), input);
  });
  ipcMain.handle(IPC_CHANNELS.saveDialog, async (event, options: FileDialogOptions) => {
    if (!trusted(event)) return null;
    const file = await dialogs.save(getWindow()!, options);
    if (file) chosen.remember(event.sender, file);
    return file;
  });
  return { lockAll: () => all.forEach((s) => s.lock()) };
}
