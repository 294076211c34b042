/**
 * The register key and where it is kept. The register (SQLite3 Multiple Ciphers), its WAL, backups and scans are
 * encrypted with one random 32-byte key. That key is never stored as it is: `keys.json`, beside `ledger.sqlite3`,
 * holds it wrapped (AES-256-GCM) once per operator under a key derived from the operator's password with scrypt, and
 * once under the recovery code shown at first start. It must be readable before the register is open — the password
 * hashes inside the register are out of reach until then — so it lives outside it, as a small file written
 * atomically (temp + rename). It reveals the operators' names, nothing else; every wrap costs a scrypt to try.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { syncDir } from './durable.js';

export const KEYS_FILE = 'keys.json';

/** scrypt at N = 2^16, r = 8: 64 MiB and about 0.6 s a try here (see src/services/passwords.ts, which uses the same). */
export const SCRYPT = { N: 2 ** 16, r: 8, p: 1 };
/** Node refuses scrypt above 32 MiB by default; 128·N·r bytes is what N and r need, doubled for headroom. */
export function scrypt(secret: string, salt: Buffer, length: number, params = SCRYPT): Buffer {
  return crypto.scryptSync(secret.normalize('NFC'), salt, length, { ...params, maxmem: 256 * params.N * params.r });
}

export interface Wrap {
  kind: 'operator' | 'recovery';
  /** The operator's name; empty for the recovery code. */
  name: string;
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  wrapped: string;
  /**
   * Made under the operator's stored password hash (their password was not known when the register was encrypted).
   * Anyone with a plain copy of the register from before holds that hash, so such a wrap lives only in the data
   * folder's keys.json until the operator's next sign-in replaces it, and never goes into a backup's.
   */
  underHash?: true;
}

export interface KeyStore {
  format: 1;
  wraps: Wrap[];
  /**
   * Set while the recovery code wrapped here has not yet been handed to anyone: encrypting in place writes keys.json
   * before the call that shows the code returns, so a run killed in between leaves a code nobody saw. The next
   * administrator to sign in is then given a new one (hosts/keyGate.ts).
   */
  recoveryUnseen?: true;
}

export const keysPath = (dataDir: string) => path.join(dataDir, KEYS_FILE);

/** The key store of a data folder (or backup folder); null when its register is not encrypted. */
/** A wrap as we write it: its cost within what we ever use (a damaged or crafted one must not stall scrypt). */
function isWrap(w: unknown): w is Wrap {
  const x = w as Record<string, unknown>;
  const power = Number.isInteger(x?.N) && (x.N as number) >= 2 ** 14 && (x.N as number) <= 2 ** 17 && ((x.N as number) & ((x.N as number) - 1)) === 0;
  return !!x && (x.kind === 'operator' || x.kind === 'recovery') && typeof x.name === 'string' && power && x.r === SCRYPT.r && x.p === SCRYPT.p &&
    (x.underHash === undefined || x.underHash === true) &&
    ['salt', 'iv', 'tag', 'wrapped'].every((k) => typeof x[k] === 'string');
}

/** The key store, null when there is none (a plain register); a damaged one is refused with what to do. */
export function readKeyStore(dir: string): KeyStore | null {
  const file = keysPath(dir);
  if (!fs.existsSync(file)) return null;
  let store: Partial<KeyStore> | null = null;
  try {
    store = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeyStore> | null;
  } catch {
    // Unreadable: refused below, like any other damage.
  }
  if (store?.format !== 1 || !Array.isArray(store.wraps) || !store.wraps.every(isWrap)) throw new LedgerError('CONFLICT', msg.crypt.keysDamaged);
  return store as KeyStore;
}

export function writeKeyStore(dir: string, store: KeyStore): void {
  const file = keysPath(dir);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(store, null, 2), { flush: true, mode: 0o600 });
  fs.renameSync(temp, file);
  syncDir(dir);
}

/**
 * keys.json of a copy of the register (a backup, a replaced register, a restored one) from the one in `fromDir`,
 * if there is one: without wraps made under stored hashes, which must not outlive the operators' next sign-in.
 */
