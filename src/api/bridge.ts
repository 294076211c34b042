/** What the preload exposes to the page as `window.ledger` (types only; shared by preload and renderer). */
import type { RpcResult } from './registry.js';

export interface FileDialogOptions {
  title: string;
  defaultName?: string;
  filters: { name: string; extensions: string[] }[];
}

export interface LedgerBridge {
  invoke(name: string, input: unknown): Promise<RpcResult>;
  onEvent(listener: (event: { type: string; payload: unknown }) => void): () => void;
  chooseSaveFile(options: FileDialogOptions): Promise<string | null>;
  chooseOpenFile(options: FileDialogOptions): Promise<string | null>;
}

export const IPC_CHANNELS = {
  invoke: 'ledger:invoke',
  event: 'ledger:event',
  saveDialog: 'ledger:save-dialog',
  openDialog: 'ledger:open-dialog',
} as const;
