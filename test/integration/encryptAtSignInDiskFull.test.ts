/**
 * Too little room for the sign-in that encrypts a register of an earlier release: refused before anything is
 * written, with the space it needs (a real small disk, tmpfs, as root); and a disk that fills up part way (another
 * program writing meanwhile) is said as such — not "数据没有被更改" — and the next sign-in finishes the encryption.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import { readKeyStore } from '../../src/db/keys.js';
import { isPlainDatabase } from '../../src/db/open.js';
import { openLedger } from '../../src/hosts/ledger.js';
import { msg } from '../../src/i18n/messages.js';
import { leaks } from '../support/canary.js';
import { tempDir } from '../support/dataFolder.js';
import { Mounts } from '../support/mounts.js';
import { ADMIN, ADMIN_PASSWORD, legacyRegister } from '../support/legacyRegister.js';

const root = tempDir('crypt-disk-full');
const mounts = new Mounts(root);
afterAll(() => {
  mounts.unmountAll();
  fs.rmSync(root, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

const entries = (dir: string) => fs.readdirSync(dir).concat(fs.readdirSync(path.join(dir, 'backups')).map((n) => `backups/${n}`)).sort();

it.runIf(mounts.available)('with less free space than about 3× the register, the sign-in is refused before anything is written', async () => {
  const template = path.join(root, 'template');
  await legacyRegister(template);
  const used = Number(execSync(`du -sk --apparent-size ${template}`).toString().split('\t')[0]);
  const register = fs.statSync(path.join(template, 'ledger.sqlite3')).size / 1024;
  // Room for one more copy of the register and a half, not for the backup + encrypted copy + its journal.
  const at = mounts.tmpfs('small', `size=${Math.ceil(used + 64 + register * 1.5)}k`)!;
  const dir = path.join(at, 'data');
  fs.cpSync(template, dir, { recursive: true });
  const before = entries(dir);
  const ledger = openLedger(dir);
  const answer = ledger.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD });
  expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^磁盘空间不足，台账没有加密：加密需要约 \d+ MB 可用空间/) } });
  await ledger.close();
  expect({ plain: isPlainDatabase(path.join(dir, 'ledger.sqlite3')), keys: readKeyStore(dir), files: entries(dir) }).toEqual({ plain: true, keys: null, files: before });
});

it('a disk that fills up part way: the disk-full message, nothing plain left beside, the next sign-in finishes', async () => {
  const dir = path.join(root, 'fills');
  const { oldRecoveryCode } = await legacyRegister(dir);
  const copy = fs.copyFileSync;
  // The first encrypted copy (of the earlier backup) meets a full disk half way.
  const full = vi.spyOn(fs, 'copyFileSync').mockImplementation((from, to, mode) => {
    if (String(to).endsWith('.encrypting')) {
      copy(from, to, mode);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    copy(from, to, mode);
  });
  const ledger = openLedger(dir);
  expect(ledger.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD })).toEqual({ ok: false, error: { code: 'CONFLICT', message: msg.crypt.diskFullDuring } });
  await ledger.close();
  expect(full).toHaveBeenCalled();
  expect(entries(dir).filter((n) => n.includes('.encrypting'))).toEqual([]);
  expect(isPlainDatabase(path.join(dir, 'ledger.sqlite3'))).toBe(true);
  // The code of the earlier release is not renewed by an encryption that did not finish.
  expect(readKeyStore(dir)!.wraps.filter((w) => w.kind === 'recovery')).toEqual([]);
  vi.restoreAllMocks();

  const next = openLedger(dir);
  const signed = valueOf<'auth.signIn'>(next.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
  await next.close();
  expect(signed.recoveryCode).not.toBe(oldRecoveryCode);
  expect(signed.recoveryCode).toBeDefined();
  expect(isPlainDatabase(path.join(dir, 'ledger.sqlite3'))).toBe(false);
  expect(leaks(dir)).toEqual([]);
});