export function copyKeyStore(fromDir: string, toDir: string): void {
  const store = readKeyStore(fromDir);
  if (!store) return;
  fs.mkdirSync(toDir, { recursive: true });
  writeKeyStore(toDir, { ...store, wraps: store.wraps.filter((w) => !w.underHash) });
}

/** The name and kind are bound to the wrap (GCM's additional data), so entries cannot be swapped between operators. */
const label = (kind: Wrap['kind'], name: string) => Buffer.from(`${kind}:${name}`, 'utf8');

/** The key sealed under `kek`; `salt` and the scrypt parameters are those that derive `kek` from the secret. */
function sealKey(key: Buffer, kind: Wrap['kind'], name: string, kek: Buffer, salt: Buffer, params = SCRYPT): Wrap {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv).setAAD(label(kind, name));
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  const b64 = (b: Buffer) => b.toString('base64');
  return { kind, name, N: params.N, r: params.r, p: params.p, salt: b64(salt), iv: b64(iv), tag: b64(cipher.getAuthTag()), wrapped: b64(wrapped) };
}

export function wrapKey(key: Buffer, kind: Wrap['kind'], name: string, secret: string): Wrap {
  const salt = crypto.randomBytes(16);
  return sealKey(key, kind, name, scrypt(secret, salt, 32), salt);
}

/**
 * The key wrapped for an operator whose password is not known, under their stored password hash
 * (`scrypt$N$r$p$salt$hash`, services/passwords.ts): that hash is scrypt(password, salt) — exactly what `unwrapKey`
 * derives from the password typed and the wrap's salt — so they open the register with their own password. Used
 * only while encrypting a plain register, whose hashes are about to be encrypted with the key they wrap (and, the
 * same way, for a restored plain backup's recovery code, whose hash the register keeps). Null for a hash a wrap may
 * not carry (every hash this program has written qualifies).
 */
export function wrapKeyUnderHash(key: Buffer, name: string, storedHash: string, kind: Wrap['kind'] = 'operator'): Wrap | null {
  const [scheme, n, r, p, salt, hash] = storedHash.split('$');
  const kek = Buffer.from(hash ?? '', 'base64');
  if (scheme !== 'scrypt' || kek.length !== 32) return null;
  const wrap: Wrap = { ...sealKey(key, kind, name, kek, Buffer.from(salt ?? '', 'base64'), { N: Number(n), r: Number(r), p: Number(p) }), underHash: true };
  return isWrap(wrap) ? wrap : null;
}

/** Whether a wrap was made under this stored hash (it shares its salt), rather than from the password typed. */
export const madeUnderHash = (wrap: Wrap, storedHash: string) => storedHash.split('$')[4] === wrap.salt;

/** The key, or null when the secret is not the one it was wrapped with (GCM's tag does not match). */
export function unwrapKey(wrap: Wrap, secret: string): Buffer | null {
  const from = (s: string) => Buffer.from(s, 'base64');
  const kek = scrypt(secret, from(wrap.salt), 32, { N: wrap.N, r: wrap.r, p: wrap.p });
  const decipher = crypto.createDecipheriv('aes-256-gcm', kek, from(wrap.iv)).setAAD(label(wrap.kind, wrap.name)).setAuthTag(from(wrap.tag));
  try {
    return Buffer.concat([decipher.update(from(wrap.wrapped)), decipher.final()]);
  } catch {
    return null;
  }
}

export const findWrap = (store: KeyStore, kind: Wrap['kind'], name: string) => store.wraps.find((w) => w.kind === kind && w.name === name);

/** The store with this operator's (or the recovery code's) wrap replaced by `wrap`, or removed when it is null. */
export function withWrap(store: KeyStore, kind: Wrap['kind'], name: string, wrap: Wrap | null): KeyStore {
  const others = store.wraps.filter((w) => !(w.kind === kind && w.name === name));
  return { ...store, wraps: wrap ? [...others, wrap] : others };
}

/** Recovery codes are typed in either case; they are wrapped upper-case, as the register keeps their hash. */
export const recoverySecret = (code: string) => code.trim().toUpperCase();
