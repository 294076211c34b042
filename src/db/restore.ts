/**
 * Putting a backup back in place of the register, in two halves:
 *
 * `stageRestore` copies the backup into a private folder inside the data folder (`.restore-xxxx.part/`) and
 * checks that copy — integrity, foreign keys, a schema this release knows, the audit chain, every scan with its
 * SHA-256; integrity and foreign keys are skipped when the copy's SHA-256 is the one the backup recorded after its
 * own check (checkedRecord.ts). Nothing
 * of the register is touched; a refusal leaves the data folder byte for byte as it was. Checking our own copy,
 * not the source, means what is checked is exactly what gets installed, even from a USB stick pulled meanwhile.
 *
 * `installRestore`, with every connection to the live register closed, swaps it in. The order is what makes a
 * crash (power cut, kill) at any point leave a register that opens — the old one or the new one, never neither:
 *  1. Checkpoint the live database (`wal_checkpoint(TRUNCATE)`) so its main file holds everything committed,
 *     then close it; SQLite deletes the WAL on the last close. A WAL still there afterwards means another
 *     program has the register open: stop before changing anything. → crash: old register, whole.
 *  2. Copy the live database (and a WAL/shm left by a damaged file that would not checkpoint) and link its
 *     scans into `replaced/ledger-before-restore-…part/`, synced, then rename it without `.part`.
 *     Only copies are made; the live files stay where they are. → crash: old register, whole.
 *  3. Add the backup's scans to `attachments/`. Scans are named by their SHA-256, so adding never changes a file
 *     the old register uses: the folder now serves both registers. → crash: old register, whole.
 *  4. Delete `-wal`/`-shm` beside the live database (after 1 there are none unless the old file was damaged;
 *     they are kept in 2), then rename the staged database over `ledger.sqlite3` — one atomic step, old to new.
 *     A WAL must never outlive that rename: SQLite would replay it into the restored file and corrupt it.
 *     → crash before the rename: old register; after: new register, with all its scans (from 3).
 *  5. Remove scans the new register does not use (kept in 2) and the staging folder. → crash: new register.
 * An encrypted backup carries its `keys.json`: it is checked with the register key (so it restores only once a
 * password or the recovery code has given that key), kept with the replaced register in 2, and renamed into place
 * just before the database in 4, so the passwords that open the restored register are the ones of its day (a
 * plain backup leaves no keys.json: the restored register is plain until its next first start or sign-in).
 * A crash can leave `.part` folders: `netledger check` reports them, and the next restore removes its own.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import { localStamp } from '../domain/dates.js';
import { msg } from '../i18n/messages.js';
import { ATTACHMENTS_DIR } from './backup.js';
import { copyDurable, filesBelow, linkOrCopy, syncDir } from './durable.js';
import { encryptFilesBelow, encryptStagedPlain } from './encrypt.js';
import { connect, DATABASE_FILE, isPlainDatabase, type Connection } from './open.js';
import { copyKeyStore, KEYS_FILE } from './keys.js';
import { matchesCheckedRecord } from './checkedRecord.js';
import { checkFiles, describeProblems, inspectDatabase, storedSha256, type StoredFile, type Structure } from './verify.js';

export const REPLACED_DIR = 'replaced';
const STAGING = /^\.restore-[0-9a-f]{8}\.part$/;
const SIDE_FILES = ['-wal', '-shm'];

export interface StagedRestore {
  dataDir: string;
  /** What was given: a backup folder, or a single database file from an earlier release. */
  source: string;
  staging: string;
  /** Where the register being replaced will be kept. */
  keepAs: string;
  /** The live database that will be replaced, if there is one. */
  current: { file: string; sizeBytes: number; modifiedAt: string } | null;
  schemaVersion: number;
  files: StoredFile[];
  /** 'recorded': the copy is the bytes the backup's own check passed (checked.json), so only their meaning was checked. */
  structure: Structure;
}

