/** The page's only door to the main process: a few typed functions, never raw ipcRenderer. */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type LedgerBridge } from '../src/api/bridge.js';

const bridge: LedgerBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_CHANNELS.invoke, name, input),
  onEvent: (listener) => {
    const wrapped = (_e: unknown, event: { type: string; payload: unknown }) => listener(event);
    ipcRenderer.on(IPC_CHANNELS.event, wrapped);
    return () => ipcRenderer.removeListener(IPC_CHANNELS.event, wrapped);
  },
  chooseSaveFile: (options) => ipcRenderer.invoke(IPC_CHANNELS.saveDialog, options),
  chooseOpenFile: (options) => ipcRenderer.invoke(IPC_CHANNELS.openDialog, options),
};

contextBridge.exposeInMainWorld('ledger', bridge);
