/** The page's only door to the main process: two typed functions, never raw ipcRenderer. */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type LedgerBridge } from '../src/contract/bridge.js';

const bridge: LedgerBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_CHANNELS.invoke, name, input),
  chooseSaveFile: (options) => ipcRenderer.invoke(IPC_CHANNELS.saveDialog, options),
};

contextBridge.exposeInMainWorld('ledger', bridge);
