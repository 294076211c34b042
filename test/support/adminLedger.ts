/** A data folder opened as the hosts open it, with every call made as an invented administrator unless a test says who. */
import type { Caller } from '../../src/contract/operators.js';
import { readKeyStore, unwrapKey } from '../../src/db/keys.js';
import { openLedger, type Ledger, type LedgerOptions } from '../../src/hosts/ledger.js';

export const TEST_ADMIN: Caller = { operatorId: 1, name: '测试操作员', role: '管理员' };

const keys = new Map<string, string>();

/**
 * The register key of an encrypted data (or backup) folder, unwrapped as the command line does with
 * NETLEDGER_PASSWORD for its first operator; undefined for a plain one. Kept per keys.json, as each unwrap is a scrypt.
 */
export function registerKey(dir: string): string | undefined {
  const store = readKeyStore(dir);
  if (!store) return undefined;
  const id = JSON.stringify(store);
  if (!keys.has(id)) keys.set(id, unwrapKey(store.wraps.find((w) => w.kind === 'operator')!, process.env.NETLEDGER_PASSWORD!)!.toString('hex'));
  return keys.get(id);
}

/** An encrypted register (set up by a CLI command of the test) opens with its key, as after a sign-in. */
export function openAdminLedger(dataDir: string, options?: LedgerOptions): Ledger {
  const ledger = openLedger(dataDir, { key: registerKey(dataDir), ...options });
  const raw = ledger.registry;
  // A host's session passes null before anyone signs in: these tests are not about that, so null acts as the admin too.
  ledger.registry = { invoke: (name, input, caller) => raw.invoke(name, input, caller ?? TEST_ADMIN) };
  return ledger;
}
