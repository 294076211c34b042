/**
 * The registry in front of an encrypted register. Until someone signs in, the register cannot be opened (its
 * operators and their hashes are inside it), so the gate answers the calls that are open before sign-in itself:
 * `auth.signIn` unwraps the register key from `keys.json` with the operator's password, `auth.recover` with the
 * recovery code; the register is then opened with the key and the same call is made on it, where the operator's
 * own checks (active, delays, audit) run as for a plain one. A wrong password opens nothing and changes nothing;
 * its growing delay is kept in memory until the register is open (nothing can be written before).
 *
 * Once open, the gate keeps `keys.json` in step with the operators: first start — or, for a plain register that
 * already has operators (an earlier release's, or a first start killed before keys.json), the first administrator
 * to sign in — encrypts the register in place and wraps the key for that administrator, the recovery code and every
 * other active operator (under their stored hash); a new operator or a new password gets a wrap, a deactivated
 * operator loses theirs, and an operator signing in without one, or with one made under their hash, gets a fresh one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contract, isCallName } from '../contract/contract.js';
import type { RpcResult } from '../contract/errors.js';
import { LedgerError } from '../contract/errors.js';
import type { AdminCreated, OperatorRow, SignedIn } from '../contract/operators.js';
import { ATTACHMENTS_DIR, backupName, writeBackup } from '../db/backup.js';
import { encryptDataFolder, isDiskFull, spaceToEncrypt } from '../db/encrypt.js';
import { findWrap, madeUnderHash, readKeyStore, recoverySecret, scrypt, unwrapKey, withWrap, wrapKey, wrapKeyUnderHash, writeKeyStore, type KeyStore } from '../db/keys.js';
import { sleep, withEncryptLock } from '../db/folderLock.js';
import { databasePath, isPlainDatabase } from '../db/open.js';
import type { Registry } from '../dispatch/registry.js';
import { msg } from '../i18n/messages.js';
import { activePasswordHashes, delaySeconds, recordClosedFailures, renewRecoveryCode, type ClosedFailure } from '../services/operators.js';
import type { ExportJobs, JobContext } from '../jobs/jobs.js';

/** The register opened (with its key when it is encrypted), its export jobs and the registry over them. */
export interface OpenRegister {
  ctx: JobContext;
  jobs: ExportJobs;
  registry: Registry;
}

export interface GateHost {
  current(): OpenRegister | null;
  /** Closes the register's connection (and its jobs), if one is open. */
  close(): void;
  /** Closes what is open and opens the register with this key (null: a plain register). */
  openWith(key: string | null): void;
  nativeBinding?: string;
}

/** How long an encryption in place waits for another process to let go of the plain file: 50 × 200 ms. */
const BUSY_TRIES = 50;
const BUSY_PAUSE_MS = 200;

/** Failed tries kept for the audit while the register is closed: enough for any office, bounded against a script. */
const MAX_CLOSED_FAILURES = 1000;

const failed = (code: 'VALIDATION' | 'FORBIDDEN' | 'SIGNED_OUT', message: string): RpcResult => ({ ok: false, error: { code, message } });

/** A reader thread of an encrypted register before the writer has its key: it knows only that setup is done. */
export const sealedReader: Registry = {
  invoke: (name) => (name === 'auth.status' ? { ok: true, value: { needsSetup: false, operator: null } } : failed('SIGNED_OUT', msg.crypt.sealed)),
};

