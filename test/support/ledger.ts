import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/open.js';
import { createRegistry, type Registry } from '../../src/dispatch/registry.js';
import type { JobContext } from '../../src/jobs/jobs.js';
import { valueOf, type CallInput, type CallName, type CallOutput } from '../../src/contract/contract.js';
import type { ErrorBody } from '../../src/contract/errors.js';

export const FROZEN_NOW = new Date('2026-11-25T02:00:00Z');

/** A fresh in-memory register with a frozen clock, and a typed caller over its registry. */
export function freshLedger(actor = '测试操作员') {
  const db = openDatabase(':memory:', { now: () => FROZEN_NOW.toISOString() });
  const ctx: JobContext = { db, clock: () => FROZEN_NOW, actor, filesDir: fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-files-')), jobs: null };
  const raw = createRegistry(ctx, { version: 'test', dataDir: ':memory:' }, () => undefined);
  // Most tests are about the register, not about who may use it: they act as an administrator named by `actor`.
  const registry: Registry = { invoke: (name, input, as = { operatorId: 1, name: actor, role: '管理员' }) => raw.invoke(name, input, as) };
  return { db, ctx, registry, raw, call: caller(registry), fail: failer(registry) };
}

export function caller(registry: Registry) {
  return <N extends CallName>(name: N, input: CallInput<N>): CallOutput<N> => {
    return valueOf<N>(registry.invoke(name, input));
  };
}

/** Calls something that must be refused, and returns the error it was refused with. */
export function failer(registry: Registry) {
  return (name: string, input: unknown): ErrorBody => {
    const result = registry.invoke(name, input);
    if (result.ok) throw new Error(`${name} should have failed but returned ${JSON.stringify(result.value)}`);
    return result.error;
  };
}

