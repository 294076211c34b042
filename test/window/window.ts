/**
 * The window's hooks and helpers tested below end-to-end: a real in-memory register stands behind
 * `window.ledger` (the desktop bridge), so the renderer's own client, paging and error display run unchanged.
 */
import type { LedgerBridge } from '../../src/contract/bridge.js';
import { freshLedger } from '../support/ledger.js';

export function bridgedLedger() {
  const ledger = freshLedger();
  const calls: string[] = [];
  const bridge: LedgerBridge = {
    invoke: async (name, input) => {
      calls.push(name);
      return ledger.registry.invoke(name, input);
    },
    chooseSaveFile: async () => null,
  };
  (window as unknown as { ledger: LedgerBridge }).ledger = bridge;
  return { ...ledger, calls };
}
