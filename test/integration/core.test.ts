/**
 * The core off the window's thread: queries are answered by reader threads while the writer is busy with a long
 * change, every thread sees what the others committed, and a register that cannot be opened is refused cleanly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import { LedgerError } from '../../src/contract/errors.js';
import { startCore, type Core } from '../../src/hosts/core.js';

let dir: string;
let core: Core | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const fresh = () => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-core-')));

describe('the core', () => {
  it('answers a query while a long change runs on the writer, and the readers then see what it committed', async () => {
    core = await startCore(fresh());
    const order: string[] = [];
    const demo = core.invoke('system.demo', { members: 15_000, seed: 4 }).then((r) => (order.push('demo'), r));
    const info = core.invoke('system.info', {}).then((r) => (order.push('info'), r));
    expect(valueOf<'system.info'>(await info).dataDir).toBe(dir);
    expect(order).toEqual(['info']); // answered while the demo was still being written
    expect(valueOf<'system.demo'>(await demo).members).toBe(15_000);
    // Queries go to the readers, each on its own connection: both see the committed demo.
    const counts = await Promise.all([core.invoke('system.stats', {}), core.invoke('system.stats', {})]);
    expect(counts.map((c) => valueOf<'system.stats'>(c).members)).toEqual([15_000, 15_000]);
  });

  it('refuses unknown calls and invalid input with the registry’s own errors', async () => {
    core = await startCore(fresh());
    expect(await core.invoke('members.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect(await core.invoke('members.search', { limit: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a register written by a newer release with its Chinese message, and changes nothing', async () => {
    const file = path.join(fresh(), 'ledger.sqlite3');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = fs.readFileSync(file);
    const refused = await startCore(dir).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(LedgerError);
    expect((refused as LedgerError).code).toBe('SCHEMA_TOO_NEW');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
