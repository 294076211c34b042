/**
 * Encrypting a plain data folder in place with the register key: the scans, every backup and replaced register it
 * keeps, and last the register itself. Each step skips what is already encrypted, so a run cut short (power cut) is
 * finished by the next one — the register still being plain is what says it is unfinished (see hosts/keyGate.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ATTACHMENTS_DIR } from './backup.js';
import { filesBelow, syncDir, syncFile } from './durable.js';
import { copyKeyStore, wrapKeyUnderHash, writeKeyStore, type Wrap } from './keys.js';
import { connect, DATABASE_FILE, isPlainDatabase, REGISTER_CIPHER, selectCipher, type Connection } from './open.js';
import { isSealed, seal } from './sealedFiles.js';

/**
 * SQLite3 Multiple Ciphers encrypts a plain file with `PRAGMA rekey`, page by page under a rollback journal: cut
 * short, it leaves a file half encrypted that no key opens. So the register is never rekeyed where it lies. It is
 * checkpointed (everything in the file, no WAL left beside it), copied, the copy rekeyed, and the copy renamed over
 * it: a power cut leaves the plain register whole, and a leftover copy is thrown away and the run done again.
 */
export function encryptDatabaseFile(file: string, key: string, nativeBinding?: string): void {
  const copy = `${file}.encrypting`;
  for (const leftover of [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(leftover, { force: true });
  if (!fs.existsSync(file) || !isPlainDatabase(file)) return;
  const plain = connect(file, { nativeBinding });
  let mode: unknown;
  try {
    mode = plain.pragma('journal_mode', { simple: true });
    plain.pragma('wal_checkpoint(TRUNCATE)');
    // Leaving WAL mode removes the -wal: nothing plain stays beside the encrypted file.
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  try {
    fs.copyFileSync(file, copy);
    const db = connect(copy, { nativeBinding });
    try {
      selectCipher(db, REGISTER_CIPHER);
      db.pragma(`rekey = "x'${key}'"`);
      if (mode === 'wal') db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    syncFile(copy);
  } catch (err) {
    // A copy cut short (a full disk) holds plain pages: it must not wait for the next run to be removed.
    for (const part of [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(part, { force: true });
    throw err;
  }
  fs.renameSync(copy, file);
  syncDir(path.dirname(file));
}

/**
 * Bytes an encryption in place may need at its peak, on top of what the folder holds: the checked backup of the
 * register (when `withBackup`), then one encrypted copy at a time with its rollback journal, and one scan sealed
 * at a time (temp + rename).
 */
export function spaceToEncrypt(dataDir: string, withBackup: boolean): number {
  const size = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  const register = size(path.join(dataDir, DATABASE_FILE)) + size(path.join(dataDir, `${DATABASE_FILE}-wal`));
  const scans = path.join(dataDir, ATTACHMENTS_DIR);
  const largestScan = Math.max(0, ...filesBelow(scans).map((f) => size(path.join(scans, f))));
  return register * (withBackup ? 3 : 2) + largestScan;
}

/** Whether an error met while encrypting is the disk (or the quota) being full. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || (typeof code === 'string' && code.startsWith('SQLITE_FULL'));
}

/** Every plain scan below `dir` replaced by its encrypted form (temp + rename, so a crash leaves one or the other). */
export function encryptFilesBelow(dir: string, key: Buffer): void {
  for (const relative of filesBelow(dir)) {
    const file = path.join(dir, relative);
    const content = fs.readFileSync(file);
    if (isSealed(content)) continue;
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, seal(key, content), { flush: true, mode: 0o600 });
    fs.renameSync(temp, file);
    syncDir(path.dirname(file));
  }
}

/** A backup (or replaced register) folder, or a single-file backup of an earlier release. */
function encryptCopy(entry: string, key: string, dataDir: string, conn: Connection): void {
  if (!fs.statSync(entry).isDirectory()) {
    if (entry.endsWith('.sqlite3')) encryptDatabaseFile(entry, key, conn.nativeBinding);
    return;
  }
  encryptFilesBelow(path.join(entry, ATTACHMENTS_DIR), Buffer.from(key, 'hex'));
  const db = path.join(entry, DATABASE_FILE);
  if (fs.existsSync(db) && isPlainDatabase(db)) {
    // Its own keys.json first: a copy encrypted without one could never be restored.
    copyKeyStore(dataDir, entry);
    encryptDatabaseFile(db, key, conn.nativeBinding);
  }
}

/** The whole data folder; `keys.json` must already be written (it is what makes the result openable). */
export function encryptDataFolder(dataDir: string, key: string, conn: Connection = {}): void {
  encryptFilesBelow(path.join(dataDir, ATTACHMENTS_DIR), Buffer.from(key, 'hex'));
  for (const kept of ['backups', 'replaced']) {
    const dir = path.join(dataDir, kept);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      // A `.part` is never a backup (only a checked one is renamed): one a killed run left may hold the plain
      // register — the checked backup of an encrypting sign-in cut short — and must not outlive the encryption.
      if (name.endsWith('.part')) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      else encryptCopy(path.join(dir, name), key, dataDir, conn);
    }
  }
  encryptDatabaseFile(path.join(dataDir, DATABASE_FILE), key, conn.nativeBinding);
}

/**
 * A plain backup (an earlier release's, from a USB stick) restored into an encrypted data folder: its staged copy
 * encrypted with the live key, and given a keys.json that opens it with the passwords of its own day — as an
 * encrypted backup's does — wrapped under its operators' stored hashes and its recovery code's (their passwords
 * are not known here; each is replaced at that operator's next sign-in, and the code at the administrator's).
 * The staged scans are sealed by the caller once copied. Throws when the copy is not a register of ours.
 */
export function encryptStagedPlain(staging: string, key: string, conn: Connection): void {
  const file = path.join(staging, DATABASE_FILE);
  const plain = connect(file, { nativeBinding: conn.nativeBinding }, { readonly: true });
  let hashes: { kind: Wrap['kind']; name: string; hash: string }[];
  try {
    hashes = [
      ...(plain.prepare("SELECT 'operator' AS kind, name, password_hash AS hash FROM operators WHERE active = 1").all() as typeof hashes),
      ...(plain.prepare("SELECT 'recovery' AS kind, '' AS name, code_hash AS hash FROM recovery").all() as typeof hashes),
    ];
  } finally {
    plain.close();
  }
  const keyBytes = Buffer.from(key, 'hex');
  const wraps = hashes.flatMap((h) => wrapKeyUnderHash(keyBytes, h.name, h.hash, h.kind) ?? []);
  encryptDatabaseFile(file, key, conn.nativeBinding);
  writeKeyStore(staging, { format: 1, wraps, recoveryUnseen: true });
}
