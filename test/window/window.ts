/**
 * The window's hooks and helpers tested below end-to-end: a real in-memory register stands behind
 * `window.ledger` (the desktop bridge), so the renderer's own client, paging and error display run unchanged.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { LedgerBridge } from '../../src/contract/bridge.js';
import { freshLedger } from '../support/ledger.js';

// Without vitest's globals Testing Library does not unmount after each test by itself: a component left mounted
// keeps antd's delayed state timers, which fired after the test environment was gone ("window is not defined").
afterEach(cleanup);

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
