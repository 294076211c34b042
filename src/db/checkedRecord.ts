/**
 * `checked.json` beside a backup's `ledger.sqlite3`: the SHA-256 of the database file's bytes as stored (encrypted or
 * not) once the backup's own check passed. Those bytes were written by VACUUM INTO, which read every record and
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

export const CHECKED_FILE = 'checked.json';

/**
 * Records `sha256`, the hex SHA-256 of the database just checked (hashed beside the check, hashInBackground.ts), in
 * `dir`, synced, before the backup folder is renamed into place.
 */
export function writeCheckedRecord(dir: string, sha256: string): void {
  const file = path.join(dir, CHECKED_FILE);
  fs.writeFileSync(file, `${JSON.stringify({ format: 1, sha256 })}\n`);
  syncFile(file);
}

/** Whether `database` holds exactly the bytes the record in `dir` names; false without a readable record. */
export function matchesCheckedRecord(dir: string, database: string): boolean {
  let recorded: unknown;
  try {
    recorded = JSON.parse(fs.readFileSync(path.join(dir, CHECKED_FILE), 'utf8'))?.sha256;
  } catch {
    return false;
  }
  return typeof recorded === 'string' && /^[0-9a-f]{64}$/.test(recorded) && sha256File(database) === recorded;
}
