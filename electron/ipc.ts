/**
 * IPC handlers over the registry. Every handler first checks that the message comes from the app's own
 * window showing the app's own page; anything else is refused with the same error shape as elsewhere.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type FileDialogOptions } from '../src/contract/bridge.js';
import type { RpcResult } from '../src/contract/errors.js';
import type { Registry } from '../src/dispatch/registry.js';
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

export function registerIpc(
  ipcMain: IpcMain,
  registry: Registry,
  getWindow: () => BrowserWindow | null,
  pageOrigin: string,
  dialogs: Dialogs,
): void {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, getWindow(), pageOrigin);
  ipcMain.handle(IPC_CHANNELS.invoke, (event, name: unknown, input: unknown) => {
    if (!trusted(event)) return refused;
    return registry.invoke(String(name), input);
  });
  ipcMain.handle(IPC_CHANNELS.saveDialog, (event, options: FileDialogOptions) =>
    trusted(event) ? dialogs.save(getWindow()!, options) : null,
  );
}
