/**
 * The recovery code issued by the sign-in that encrypts a register of an earlier release stays owed until the
 * window (or the terminal) confirms it was copied: an answer lost on its way (a tab reloaded, a connection dropped)
 * leaves the next administrator's sign-in to issue another, and nobody without a valid code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import { readKeyStore } from '../../src/db/keys.js';
import { openLedger } from '../../src/hosts/ledger.js';
import { msg } from '../../src/i18n/messages.js';
import { tempDir } from '../support/dataFolder.js';
import { ADMIN, ADMIN_PASSWORD, CLERK, CLERK_PASSWORD, legacyRegister } from '../support/legacyRegister.js';

const root = tempDir('crypt-recovery-pending');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('a code whose answer was lost is replaced at the next administrator sign-in, until 我已抄写 confirms one', async () => {
  const dir = path.join(root, 'lost');
  const { oldRecoveryCode } = await legacyRegister(dir);
  const first = openLedger(dir);
  // The answer carrying the code is produced... and lost on its way to the person.
  const lost = valueOf<'auth.signIn'>(first.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
  expect(lost).toMatchObject({ justEncrypted: true, recoveryCode: expect.any(String) });
  expect(readKeyStore(dir)!.recoveryUnseen).toBe(true);
  await first.close();

  const next = openLedger(dir);
  const again = valueOf<'auth.signIn'>(next.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
  expect(again.recoveryCode).toMatch(/^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/);
  expect(again.recoveryCode).not.toBe(lost.recoveryCode);
  expect(again.justEncrypted).toBeUndefined();
  // Only an administrator confirms; a 录入员 signing in meanwhile gets no code and may not confirm one.
  const clerk = valueOf<'auth.signIn'>(next.registry.invoke('auth.signIn', { name: CLERK, password: CLERK_PASSWORD }));
  expect(clerk.recoveryCode).toBeUndefined();
  expect(next.registry.invoke('auth.recoveryCodeSeen', {}, clerk.operator)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(readKeyStore(dir)!.recoveryUnseen).toBe(true);
  expect(valueOf<'auth.recoveryCodeSeen'>(next.registry.invoke('auth.recoveryCodeSeen', {}, again.operator))).toEqual({ seen: true });
  expect(readKeyStore(dir)!.recoveryUnseen).toBeUndefined();
  const audit = next.db.prepare('SELECT summary FROM audit_log ORDER BY id').pluck().all() as string[];
  expect(audit.filter((s) => s.includes('恢复码'))).toEqual([
    msg.operators.audit.encrypted(ADMIN),
    msg.operators.audit.recoveryReissued(ADMIN),
    msg.operators.audit.recoveryCodeSeen(ADMIN),
  ]);
  await next.close();

  const later = openLedger(dir);
  const third = valueOf<'auth.signIn'>(later.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
  expect(third.recoveryCode).toBeUndefined();
  await later.close();
  // The code confirmed opens the register; the lost one and the one of the earlier release do not.
  for (const [code, ok] of [[oldRecoveryCode, false], [lost.recoveryCode!, false], [again.recoveryCode!, true]] as const) {
    const closed = openLedger(dir);
    expect(closed.registry.invoke('auth.recover', { recoveryCode: code, name: ADMIN, password: 'new-password-123' }).ok).toBe(ok);
    await closed.close();
  }
});