export function keyGate(dir: string, host: GateHost) {
  let key: string | null = null;
  const waits = new Map<string, { failures: number; until: number }>();
  let closedFailures: ClosedFailure[] = [];
  let untold = 0;
  const store = (): KeyStore => readKeyStore(dir) ?? { format: 1, wraps: [] };
  const keyBuffer = () => Buffer.from(key!, 'hex');
  const setWrap = (name: string, password: string | null) =>
    writeKeyStore(dir, withWrap(store(), 'operator', name, password === null ? null : wrapKey(keyBuffer(), 'operator', name, password)));
  const ctxAs = (actor: string) => ({ ...host.current()!.ctx, actor });

  /** Opens the register with `newKey`, first finishing an encryption in place that a crash cut short. */
  function openNow(newKey: string | null): void {
    // A register not yet written (a new folder opened with a key) is created encrypted: nothing to encrypt in place,
    // and the loop below would wait forever for a plain file that never becomes encrypted.
    const plainOnDisk = () => fs.existsSync(databasePath(dir)) && fs.statSync(databasePath(dir)).size > 0 && isPlainDatabase(databasePath(dir));
    if (newKey && plainOnDisk()) {
      // The rekey switches the journal mode, which needs the file to itself.
      host.close();
      // Plain again under the lock: another process may have finished it while this one waited.
      withEncryptLock(dir, () => {
        // Another process signing in may hold the plain file open for a moment, until it reaches this lock and
        // lets go: each step skips what is done, so the encryption is tried again for a few seconds.
        for (let tries = 1; plainOnDisk(); tries++) {
          try {
            encryptDataFolder(dir, newKey, { nativeBinding: host.nativeBinding });
          } catch (err) {
            // keys.json is written: the next sign-in finishes what is left, once there is room.
            if (isDiskFull(err)) throw new LedgerError('CONFLICT', msg.crypt.diskFullDuring);
            if ((err as { code?: string }).code !== 'SQLITE_BUSY' || tries >= BUSY_TRIES) throw err;
            sleep(BUSY_PAUSE_MS);
          }
        }
      });
    }
    host.openWith(newKey);
    key = newKey;
  }

  /**
   * A plain register encrypted in place, by first start or by an administrator's sign-in: a checked backup of what
   * it holds, keys.json (the key wrapped for the administrator's password, every other active operator's stored
   * hash, as their passwords are not known here, and first start's recovery code), then the folder encrypted.
   * Without a code (a sign-in), keys.json says one is owed: the sign-in issues it once the register is encrypted.
   */
  function encryptInPlace(admin: string, password: string, recoveryCode: string | null): void {
    const needed = spaceToEncrypt(dir, true);
    const stat = fs.statfsSync(dir);
    const free = stat.bavail * stat.bsize;
    const mb = (bytes: number) => Math.ceil(bytes / 2 ** 20);
    // Refused before anything is written: a disk filling up half way leaves more to explain.
    if (free < needed) throw new LedgerError('CONFLICT', msg.crypt.noSpace(mb(needed), Math.floor(free / 2 ** 20)));
    if (!host.current()) host.openWith(null);
    const open = host.current()!;
    const newKey = crypto.randomBytes(32);
    const hasData = open.ctx.db.prepare('SELECT EXISTS (SELECT 1 FROM members) OR EXISTS (SELECT 1 FROM accounts) AS n').pluck().get() === 1;
    if (hasData) writeBackup(open.ctx.db, path.join(dir, ATTACHMENTS_DIR), path.join(dir, 'backups', backupName(open.ctx.clock())), { nativeBinding: host.nativeBinding });
    const others = activePasswordHashes(open.ctx).flatMap((o) => (o.name === admin ? [] : (wrapKeyUnderHash(newKey, o.name, o.hash) ?? [])));
    const recovery = recoveryCode === null ? [] : [wrapKey(newKey, 'recovery', '', recoverySecret(recoveryCode))];
    const wraps = [wrapKey(newKey, 'operator', admin, password), ...recovery, ...others];
    writeKeyStore(dir, { format: 1, wraps, recoveryUnseen: true });
    try {
      openNow(newKey.toString('hex'));
    } catch (err) {
      // Another program has the file open: keys.json is written, so the next sign-in finishes the encryption.
      if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new LedgerError('CONFLICT', msg.crypt.inUse);
      throw err;
    }
    // The register has just opened with this key; keys.json must still be the one that wraps it.
    if (JSON.stringify(store().wraps) !== JSON.stringify(wraps)) throw new Error('keys.json changed during the encryption in place');
    // First start's code goes back with this call's answer, on the page that created the administrator.
    if (recoveryCode !== null) writeKeyStore(dir, { format: 1, wraps });
  }

  /**
   * A sign-in to a plain register that has operators: an administrator's encrypts it and is given the new recovery
   * code; anyone else is refused until one has (the code must not go to a lesser role), their password checked first.
   */
  function encryptAtSignIn(call: 'auth.signIn' | 'auth.recover', signed: SignedIn, password: string): SignedIn {
    if (signed.operator.role !== '管理员') {
      host.current()!.registry.invoke('auth.signOut', {}, signed.operator);
      throw new LedgerError('FORBIDDEN', msg.crypt.adminFirst);
    }
    // Another process (the desktop app and a command) may be encrypting it this moment: one at a time; the one
    // waiting lets go of the plain file, which the other's encryption needs to itself.
    return withEncryptLock(
      dir,
      () => {
        if (readKeyStore(dir) !== null) return signInAgain(call, signed.operator.name, password);
        encryptInPlace(signed.operator.name, password, null);
        // Renewed only now: the code of the earlier release stays valid until the register is encrypted.
        return { ...issueRecoveryCode(signed, msg.operators.audit.encrypted(signed.operator.name)), justEncrypted: true };
      },
      host.close,
    );
  }

  /**
   * The register was encrypted by another process while this sign-in waited: it is opened with the key the
   * password unwraps from that process's keys.json, and the sign-in made again on it (its own audit, its code).
   */
  function signInAgain(call: 'auth.signIn' | 'auth.recover', name: string, password: string): SignedIn {
    const wrap = findWrap(store(), 'operator', name);
    const unwrapped = call === 'auth.signIn' && wrap ? unwrapKey(wrap, password) : null;
    host.close();
    if (!unwrapped) throw new LedgerError('CONFLICT', msg.crypt.encryptedMeanwhile);
    openNow(unwrapped.toString('hex'));
    const again = registry.invoke('auth.signIn', { name, password }, null);
    if (!again.ok) throw new LedgerError(again.error.code, again.error.message);
    return again.value as SignedIn;
  }

  /**
   * A new recovery code for the administrator signing in, owed (keys.json's recoveryUnseen) until the window or the
   * terminal confirms it was copied (auth.recoveryCodeSeen): an answer lost on its way (a tab closed, a connection
   * dropped, a scripted command) leaves the next administrator's sign-in to issue another, replacing it.
   */
  function issueRecoveryCode(signed: SignedIn, summary: string): SignedIn {
    const recoveryCode = renewRecoveryCode(ctxAs(signed.operator.name), summary);
    const renewed = withWrap(store(), 'recovery', '', wrapKey(keyBuffer(), 'recovery', '', recoverySecret(recoveryCode)));
    writeKeyStore(dir, { format: 1, wraps: renewed.wraps, recoveryUnseen: true });
    return { ...signed, recoveryCode };
  }

  /** Keeps keys.json in step with a change the register has just accepted; the answer, with a new recovery code. */
  function after(name: string, input: unknown, value: unknown): unknown {
    const given = input as { name?: string; password?: string };
    if (name === 'auth.setup' && key === null) {
      const created = value as AdminCreated;
      withEncryptLock(dir, () => encryptInPlace(created.operator.name, given.password!, created.recoveryCode));
      return value;
    }
    const signsIn = name === 'auth.signIn' || name === 'auth.recover';
    if (signsIn && key === null) return encryptAtSignIn(name, value as SignedIn, given.password!);
    if (key === null) return value;
    if (name === 'auth.signIn') {
      const wrap = findWrap(store(), 'operator', given.name!);
      const hash = activePasswordHashes(host.current()!.ctx).find((o) => o.name === given.name)?.hash;
      // A wrap made under the stored hash is replaced: a plain copy of the register from before holds that hash.
      if (!wrap || (hash && madeUnderHash(wrap, hash))) setWrap(given.name!, given.password!);
    }
    if (name === 'auth.recover' || name === 'operators.create') setWrap(given.name!, given.password!);
    const row = value as OperatorRow;
    if (name === 'operators.update' && !row.active) setWrap(row.name, null);
    else if (name === 'operators.update' && given.password) setWrap(row.name, given.password);
    const signed = value as SignedIn;
    if (signsIn && signed.operator.role === '管理员' && store().recoveryUnseen) return issueRecoveryCode(signed, msg.operators.audit.recoveryReissued(signed.operator.name));
    if (name === 'auth.recoveryCodeSeen') writeKeyStore(dir, { format: 1, wraps: store().wraps });
    return value;
  }

  /** Failed tries made while the register was closed, into its audit now that it is open. */
  function auditClosedFailures(): void {
    if (closedFailures.length === 0 && untold === 0) return;
    recordClosedFailures(host.current()!.ctx, closedFailures, untold);
    closedFailures = [];
    untold = 0;
  }

  /** sign-in or recovery on the closed register: the key from keys.json, or a refusal that changes nothing. */
  function unlock(name: 'auth.signIn' | 'auth.recover', input: unknown): RpcResult {
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) return failed('VALIDATION', msg.api.invalidInput);
    const given = parsed.data as { name: string; password: string; recoveryCode?: string };
    const who = name === 'auth.signIn' ? given.name : '';
    const wait = waits.get(who);
    if (wait && Date.now() < wait.until) return failed('FORBIDDEN', msg.operators.tooSoon(Math.ceil((wait.until - Date.now()) / 1000)));
    const keys = readKeyStore(dir);
    const wrap = keys && (name === 'auth.signIn' ? findWrap(keys, 'operator', given.name) : findWrap(keys, 'recovery', ''));
    const secret = name === 'auth.signIn' ? given.password : recoverySecret(given.recoveryCode!);
    // An unknown name costs the same scrypt as a wrong password, so it does not give itself away.
    const unwrapped = wrap ? unwrapKey(wrap, secret) : (scrypt(secret, Buffer.alloc(16), 32), null);
    if (!unwrapped) {
      const failures = (wait?.failures ?? 0) + 1;
      waits.set(who, { failures, until: Date.now() + delaySeconds(failures) * 1000 });
      if (closedFailures.length < MAX_CLOSED_FAILURES) closedFailures.push({ name: given.name, at: new Date(), failures });
      else untold++;
      return failed('FORBIDDEN', name === 'auth.signIn' ? msg.operators.badCredentials : msg.operators.recoveryRefused);
    }
    waits.delete(who);
    try {
      openNow(unwrapped.toString('hex'));
      // Before this sign-in's own entry, so the audit reads in the order things happened.
      auditClosedFailures();
    } catch (err) {
      if (err instanceof LedgerError) return { ok: false, error: err.toBody() };
      throw err;
    }
    return registry.invoke(name, input, null);
  }

  const registry: Registry = {
    invoke(name, input, caller = null) {
      const open = host.current();
      if (!open) {
        if (name === 'auth.signIn' || name === 'auth.recover') return unlock(name, input);
        if (name === 'auth.signOut') return { ok: true, value: { signedOut: true } };
        return sealedReader.invoke(name, input, caller);
      }
      const result = open.registry.invoke(name, input, caller);
      if (!result.ok || !isCallName(name) || !['auth.setup', 'auth.signIn', 'auth.recover', 'auth.recoveryCodeSeen', 'operators.create', 'operators.update'].includes(name)) return result;
      try {
        return { ok: true, value: after(name, contract[name].input.parse(input ?? {}), result.value) };
      } catch (err) {
        if (err instanceof LedgerError) return { ok: false, error: err.toBody() };
        console.error(err);
        return { ok: false, error: { code: 'INTERNAL', message: msg.api.internal } };
      }
    },
  };
  return { registry, openNow };
}
