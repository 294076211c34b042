/**
 * What the preload exposes to the page as `window.ledger` (types only; shared by preload and renderer).
 * Deliberately small: calls go through the one contract, progress of long work is polled through it too
 * (the same way in browser mode), and the only native piece is the save dialog for exports.
 */
import type { RpcResult } from './errors.js';

export interface FileDialogOptions {
  title: string;
  defaultName?: string;
  filters: { name: string; extensions: string[] }[];
}

export interface LedgerBridge {
  invoke(name: string, input: unknown): Promise<RpcResult>;
  chooseSaveFile(options: FileDialogOptions): Promise<string | null>;
}

export const IPC_CHANNELS = {
  invoke: 'ledger:invoke',
  saveDialog: 'ledger:save-dialog',
} as const;
