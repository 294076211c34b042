/**
 * The wraps made under stored hashes (for operators whose password is not known when the register is encrypted)
 * must die with each operator's next sign-in. Anyone with a plain copy of the register from before (a USB stick)
 * holds those hashes; a copy of such a wrap in a backup's keys.json would give them the register key for good.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, expect, it } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import { readKeyStore, withWrap, writeKeyStore, type Wrap } from '../../src/db/keys.js';
import { openLedger, type Ledger } from '../../src/hosts/ledger.js';
import { tempDir } from '../support/dataFolder.js';
import { ADMIN, ADMIN_PASSWORD, CLERK, CLERK_PASSWORD, legacyRegister } from '../support/legacyRegister.js';

const root = tempDir('crypt-hash-wraps');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const b = (s: string) => Buffer.from(s, 'base64');
/** The attacker's unwrap: the stored hash IS the wrapping key; no scrypt, no password. */
function unwrapWithHash(wrap: Wrap, hash: Buffer): Buffer | null {
  const d = crypto.createDecipheriv('aes-256-gcm', hash, b(wrap.iv)).setAAD(Buffer.from(`${wrap.kind}:${wrap.name}`)).setAuthTag(b(wrap.tag));
  try {
    return Buffer.concat([d.update(b(wrap.wrapped)), d.final()]);
  } catch {
    return null;
  }
}

/** A backup made now by the export worker, as 备份 does; its folder name. */
async function backupNow(ledger: Ledger): Promise<string> {
  const job = await ledger.jobs.wait(ledger.jobs.startBackup(new Date()).id);
  expect(job.state).toBe('done');
  return path.basename(job.file!);
}

/** Every keys.json kept in the data folder's copies of the register: backups and replaced registers. */
function copiedKeyStores(dir: string, folders = ['backups', 'replaced']) {
  return folders.flatMap((kept) => {
    const at = path.join(dir, kept);
    return fs.existsSync(at) ? fs.readdirSync(at).map((n) => readKeyStore(path.join(at, n))).filter((k) => k !== null) : [];
  });
}

it('no backup carries a wrap under a stored hash: once every operator has signed in, a plain copy from before opens nothing', async () => {
  const dir = path.join(root, 'folder');
  await legacyRegister(dir);
  // The USB stick: a plain copy of the register of the earlier release.
  const usb = path.join(root, 'usb.sqlite3');
  fs.copyFileSync(path.join(dir, 'ledger.sqlite3'), usb);

  const admin = openLedger(dir);
  valueOf<'auth.signIn'>(admin.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
  // Until the 录入员 signs in, only the data folder's own keys.json has their wrap under the hash...
  expect(readKeyStore(dir)!.wraps.find((w) => w.name === CLERK)!.underHash).toBe(true);
  // ...and a backup taken now does not carry it either.
  await backupNow(admin);
  await admin.close();
  // "Have every operator sign in once soon after the encryption" (README) — done.
  const clerk = openLedger(dir);
  valueOf<'auth.signIn'>(clerk.registry.invoke('auth.signIn', { name: CLERK, password: CLERK_PASSWORD }));
  await clerk.close();

  const plain = new Database(usb, { readonly: true });
  const stored = plain.prepare('SELECT password_hash FROM operators WHERE name = ?').pluck().get(CLERK) as string;
  plain.close();
  const hash = b(stored.split('$')[5]!);
  const stores = [readKeyStore(dir)!, ...copiedKeyStores(dir)];
  // The checked backup of the encryption, the earlier backup encrypted then, and the one taken after.
  expect(stores.length).toBeGreaterThanOrEqual(4);
  const clerkWraps = stores.flatMap((k) => k.wraps.filter((w) => w.name === CLERK));
  expect(clerkWraps.length).toBe(1);
  expect(clerkWraps.map((w) => unwrapWithHash(w, hash))).toEqual([null]);
  expect(stores.flatMap((k) => k.wraps).filter((w) => w.underHash)).toEqual([]);
});

it('a restore never brings a wrap under a stored hash back into the data folder', async () => {
  const dir = path.join(root, 'restore');
  await legacyRegister(dir);
  const ledger = openLedger(dir);
  const signed = valueOf<'auth.signIn'>(ledger.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
  const underHash = readKeyStore(dir)!.wraps.find((w) => w.name === CLERK)!;
  // A backup whose keys.json still has one (written by the release that copied them into backups).
  const backup = await backupNow(ledger);
  const backupDir = path.join(dir, 'backups', backup);
  writeKeyStore(backupDir, withWrap(readKeyStore(backupDir)!, 'operator', CLERK, underHash));
  valueOf<'system.restore'>(ledger.registry.invoke('system.restore', { fileName: backup, confirm: true }, signed.operator));
  await ledger.close();
  expect(readKeyStore(dir)!.wraps.filter((w) => w.underHash || w.name === CLERK)).toEqual([]);
  // Nor is one kept with the register the restore replaced (the live keys.json of that moment had one).
  const replaced = copiedKeyStores(dir, ['replaced']);
  expect(replaced.length).toBe(1);
  expect(replaced.flatMap((k) => k.wraps).filter((w) => w.underHash)).toEqual([]);
});