export interface RestoreOptions extends Connection {
  /** The newest schema version this release can open. */
  knownVersion: number;
  now: Date;
}

/** A single-file backup (earlier releases) has no scans of its own: the data folder's are used, by checksum. */
export function sourceParts(dataDir: string, source: string): { dir: string | null; db: string; attachments: string; keys: string | null } {
  const parts = fs.statSync(source, { throwIfNoEntry: false })?.isDirectory()
    ? { dir: source, db: path.join(source, DATABASE_FILE), attachments: path.join(source, ATTACHMENTS_DIR), keys: path.join(source, KEYS_FILE) }
    : { dir: null, db: source, attachments: path.join(dataDir, ATTACHMENTS_DIR), keys: null };
  if (!fs.existsSync(parts.db)) throw new LedgerError('NOT_FOUND', msg.restore.notFound(parts.db));
  return parts;
}

function uniqueKeepDir(dataDir: string, now: Date): string {
  const base = path.join(dataDir, REPLACED_DIR, `ledger-before-restore-${localStamp(now)}`);
  let candidate = base;
  for (let n = 2; fs.existsSync(candidate) || fs.existsSync(`${candidate}.part`); n++) candidate = `${base}-${n}`;
  return candidate;
}

/** Copies and checks the backup; throws (leaving the data folder as it was) when it cannot be restored. */
export function stageRestore(dataDir: string, source: string, options: RestoreOptions): StagedRestore {
  const parts = sourceParts(dataDir, path.resolve(source));
  for (const name of fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : []) {
    if (STAGING.test(name)) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
  const staging = path.join(dataDir, `.restore-${crypto.randomBytes(4).toString('hex')}.part`);
  fs.mkdirSync(staging, { recursive: true });
  try {
    const stagedDb = path.join(staging, DATABASE_FILE);
    copyDurable(parts.db, stagedDb);
    // A plain backup into an encrypted folder (an earlier release's): restored encrypted with the live key.
    const fromPlain = !!options.key && isPlainDatabase(stagedDb) && isOurs(stagedDb, options);
    if (fromPlain) encryptStagedPlain(staging, options.key!, options);
    else if (parts.keys) copyKeyStore(path.dirname(parts.keys), staging);
    // Our copy, hashed: what matches the backup's record is what gets installed. A plain file encrypted here is new bytes.
    const recorded = !fromPlain && !!parts.dir && matchesCheckedRecord(parts.dir, stagedDb);
    const inspection = inspectDatabase(stagedDb, options.knownVersion, options, recorded ? 'recorded' : 'full');
    const problems = [...inspection.problems];
    if (problems.length === 0 && inspection.schemaVersion === 0) problems.push({ kind: 'foreignFile', message: msg.verify.foreignFile });
    for (const f of inspection.files) {
      const from = path.join(parts.attachments, f.storedPath);
      if (fs.existsSync(from)) copyDurable(from, path.join(staging, ATTACHMENTS_DIR, f.storedPath));
    }
    if (fromPlain) encryptFilesBelow(path.join(staging, ATTACHMENTS_DIR), Buffer.from(options.key!, 'hex'));
    problems.push(...checkFiles(inspection.files, path.join(staging, ATTACHMENTS_DIR), options.key));
    if (problems.length > 0) throw new LedgerError('CONFLICT', msg.restore.refused(describeProblems(problems)), { problems });
    const live = path.join(dataDir, DATABASE_FILE);
    const stat = fs.existsSync(live) ? fs.statSync(live) : null;
    return {
      dataDir,
      source: path.resolve(source),
      staging,
      keepAs: uniqueKeepDir(dataDir, options.now),
      current: stat && { file: live, sizeBytes: stat.size, modifiedAt: stat.mtime.toISOString() },
      schemaVersion: inspection.schemaVersion,
      files: inspection.files,
      structure: inspection.structure,
    };
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

export function discardRestore(staged: StagedRestore): void {
  fs.rmSync(staged.staging, { recursive: true, force: true });
}

/** Whether a plain file is a register of this software (has its operators), before it is encrypted as one. */
function isOurs(file: string, conn: Connection): boolean {
  try {
    const db = connect(file, { nativeBinding: conn.nativeBinding }, { readonly: true });
    try {
      return db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('operators', 'recovery')").pluck().get() === 2;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** Step 1: the live database checkpointed and closed by us alone; throws (changing nothing) when it is in use. */
function checkpoint(live: string, conn: Connection): void {
  if (!fs.existsSync(live)) return;
  let whole = false;
  try {
    const db = connect(live, conn);
    try {
      const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      whole = r?.busy === 0;
    } finally {
      db.close();
    }
  } catch {
    // A damaged register cannot be checkpointed; its WAL is kept beside the copy in step 2.
    return;
  }
  if (!whole || fs.existsSync(`${live}-wal`)) throw new LedgerError('CONFLICT', msg.restore.inUse);
}

/** Steps 1–5 above; the live register must be closed (`conn`: how to open it). Returns where it was kept. */
export function installRestore(staged: StagedRestore, conn: Connection = {}): { keptAs: string | null } {
  const { dataDir, staging } = staged;
  const live = path.join(dataDir, DATABASE_FILE);
  const liveFiles = path.join(dataDir, ATTACHMENTS_DIR);
  const liveKeys = path.join(dataDir, KEYS_FILE);
  checkpoint(live, conn);

  let keptAs: string | null = null;
  const oldScans = filesBelow(liveFiles);
  if (fs.existsSync(live) || oldScans.length > 0) {
    const part = `${staged.keepAs}.part`;
    for (const suffix of ['', ...SIDE_FILES]) {
      if (fs.existsSync(live + suffix)) copyDurable(live + suffix, path.join(part, DATABASE_FILE + suffix));
    }
    copyKeyStore(dataDir, part);
    for (const f of oldScans) linkOrCopy(path.join(liveFiles, f), path.join(part, ATTACHMENTS_DIR, f));
    fs.mkdirSync(part, { recursive: true });
    syncDir(part);
    fs.renameSync(part, staged.keepAs);
    syncDir(path.dirname(staged.keepAs));
    keptAs = staged.keepAs;
  }

  try {
    for (const f of staged.files) {
      const target = path.join(liveFiles, f.storedPath);
      if (fs.existsSync(target) && storedSha256(target, conn.key) === f.sha256) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(path.join(staging, ATTACHMENTS_DIR, f.storedPath), target);
      syncDir(path.dirname(target));
    }

    for (const suffix of SIDE_FILES) fs.rmSync(live + suffix, { force: true });
    // The restored register's keys come with it, before it (same key: it was checked with it). A plain backup into
    // a plain folder leaves none, removed only after the rename: a kill in between must not leave an encrypted
    // register without keys.json (a plain one beside a keys.json is encrypted with it at the next sign-in).
    const stagedKeys = fs.existsSync(path.join(staging, KEYS_FILE));
    if (stagedKeys) fs.renameSync(path.join(staging, KEYS_FILE), liveKeys);
    syncDir(dataDir);
    fs.renameSync(path.join(staging, DATABASE_FILE), live);
    if (!stagedKeys) fs.rmSync(liveKeys, { force: true });
    syncDir(dataDir);

    const used = new Set(staged.files.map((f) => path.normalize(f.storedPath)));
    for (const f of oldScans) if (!used.has(path.normalize(f))) fs.rmSync(path.join(liveFiles, f), { force: true });
    fs.rmSync(staging, { recursive: true, force: true });
  } catch (err) {
    throw new LedgerError('INTERNAL', msg.restore.failed(err instanceof Error ? err.message : String(err), keptAs));
  }
  return { keptAs };
}
