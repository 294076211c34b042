/** A data folder opened as the hosts open it, with every call made as an invented administrator unless a test says who. */
import type { Caller } from '../../src/contract/operators.js';
import { openLedger, type Ledger, type LedgerOptions } from '../../src/hosts/ledger.js';

export const TEST_ADMIN: Caller = { operatorId: 1, name: '测试操作员', role: '管理员' };

export function openAdminLedger(dataDir: string, options?: LedgerOptions): Ledger {
  const ledger = openLedger(dataDir, options);
  const raw = ledger.registry;
  // A host's session passes null before anyone signs in: these tests are not about that, so null acts as the admin too.
  ledger.registry = { invoke: (name, input, caller) => raw.invoke(name, input, caller ?? TEST_ADMIN) };
  return ledger;
}
