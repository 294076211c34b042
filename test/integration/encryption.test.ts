/**
 * Encryption at rest (issue 11 step 3): what is entered through the contract never reaches the disk readable —
 * the register, its WAL, every backup and every scan — and only a password or the recovery code opens it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import type { AdminCreated } from '../../src/contract/operators.js';
import { readKeyStore } from '../../src/db/keys.js';
import { openLedger, type Ledger } from '../../src/hosts/ledger.js';
import { msg } from '../../src/i18n/messages.js';
import { cli, snapshot, tempDir } from '../support/dataFolder.js';
import { caller } from '../support/ledger.js';
import { CANARY, CANARY_ID, enterMember, filesBelow, LATER, LATER_ID, leaks } from '../support/canary.js';
import { openAdminLedger, TEST_ADMIN } from '../support/adminLedger.js';

const root = tempDir('crypt');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const PASSWORD = process.env.NETLEDGER_PASSWORD!;

async function backUp(ledger: Ledger) {
  const done = await ledger.jobs.wait(ledger.jobs.startBackup(new Date()).id);
  expect(done.state).toBe('done');
}

describe('encryption at rest', () => {
  it('encrypts an existing plain register in place at first start, and nothing entered is readable on disk', async () => {
    const dir = path.join(root, 'canary');
    // A register of an earlier release: plain, no operators yet, with a member, a scan and a backup.
    const plain = openLedger(dir);
    const asAdmin = caller({ invoke: (n, i) => plain.registry.invoke(n, i, TEST_ADMIN) });
    const org = asAdmin('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
    enterMember(asAdmin, org, CANARY, CANARY_ID);
    await backUp(plain);
    await plain.close();
    expect(leaks(dir).length).toBeGreaterThan(0);

    const ledger = openLedger(dir);
    const created = valueOf<'auth.setup'>(ledger.registry.invoke('auth.setup', { name: '管理员', password: PASSWORD })) as AdminCreated;
    const call = caller({ invoke: (n, i) => ledger.registry.invoke(n, i, created.operator) });
    expect(ledger.key).toMatch(/^[0-9a-f]{64}$/);
    expect(readKeyStore(dir)!.wraps.map((w) => w.kind).sort()).toEqual(['operator', 'recovery']);
    // What was there reads as before; what comes after is written encrypted too (into the WAL first).
    expect(call('members.search', { q: CANARY }).rows.map((r) => r.name)).toEqual([CANARY]);
    const later = enterMember(call, org, LATER, LATER_ID);
    expect(call('members.get', { id: later }).idNumber).toBe(LATER_ID);
    await backUp(ledger);

    expect(fs.statSync(path.join(dir, 'ledger.sqlite3-wal')).size).toBeGreaterThan(0);
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    // The backup of an earlier day, the checked one taken before encrypting, and today's.
    expect(backups).toHaveLength(3);
    for (const b of backups) expect(fs.existsSync(path.join(dir, 'backups', b, 'keys.json'))).toBe(true);
    expect(filesBelow(path.join(dir, 'attachments'))).toHaveLength(2);
    expect(leaks(dir)).toEqual([]);
    await ledger.close();
    expect(leaks(dir)).toEqual([]);

    // Closed, it opens again only with a password or the recovery code, and shows nothing before.
    const again = openLedger(dir);
    expect(again.isOpen).toBe(false);
    expect(again.registry.invoke('members.search', { q: CANARY }, created.operator)).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect(again.registry.invoke('auth.signIn', { name: '管理员', password: 'not-the-password' })).toMatchObject({ ok: false, error: { message: msg.operators.badCredentials } });
    expect(again.isOpen).toBe(false);
    const recovered = again.registry.invoke('auth.recover', { recoveryCode: created.recoveryCode.toLowerCase(), name: '管理员', password: 'a-new-password-2' });
    expect(recovered.ok).toBe(true);
    expect(caller({ invoke: (n, i) => again.registry.invoke(n, i, created.operator) })('members.get', { id: later }).name).toBe(LATER);
    await again.close();
    // The new password now opens it; the old one no longer does (each on a fresh start: a failure delays the next try).
    const old = openLedger(dir);
    expect(old.registry.invoke('auth.signIn', { name: '管理员', password: PASSWORD }).ok).toBe(false);
    expect(old.isOpen).toBe(false);
    const third = openLedger(dir);
    expect(third.registry.invoke('auth.signIn', { name: '管理员', password: 'a-new-password-2' }).ok).toBe(true);
    await third.close();
  });

  it('an operator the administrator creates opens the register with their own password; a deactivated one no longer can', async () => {
    const dir = path.join(root, 'operators');
    const ledger = openLedger(dir);
    const created = valueOf<'auth.setup'>(ledger.registry.invoke('auth.setup', { name: '管理员', password: PASSWORD }));
    const call = caller({ invoke: (n, i) => ledger.registry.invoke(n, i, created.operator) });
    const clerk = call('operators.create', { name: '录入甲', role: '录入员', password: 'clerk-password-1' });
    await ledger.close();
    const next = openLedger(dir);
    expect(next.registry.invoke('auth.signIn', { name: '录入甲', password: 'clerk-password-1' }).ok).toBe(true);
    caller({ invoke: (n, i) => next.registry.invoke(n, i, created.operator) })('operators.update', { id: clerk.id, active: false });
    await next.close();
    const last = openLedger(dir);
    expect(last.registry.invoke('auth.signIn', { name: '录入甲', password: 'clerk-password-1' })).toMatchObject({ ok: false });
    expect(last.isOpen).toBe(false);
    await last.close();
  });

  it('a damaged or missing keys.json is refused with what to do, and the newest backup\'s copy opens the register again', async () => {
    const dir = path.join(root, 'keys');
    const ledger = openLedger(dir);
    const created = valueOf<'auth.setup'>(ledger.registry.invoke('auth.setup', { name: '管理员', password: PASSWORD }));
    const call = caller({ invoke: (n, i) => ledger.registry.invoke(n, i, created.operator) });
    const org = call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
    enterMember(call, org, CANARY, CANARY_ID);
    const backup = await ledger.jobs.wait(ledger.jobs.startBackup(new Date()).id);
    await ledger.close();
    const keys = path.join(dir, 'keys.json');
    const whole = fs.readFileSync(keys);
    for (const damage of [whole.subarray(0, 40), Buffer.from(''), Buffer.from('null'), Buffer.from(JSON.stringify({ format: 1, wraps: [{ ...JSON.parse(whole.toString()).wraps[0], N: 2 ** 24 }] }))]) {
      fs.writeFileSync(keys, damage);
      expect(() => openLedger(dir)).toThrow(msg.crypt.keysDamaged);
    }
    fs.rmSync(keys);
    expect(() => openLedger(dir)).toThrow(msg.crypt.keysMissing);
    fs.copyFileSync(path.join(backup.file!, 'keys.json'), keys);
    const again = openLedger(dir);
    expect(again.registry.invoke('auth.signIn', { name: '管理员', password: PASSWORD }).ok).toBe(true);
    await again.close();
  });

  it('the command line refuses a wrong password with exit 1 and changes nothing; a backup restores only with the password of its day', async () => {
    const dir = path.join(root, 'cli');
    expect((await cli(['init', '--data-dir', dir])).code).toBe(0);
    expect((await cli(['backup', '--data-dir', dir])).code).toBe(0);
    const backup = path.join(dir, 'backups', fs.readdirSync(path.join(dir, 'backups'))[0]!);
    const before = snapshot(dir);
    process.env.NETLEDGER_PASSWORD = 'not-the-password';
    try {
      for (const args of [['stats', '--json'], ['check'], ['restore', backup, '--yes']]) {
        const run = await cli([...args, '--data-dir', dir]);
        expect(run.code).toBe(1);
        expect(run.err).toMatch(/密码不正确/);
      }
      expect((await cli(['restore', backup, '--yes', '--data-dir', dir])).err).toBe(msg.crypt.restoreWrongPassword);
    } finally {
      process.env.NETLEDGER_PASSWORD = PASSWORD;
    }
    expect(snapshot(dir)).toEqual(before);
    expect((await cli(['restore', backup, '--yes', '--data-dir', dir])).code).toBe(0);
    expect((await cli(['check', '--data-dir', dir])).code).toBe(0);
  });
});

describe('a new data folder opened with a key', () => {
  it('is created encrypted at once (it used to wait forever for a plain file to encrypt)', async () => {
    const dir = path.join(root, 'new-with-key');
    const key = 'ab'.repeat(32);
    const started = Date.now();
    const ledger = openAdminLedger(dir, { key });
    expect(Date.now() - started).toBeLessThan(10_000);
    caller(ledger.registry)('organizations.create', { parentId: null, fullName: '中共加密新建测试委员会', type: '党委' });
    await ledger.close();
    expect(fs.readFileSync(path.join(dir, 'ledger.sqlite3')).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const again = openAdminLedger(dir, { key });
    expect(again.db.prepare('SELECT full_name FROM organizations').pluck().all()).toEqual(['中共加密新建测试委员会']);
    await again.close();
  });
});
