/**
 * A backup is one folder, `ledger-YYYYMMDD-HHMMSS-xxxx/`, holding `ledger.sqlite3` and the scanned forms it
 * refers to under `attachments/` — the same layout as the data folder, so a secretary can copy it to a USB stick
 * as one thing and `netledger restore` takes it back as it is. A folder rather than one archive file: the scans
 * are already compressed (PDF/JPG), an archive would need a second reader of files from outside, and every part
 * stays openable with ordinary tools. The database is copied with VACUUM INTO (never a file copy of a live
 * database); everything is written under `….part`, checked, and only then renamed to its name. An encrypted
 * register's backup is encrypted with the same key (VACUUM INTO keeps it), its scans stay encrypted as they are, and
 * it carries the data folder's `keys.json`, so it opens with the passwords (or recovery code) of its day and only so.
 */
import type { BackupEntry } from '../contract/system.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import { localStamp } from '../domain/dates.js';
import { msg } from '../i18n/messages.js';
import { copyDurable, filesBelow, syncDir } from './durable.js';
import { schemaVersion } from './migrate.js';
import { DATABASE_FILE, type Connection, type Db } from './open.js';
import { copyKeyStore } from './keys.js';
import { startRecord, writeCheckedRecord, type PendingRecord } from './checkedRecord.js';
import { checkFiles, describeProblems, inspectDatabase } from './verify.js';
import { fileErrorMessage } from './fileErrors.js';

export const ATTACHMENTS_DIR = 'attachments';

// The four hex digits keep two backups in the same second apart; older releases wrote single .sqlite3 files.
const BACKUP_NAME = /^ledger-\d{8}-\d{6}-[0-9a-f]{4}$/;
const LEGACY_NAME = /^ledger-\d{8}-\d{6}\.sqlite3$/;

export function backupName(now: Date): string {
  return `ledger-${localStamp(now)}-${crypto.randomBytes(2).toString('hex')}`;
}

/**
 * Writes the backup folder `target` from the open register and the data folder's attachments, then reads the copy
 * back (every page of every table and index, every scan's SHA-256): a backup that fails is deleted, so one that
 * exists can be trusted. The copy's SHA-256 is recorded with it (checkedRecord.ts): a restore of those very bytes
 * skips the index/reference cross-check, any other file is checked whole before replacing anything.
 */
export function writeBackup(db: Db, attachmentsDir: string, target: string, conn: Connection = {}): void {
  if (fs.existsSync(target)) throw new LedgerError('CONFLICT', msg.backup.exists(target));
  const part = `${target}.part`;
  fs.rmSync(part, { recursive: true, force: true });
  fs.mkdirSync(part, { recursive: true });
  let hashing: PendingRecord | undefined;
  try {
    const copy = path.join(part, DATABASE_FILE);
    db.prepare('VACUUM INTO ?').run(copy);
    hashing = startRecord(copy);
    const version = schemaVersion(db);
    // Pages only: the whole check (records, integrity_check, references) waits for a restore (verify.ts).
    const inspection = inspectDatabase(copy, version, conn, 'pages');
    if (conn.key) copyKeyStore(path.dirname(attachmentsDir), part);
    for (const f of inspection.files) {
      const from = path.join(attachmentsDir, f.storedPath);
      if (fs.existsSync(from)) copyDurable(from, path.join(part, ATTACHMENTS_DIR, f.storedPath));
    }
    const problems = [...inspection.problems, ...checkFiles(inspection.files, path.join(part, ATTACHMENTS_DIR), conn.key)];
    if (inspection.schemaVersion !== version) problems.push({ kind: 'tooNew', message: msg.verify.tooNew(inspection.schemaVersion, version) });
    if (problems.length > 0) throw new LedgerError('CONFLICT', msg.backup.notVerified(describeProblems(problems)), { problems });
    writeCheckedRecord(part, hashing.record());
    syncDir(part);
    if (fs.existsSync(target)) throw new LedgerError('CONFLICT', msg.backup.exists(target));
    fs.renameSync(part, target);
    syncDir(path.dirname(target));
  } catch (err) {
    // Before the delete: no thread keeps reading a file that is going away.
    hashing?.cancel();
    fs.rmSync(part, { recursive: true, force: true });
    if (err instanceof LedgerError) throw err;
    // A full or read-only disk is said in the words the person can act on (fileErrors.ts), like every export.
    throw new LedgerError('INTERNAL', fileErrorMessage(err, target) ?? msg.backup.failed(err instanceof Error ? err.message : String(err)));
  }
}

/** Backups in a folder, newest first: backup folders, and single files written by earlier releases. */
export function listBackups(dir: string): BackupEntry[] {
  if (!fs.existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (BACKUP_NAME.test(name) && fs.existsSync(path.join(full, DATABASE_FILE))) {
      const sizeBytes = filesBelow(full).reduce((sum, f) => sum + fs.statSync(path.join(full, f)).size, 0);
      entries.push({ fileName: name, sizeBytes, createdAt: fs.statSync(path.join(full, DATABASE_FILE)).mtime.toISOString() });
    } else if (LEGACY_NAME.test(name)) {
      const stat = fs.statSync(full);
      entries.push({ fileName: name, sizeBytes: stat.size, createdAt: stat.mtime.toISOString() });
    }
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** A backup the window names: only one listed in the backup folder, never a path the page made up. */
export function backupPath(dir: string, fileName: string): string {
  if (!listBackups(dir).some((b) => b.fileName === fileName)) throw new LedgerError('NOT_FOUND', msg.backup.notFound(fileName));
  return path.join(dir, fileName);
}
