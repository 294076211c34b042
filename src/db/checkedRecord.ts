/**
 * `checked.json` beside a backup's `ledger.sqlite3`: the SHA-256 of the database file's bytes as stored (encrypted or
 * not) once the backup's own check passed — of each of its two halves (format 2), so that each is hashed on a thread
 * of its own beside the backup's page walk: one SHA-256 of a 2.6 GB copy was the backup's longest step after the
 * VACUUM INTO (about 3 s of CPU, the bytes read from the OS cache and hashed), and kept the backup at 1.30× its
 * VACUUM INTO at 600k members against a target of 1.3×. Backups of the previous build record one SHA-256 of the
 * whole file (format 1), still honoured. Those bytes were written by VACUUM INTO, which read every record and
 * rebuilt every index from its table, and were then walked page by page (verify.ts, `structure: 'pages'`). A restore
 * whose copy of the file has exactly that SHA-256 restores exactly those bytes, so it need not cross-check indexes
 * and references again (integrity_check + foreign_key_check: about 9× the VACUUM INTO at 600k members); any other
 * file — a byte changed on a USB stick, a backup of an earlier release, a missing or unreadable record — gets the
 * full check. The record guards against damage, not against a person: one who rewrites the database can rewrite
 * the record too, as they could write a file that passes integrity_check; the audit chain is checked either way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256File, syncFile } from './durable.js';
import { hashInBackground, type BackgroundHash } from './hashInBackground.js';

export const CHECKED_FILE = 'checked.json';

const MB = 1 << 20;

/** What a backup records: its file's size, the length of each part but the last, and each part's SHA-256 in order. */
export interface CheckedRecord {
  format: 2;
  size: number;
  partBytes: number;
  sha256: string[];
}

/** A record being made: the parts hashed on their threads. */
export interface PendingRecord {
  record(): CheckedRecord;
  /** Stops the threads: the backup failed and its file is about to be deleted. */
  cancel(): void;
}

/** Two halves (whole megabytes, as the threads read), one part for a file under 1 MB. */
const partBytesFor = (size: number) => Math.max(MB, Math.ceil(size / 2 / MB) * MB);

/** Starts hashing `file`'s two halves, each on its own thread; the file must not change until record() or cancel(). */
export function startRecord(file: string): PendingRecord {
  const size = fs.statSync(file).size;
  const partBytes = partBytesFor(size);
  const parts: BackgroundHash[] = [];
  for (let start = 0; start < size || parts.length === 0; start += partBytes) parts.push(hashInBackground(file, start, Math.min(size, start + partBytes)));
  return {
    record: () => ({ format: 2, size, partBytes, sha256: parts.map((p) => p.digest()) }),
    cancel: () => parts.forEach((p) => p.cancel()),
  };
}

/** Writes `record` of the database just checked in `dir`, synced, before the backup folder is renamed into place. */
export function writeCheckedRecord(dir: string, record: CheckedRecord): void {
  const file = path.join(dir, CHECKED_FILE);
  fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
  syncFile(file);
}

const HEX = /^[0-9a-f]{64}$/;

/** Whether `database` holds exactly the bytes the record in `dir` names; false without a readable record. */
export function matchesCheckedRecord(dir: string, database: string): boolean {
  let recorded: { format?: unknown; size?: unknown; partBytes?: unknown; sha256?: unknown } | null;
  try {
    recorded = JSON.parse(fs.readFileSync(path.join(dir, CHECKED_FILE), 'utf8'));
  } catch {
    return false;
  }
  if (recorded?.format === 1) return typeof recorded.sha256 === 'string' && HEX.test(recorded.sha256) && sha256File(database) === recorded.sha256;
  if (recorded?.format !== 2 || !Array.isArray(recorded.sha256) || !recorded.sha256.every((h) => typeof h === 'string' && HEX.test(h))) return false;
  // Only this build's split of a file of that size: a record changed on a stick could otherwise name 1 MB parts, one
  // thread each, thousands for a city register.
  const size = fs.statSync(database).size;
  if (recorded.size !== size || recorded.partBytes !== partBytesFor(size)) return false;
  const now = startRecord(database).record();
  return now.sha256.length === recorded.sha256.length && now.sha256.every((h, i) => h === (recorded.sha256 as string[])[i]);
}
