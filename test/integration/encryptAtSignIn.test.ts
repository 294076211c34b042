/**
 * A register of the release before encryption (it already has operators, so no first start will ever encrypt it) is
 * encrypted in place when its administrator signs in; the other operators keep their own passwords; failed
 * sign-ins while an encrypted register is closed reach its audit once it opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import type { SignedIn } from '../../src/contract/operators.js';
import { findWrap, readKeyStore } from '../../src/db/keys.js';
import { startCore } from '../../src/hosts/core.js';
import { openLedger } from '../../src/hosts/ledger.js';
import { msg } from '../../src/i18n/messages.js';
import { CANARY, enterMember, leaks, LATER, LATER_ID } from '../support/canary.js';
import { cli, count, tempDir } from '../support/dataFolder.js';
import { caller } from '../support/ledger.js';
import { ADMIN, ADMIN_PASSWORD, CLERK, CLERK_PASSWORD, legacyRegister } from '../support/legacyRegister.js';

const root = tempDir('crypt-signin');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const RECOVERY_CODE = /^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/;

/** The salt of an operator's stored password hash (`scrypt$N$r$p$salt$hash`), read from a plain register. */
function hashSalt(dir: string, name: string): string {
  const ledger = openLedger(dir);
  const salt = (ledger.db.prepare('SELECT password_hash FROM operators WHERE name = ?').pluck().get(name) as string).split('$')[4]!;
  void ledger.close();
  return salt;
}

