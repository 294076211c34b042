/**
 * The core off the window's thread: queries are answered by reader threads while the writer is busy with a long
 * change, every thread sees what the others committed, and a register that cannot be opened is refused cleanly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import { LedgerError } from '../../src/contract/errors.js';
import { startCore, type Core } from '../../src/hosts/core.js';
import type { Caller } from '../../src/contract/operators.js';

let dir: string;
let core: Core | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The core's threads keep no sessions: the caller travels with each call, as a host's session hands it over. */
const ADMIN: Caller = { operatorId: 1, name: '测试管理员', role: '管理员' };

const fresh = () => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-core-')));

describe('the core', () => {
  it('answers a query while a long change runs on the writer, and the readers then see what it committed', async () => {
    core = await startCore(fresh());
    const order: string[] = [];
    const demo = core.invoke('system.demo', { members: 15_000, seed: 4 }, ADMIN).then((r) => (order.push('demo'), r));
    const info = core.invoke('system.info', {}, ADMIN).then((r) => (order.push('info'), r));
    expect(valueOf<'system.info'>(await info).dataDir).toBe(dir);
    expect(order).toEqual(['info']); // answered while the demo was still being written
    expect(valueOf<'system.demo'>(await demo).members).toBe(15_000);
    // Queries go to the readers, each on its own connection: both see the committed demo.
    const counts = await Promise.all([core.invoke('system.stats', {}, ADMIN), core.invoke('system.stats', {}, ADMIN)]);
    expect(counts.map((c) => valueOf<'system.stats'>(c).members)).toEqual([15_000, 15_000]);
  });

  it('restores a backup with every reader closed around it, and the readers then see the restored register', async () => {
    core = await startCore(fresh());
    valueOf<'system.demo'>(await core.invoke('system.demo', { members: 200, seed: 5 }, ADMIN));
    const started = valueOf<'system.backup'>(await core.invoke('system.backup', {}, ADMIN));
    await vi.waitFor(async () => expect(valueOf<'jobs.status'>(await core!.invoke('jobs.status', { jobId: started.id }, ADMIN)).state).toBe('done'), { timeout: 30_000 });
    const before = valueOf<'system.stats'>(await core.invoke('system.stats', {}, ADMIN)).organizations!;
    valueOf<'organizations.create'>(await core.invoke('organizations.create', { parentId: null, fullName: '中共恢复后应消失委员会', type: '党委' }, ADMIN));
    expect(valueOf<'system.stats'>(await core.invoke('system.stats', {}, ADMIN)).organizations).toBe(before + 1);
    const [backup] = valueOf<'system.backups'>(await core.invoke('system.backups', {}, ADMIN));
    const restored = valueOf<'system.restore'>(await core.invoke('system.restore', { fileName: backup!.fileName, confirm: true }, ADMIN));
    expect(restored.restoredFrom).toBe(backup!.fileName);
    // Both readers (and the writer) answer from the restored file, not the one they had open before.
    const counts = await Promise.all([1, 2, 3].map(() => core!.invoke('system.stats', {}, ADMIN)));
    expect(counts.map((c) => valueOf<'system.stats'>(c).organizations)).toEqual([before, before, before]);
    // The threads cannot set the file mask themselves; the host did, so SQLite's own files are private too.
    const mode = (f: string) => (fs.statSync(path.join(dir, f)).mode & 0o777).toString(8);
    expect([mode('ledger.sqlite3'), mode('ledger.sqlite3-wal'), mode(path.join('backups', backup!.fileName))]).toEqual(['600', '600', '700']);
  });

  it('keeps answering queries after a refused restore, runs two restores at once one after the other, and refuses unsendable input', async () => {
    core = await startCore(fresh());
    valueOf<'system.demo'>(await core.invoke('system.demo', { members: 100, seed: 6 }, ADMIN));
    const started = valueOf<'system.backup'>(await core.invoke('system.backup', {}, ADMIN));
    await vi.waitFor(async () => expect(valueOf<'jobs.status'>(await core!.invoke('jobs.status', { jobId: started.id }, ADMIN)).state).toBe('done'), { timeout: 30_000 });
    // Refused at once (no such backup): the readers closed and reopened around it must all answer afterwards.
    expect(await core.invoke('system.restore', { fileName: 'nope', confirm: true }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const after = await Promise.all([1, 2, 3, 4, 5, 6].map(() => core!.invoke('organizations.tree', {}, ADMIN)));
    expect(after.every((r) => r.ok)).toBe(true);
    // A double click on 恢复: both run, one after the other, and the console is whole afterwards.
    const [backup] = valueOf<'system.backups'>(await core.invoke('system.backups', {}, ADMIN));
    const twice = await Promise.all([1, 2].map(() => core!.invoke('system.restore', { fileName: backup!.fileName, confirm: true }, ADMIN)));
    expect(twice.map((r) => r.ok)).toEqual([true, true]);
    expect((await Promise.all([1, 2, 3].map(() => core!.invoke('system.stats', {}, ADMIN)))).map((r) => valueOf<'system.stats'>(r).members)).toEqual([100, 100, 100]);
    // Input nested thousands deep cannot be handed to a thread: refused, and nothing stays pending.
    const deep = JSON.parse(`{"q":${'['.repeat(5000)}${']'.repeat(5000)}}`) as unknown;
    expect(await core.invoke('members.search', deep, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(valueOf<'members.search'>(await core.invoke('members.search', { limit: 1 }, ADMIN)).total).toBe(100);
  });

  it('refuses unknown calls and invalid input with the registry’s own errors', async () => {
    core = await startCore(fresh());
    expect(await core.invoke('members.drop', {}, ADMIN)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect(await core.invoke('members.search', { limit: -1 }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('decides on the caller each call carries, on the writer and on the readers alike', async () => {
    core = await startCore(fresh());
    const readOnly: Caller = { operatorId: 2, name: '只读乙', role: '只读' };
    const org = { parentId: null, fullName: '中共只读不可建委员会', type: '党委' };
    expect(await core.invoke('organizations.create', org, readOnly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.invoke('organizations.tree', {})).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect(await core.invoke('organizations.tree', {}, readOnly)).toEqual({ ok: true, value: [] });
    expect(await core.invoke('organizations.create', org, ADMIN)).toMatchObject({ ok: true });
    const [entry] = valueOf<'audit.list'>(await core.invoke('audit.list', {}, readOnly));
    expect(entry).toMatchObject({ actor: '测试管理员', entity: 'organization', action: 'create' });
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
