/**
 * What "a register we can trust" means, checked the same way for a fresh backup, a backup about to be restored
 * and the live data folder (`netledger check`): SQLite's own integrity and foreign-key checks, a schema version
 * this release understands, and every scanned form present with the SHA-256 recorded for it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { msg } from '../i18n/messages.js';
import { verifyChain } from './auditChain.js';
import { sha256File } from './durable.js';
import { fileErrorMessage } from './fileErrors.js';
import { connect, type Connection } from './open.js';
import { readSealed } from './sealedFiles.js';

export type ProblemKind =
  | 'auditChain'
  | 'noDatabase'
  | 'unreadable'
  | 'tooNew'
  | 'foreignFile'
  | 'integrity'
  | 'foreignKeys'
  | 'attachmentPath'
  | 'attachmentMissing'
  | 'attachmentCorrupt'
  | 'leftover';

export interface Problem {
  kind: ProblemKind;
  message: string;
}

/** One stored scan as the register records it: a path below attachments/ and the SHA-256 of its bytes. */
export interface StoredFile {
  storedPath: string;
  sha256: string;
}

export interface Inspection {
  problems: Problem[];
  schemaVersion: number;
  files: StoredFile[];
}

// What addAttachment writes (sha[0..2]/sha.ext, with either separator): anything else could point outside the folder.
const STORED_PATH = /^([0-9a-f]{2})[\\/]([0-9a-f]{64})\.(pdf|png|jpg|jpeg|tif|tiff)$/;

/**
 * Reads the register read-only (nothing is written, not even a journal) and lists what is wrong with it.
 * The stored scans are only listed here; `checkFiles` compares them with a folder.
 */
const REGISTER_TABLES = ['schema_migrations', 'organizations', 'members', 'accounts', 'filings', 'audit_log'];

function isRegister(db: Database.Database, tables: Set<string>, version: number): boolean {
  if (!REGISTER_TABLES.every((t) => tables.has(t))) return false;
  const recorded = db.prepare('SELECT count(*) AS n, max(version) AS top FROM schema_migrations').get() as { n: number; top: number | null };
  return recorded.n === version && recorded.top === version;
}

/**
 * `structure`: 'full' (a restore, `netledger check`) cross-checks every index against its table (integrity_check)
 * and every reference (foreign_key_check). 'pages' (a backup just written by VACUUM INTO) reads every page and
 * record (quick_check: b-tree structure, record format, NOT NULL and CHECK constraints) but not the index/table
 * agreement, which VACUUM INTO rebuilds itself, nor the references, which the live register enforces on every
 * write (foreign_keys = ON): both are checked again before a restore replaces anything.
 */
export function inspectDatabase(file: string, knownVersion: number, conn: Connection = {}, structure: 'full' | 'pages' = 'full'): Inspection {
  const result: Inspection = { problems: [], schemaVersion: 0, files: [] };
  const problem = (kind: ProblemKind, message: string) => result.problems.push({ kind, message });
  if (!fs.existsSync(file)) {
    problem('noDatabase', msg.verify.noDatabase(file));
    return result;
  }
  let db: Database.Database | undefined;
  try {
    db = connect(file, conn, { readonly: true, fileMustExist: true });
    result.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    if (result.schemaVersion > knownVersion) problem('tooNew', msg.verify.tooNew(result.schemaVersion, knownVersion));
    if (result.schemaVersion === 0 && tables.size > 0) problem('foreignFile', msg.verify.foreignFile);
    // A data version alone proves nothing (any SQLite file can set user_version): a register records each migration
    // it went through and has the register's own tables.
    else if (result.schemaVersion > 0 && !isRegister(db, tables, result.schemaVersion)) problem('foreignFile', msg.verify.foreignFile);
    const check = structure === 'full' ? 'integrity_check' : 'quick_check';
    const integrity = (db.pragma(check) as Record<string, string>[]).map((r) => r[check]!);
    if (integrity.join() !== 'ok') problem('integrity', msg.verify.integrity(integrity.slice(0, 3).join('；')));
    const orphans = structure === 'full' ? (db.pragma('foreign_key_check') as { table: string }[]) : [];
    if (orphans.length > 0) problem('foreignKeys', msg.verify.foreignKeys(orphans.length, [...new Set(orphans.map((o) => o.table))].join('、')));
    if (tables.has('audit_head')) {
      const broken = verifyChain(db);
      if (broken) problem('auditChain', msg.verify.auditChain(broken));
    }
    if (tables.has('filing_attachments')) {
      const rows = db.prepare('SELECT DISTINCT stored_path AS storedPath, sha256 FROM filing_attachments ORDER BY stored_path').all() as StoredFile[];
      for (const row of rows) {
        const m = STORED_PATH.exec(row.storedPath);
        if (m && m[2] === row.sha256 && m[1] === row.sha256.slice(0, 2)) result.files.push(row);
        else problem('attachmentPath', msg.verify.attachmentPath(row.storedPath));
      }
    }
  } catch (err) {
    // A read-only folder or a missing permission is said so; only a file SQLite cannot read is called foreign.
    problem('unreadable', fileErrorMessage(err, file) ?? msg.verify.unreadable(file));
  } finally {
    db?.close();
  }
  return result;
}

/** The SHA-256 of a stored scan's plain content (decrypted with the register key); null when it cannot be read. */
export function storedSha256(file: string, key: string | undefined): string | null {
  if (!key) return sha256File(file);
  const plain = readSealed(file, Buffer.from(key, 'hex'));
  return plain && createHash('sha256').update(plain).digest('hex');
}

/** Every listed scan present below dir with its recorded SHA-256 (of its plain content, when it is encrypted). */
export function checkFiles(files: StoredFile[], dir: string, key?: string): Problem[] {
  const problems: Problem[] = [];
  for (const f of files) {
    const file = path.join(dir, f.storedPath);
    if (!fs.existsSync(file)) problems.push({ kind: 'attachmentMissing', message: msg.verify.attachmentMissing(f.storedPath) });
    else if (storedSha256(file, key) !== f.sha256) problems.push({ kind: 'attachmentCorrupt', message: msg.verify.attachmentCorrupt(f.storedPath) });
  }
  return problems;
}

/** Problems as one line for an error message; the full list stays in `details`. */
export function describeProblems(problems: Problem[]): string {
  const shown = problems.slice(0, 5).map((p) => p.message);
  return problems.length > 5 ? `${shown.join(' ')} ……共 ${problems.length} 个问题。` : shown.join(' ');
}
