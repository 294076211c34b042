/**
 * A plain backup of an earlier release (from a USB stick) restored in the running console after the register was
 * encrypted: it is restored encrypted with the live key — not refused as "不是本软件的数据文件，或已严重损坏" — and
 * opens with the passwords and the recovery code of its own day, as an encrypted backup does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import { readKeyStore } from '../../src/db/keys.js';
import { isPlainDatabase } from '../../src/db/open.js';
import { openLedger } from '../../src/hosts/ledger.js';
import { CANARY, leaks } from '../support/canary.js';
import { tempDir } from '../support/dataFolder.js';
import { ADMIN, ADMIN_PASSWORD, CLERK, CLERK_PASSWORD, legacyRegister } from '../support/legacyRegister.js';

const root = tempDir('restore-plain');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('is restored encrypted, with a keys.json of its day; nothing plain reaches the data folder', async () => {
  const usbDir = path.join(root, 'usb-source');
  const usb = await legacyRegister(usbDir);
  const plainBackup = fs.readdirSync(path.join(usbDir, 'backups'))[0]!;
  const dir = path.join(root, 'restore');
  await legacyRegister(dir);
  const ledger = openLedger(dir);
  const signed = valueOf<'auth.signIn'>(ledger.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
  const key = ledger.key;
  fs.cpSync(path.join(usbDir, 'backups', plainBackup), path.join(dir, 'backups', plainBackup), { recursive: true });
  const restored = ledger.registry.invoke('system.restore', { fileName: plainBackup, confirm: true }, signed.operator);
  expect(restored).toMatchObject({ ok: true, value: { restoredFrom: plainBackup } });
  // The console carries on with the restored register.
  expect((valueOf<'members.search'>(ledger.registry.invoke('members.search', { q: CANARY }, signed.operator)) as { rows: { name: string }[] }).rows.map((r) => r.name)).toEqual([CANARY]);
  await ledger.close();

  expect(isPlainDatabase(path.join(dir, 'ledger.sqlite3'))).toBe(false);
  const keys = readKeyStore(dir)!;
  expect(keys.wraps.map((w) => `${w.kind}:${w.name}:${w.underHash}`).sort()).toEqual(['operator:录入甲:true', 'operator:老管理员:true', 'recovery::true']);
  expect(keys.recoveryUnseen).toBe(true);
  // The USB stick's backup copied into backups/ stays as it was given; every other file is encrypted.
  expect(leaks(dir).filter((f) => !f.includes(plainBackup))).toEqual([]);

  // Its day's passwords open it, with the same key; the clerk's wrap under the hash is replaced at their sign-in.
  const clerk = openLedger(dir);
  valueOf<'auth.signIn'>(clerk.registry.invoke('auth.signIn', { name: CLERK, password: CLERK_PASSWORD }));
  expect(clerk.key).toBe(key);
  await clerk.close();
  expect(readKeyStore(dir)!.wraps.find((w) => w.name === CLERK)!.underHash).toBeUndefined();
  // And its day's recovery code.
  const recovered = openLedger(dir);
  expect(recovered.registry.invoke('auth.recover', { recoveryCode: usb.oldRecoveryCode, name: ADMIN, password: 'new-password-123' }).ok).toBe(true);
  await recovered.close();
});