describe('encrypting a register of an earlier release at sign-in', () => {
  it('the administrator\'s sign-in encrypts it and shows a new recovery code; the 录入员 is refused before and uses their own password after', async () => {
    const dir = path.join(root, 'window');
    const { org, oldRecoveryCode } = await legacyRegister(dir);
    const clerkSalt = hashSalt(dir, CLERK);
    expect(leaks(dir).length).toBeGreaterThan(0);

    const ledger = openLedger(dir);
    expect(ledger.isOpen).toBe(true);
    // Only an administrator may: the new recovery code is an administrator's power.
    expect(ledger.registry.invoke('auth.signIn', { name: CLERK, password: CLERK_PASSWORD })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: msg.crypt.adminFirst } });
    expect(ledger.key).toBeNull();
    expect(ledger.registry.invoke('auth.signIn', { name: ADMIN, password: 'not-the-password' })).toMatchObject({ ok: false, error: { message: msg.operators.badCredentials } });
    expect(readKeyStore(dir)).toBeNull();
    // The wrong password's delay (1 s) is waited out.
    await new Promise((r) => setTimeout(r, 1100));

    const signed = valueOf<'auth.signIn'>(ledger.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD })) as SignedIn;
    expect(signed.operator.name).toBe(ADMIN);
    expect(signed.recoveryCode).toMatch(RECOVERY_CODE);
    expect(signed.recoveryCode).not.toBe(oldRecoveryCode);
    expect(ledger.key).toMatch(/^[0-9a-f]{64}$/);
    const keys = readKeyStore(dir)!;
    expect(keys.wraps.map((w) => `${w.kind}:${w.name}`).sort()).toEqual(['operator:录入甲', 'operator:老管理员', 'recovery:']);
    // The 录入员's wrap is made under their stored hash (its salt), as their password is not known.
    expect(findWrap(keys, 'operator', CLERK)!.salt).toBe(clerkSalt);
    // Owed until the window confirms it was copied (auth.recoveryCodeSeen): a lost answer gets another at the next sign-in.
    expect(keys.recoveryUnseen).toBe(true);

    const call = caller({ invoke: (n, i) => ledger.registry.invoke(n, i, signed.operator) });
    expect(call('members.search', { q: CANARY }).rows.map((r) => r.name)).toEqual([CANARY]);
    enterMember(call, org, LATER, LATER_ID);
    // The backup of an earlier day, and the checked one taken just before encrypting.
    expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(2);
    expect(call('audit.list', { actor: ADMIN }).map((e) => e.summary)).toContain(msg.operators.audit.encrypted(ADMIN));
    expect(leaks(dir)).toEqual([]);
    await ledger.close();
    expect(leaks(dir)).toEqual([]);

    // Closed again: the 录入员 opens it with their own, unchanged password, and their wrap is then made afresh.
    const clerk = openLedger(dir);
    expect(clerk.isOpen).toBe(false);
    const clerkIn = valueOf<'auth.signIn'>(clerk.registry.invoke('auth.signIn', { name: CLERK, password: CLERK_PASSWORD }));
    expect(clerkIn.operator.role).toBe('录入员');
    expect(clerkIn.recoveryCode).toBeUndefined();
    expect(findWrap(readKeyStore(dir)!, 'operator', CLERK)!.salt).not.toBe(clerkSalt);
    expect(caller({ invoke: (n, i) => clerk.registry.invoke(n, i, clerkIn.operator) })('members.search', { q: LATER }).rows).toHaveLength(1);
    await clerk.close();

    // The old recovery code is void; the new one opens the register and sets a new administrator password.
    const lost = openLedger(dir);
    expect(lost.registry.invoke('auth.recover', { recoveryCode: oldRecoveryCode, name: ADMIN, password: 'another-password-2' })).toMatchObject({ ok: false, error: { message: msg.operators.recoveryRefused } });
    await lost.close();
    const recovered = openLedger(dir);
    expect(recovered.registry.invoke('auth.recover', { recoveryCode: signed.recoveryCode!, name: ADMIN, password: 'another-password-2' }).ok).toBe(true);
    await recovered.close();
  });

  it('failed sign-ins while the register is closed are audited, under the name tried and at their time, once it opens', async () => {
    const dir = path.join(root, 'failures');
    await legacyRegister(dir);
    const first = openLedger(dir);
    valueOf<'auth.signIn'>(first.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
    await first.close();

    const ledger = openLedger(dir);
    const before = new Date().toISOString();
    for (const [name, password] of [[ADMIN, 'wrong-password-1'], ['无此人', 'whatever-1'], [CLERK, 'wrong-password-2']]) {
      expect(ledger.registry.invoke('auth.signIn', { name, password })).toMatchObject({ ok: false, error: { message: msg.operators.badCredentials } });
    }
    expect(ledger.registry.invoke('auth.recover', { recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', name: ADMIN, password: 'another-password-2' }).ok).toBe(false);
    const after = new Date().toISOString();
    expect(ledger.isOpen).toBe(false);
    // Nothing was written while closed; the entries come with the next successful open (the 录入员 waits out their delay).
    await new Promise((r) => setTimeout(r, 1100));
    const signed = valueOf<'auth.signIn'>(ledger.registry.invoke('auth.signIn', { name: CLERK, password: CLERK_PASSWORD }));
    const rows = caller({ invoke: (n, i) => ledger.registry.invoke(n, i, signed.operator) })('audit.list', { action: 'signInFailed' });
    const closed = rows.filter((e) => e.at >= before).sort((a, b) => a.id - b.id);
    expect(closed.map((e) => [e.actor, e.summary])).toEqual([
      [ADMIN, msg.operators.audit.signInFailedClosed(ADMIN, 1)],
      ['无此人', msg.operators.audit.signInFailedClosed('无此人', 1)],
      [CLERK, msg.operators.audit.signInFailedClosed(CLERK, 1)],
      [ADMIN, msg.operators.audit.signInFailedClosed(ADMIN, 1)],
    ]);
    for (const e of closed) expect(e.at <= after).toBe(true);
    // Written before the sign-in that opened the register, in the order they happened.
    const signInEntry = caller({ invoke: (n, i) => ledger.registry.invoke(n, i, signed.operator) })('audit.list', { action: 'signIn', actor: CLERK })[0]!;
    expect(closed.every((e) => e.id < signInEntry.id)).toBe(true);
    await ledger.close();
    // Written once: a second open has nothing more to add.
    const again = openLedger(dir);
    const admin = valueOf<'auth.signIn'>(again.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
    expect(caller({ invoke: (n, i) => again.registry.invoke(n, i, admin.operator) })('audit.list', { action: 'signInFailed' }).filter((e) => e.at >= before)).toHaveLength(4);
    await again.close();
  });

  it('the command line signs in as the administrator and encrypts the register; with no terminal the code waits for the next sign-in', async () => {
    const legacy = path.join(root, 'cli');
    await legacyRegister(legacy);
    const file = path.join(legacy, 'ledger.sqlite3');
    const tables = ['organizations', 'members', 'accounts', 'filings', 'operators'];
    const plain = Object.fromEntries(tables.map((t) => [t, count(file, t)]));
    const run = await cli(['stats', '--json', '--data-dir', legacy]);
    expect(run.code).toBe(0);
    // Password from the environment, no terminal: the code is owed to the next sign-in, not printed to a log.
    expect(run.err).toBe(msg.operators.cli.encryptedCodeLater);
    expect(JSON.parse(run.out)).toMatchObject(plain);
    expect(readKeyStore(legacy)!.wraps).toHaveLength(3);
    expect(leaks(legacy)).toEqual([]);
    // The code the window's next sign-in shows opens the register.
    const window = openLedger(legacy);
    const code = valueOf<'auth.signIn'>(window.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD })).recoveryCode;
    await window.close();
    const recovered = openLedger(legacy);
    expect(recovered.registry.invoke('auth.recover', { recoveryCode: code!, name: ADMIN, password: ADMIN_PASSWORD }).ok).toBe(true);
    await recovered.close();
    // As the 录入员 the command line is refused before, and works after, with their own password.
    process.env.NETLEDGER_OPERATOR = CLERK;
    process.env.NETLEDGER_PASSWORD = CLERK_PASSWORD;
    try {
      const refused = path.join(root, 'cli-clerk');
      await legacyRegister(refused);
      expect(await cli(['stats', '--json', '--data-dir', refused])).toMatchObject({ code: 1, err: msg.crypt.adminFirst });
      expect(readKeyStore(refused)).toBeNull();
      expect((await cli(['stats', '--json', '--data-dir', legacy])).code).toBe(0);
    } finally {
      delete process.env.NETLEDGER_OPERATOR;
      process.env.NETLEDGER_PASSWORD = ADMIN_PASSWORD;
    }
  });

  it('browser mode and the desktop app (the core\'s threads, readers open on the plain file) encrypt it at the administrator\'s sign-in too', async () => {
    const dir = path.join(root, 'core');
    await legacyRegister(dir);
    const core = await startCore(dir);
    try {
      const signed = valueOf<'auth.signIn'>(await core.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
      expect(signed.recoveryCode).toMatch(RECOVERY_CODE);
      // Queries go to the readers, which now read the encrypted file with its key.
      const found = await Promise.all([1, 2, 3].map(() => core.invoke('members.search', { q: CANARY }, signed.operator)));
      expect(found.map((r) => valueOf<'members.search'>(r).rows.map((m) => m.name))).toEqual([[CANARY], [CANARY], [CANARY]]);
    } finally {
      await core.close();
    }
    expect(readKeyStore(dir)!.wraps).toHaveLength(3);
    expect(leaks(dir)).toEqual([]);
  });
});
