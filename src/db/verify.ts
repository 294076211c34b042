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

/** How the structure was checked (see inspectDatabase); a restore reports which one its backup got. */
export type Structure = 'full' | 'pages' | 'recorded';

export interface Inspection {
  problems: Problem[];
  structure: Structure;
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
 * and every reference (foreign_key_check). 'pages' (a backup just written by VACUUM INTO) walks every page of every
 * table and index (walkTrees) but decodes no record: VACUUM INTO has just read every record of the register to write
 * the copy and rebuilt every index from its table, so what can still be wrong is the copy's pages — lost, cut off or
 * garbled on the way to the disk. quick_check, which also decodes every record, cost most of what the VACUUM INTO
 * itself costs (0.7 s against 1.1 s of CPU at 100k members) to find, beyond that, only bytes garbled inside a record
 * in a way that breaks its format. The records, the index/table agreement and the references are all checked
 * again (integrity_check) before a restore replaces anything, unless the file is byte for byte the one whose walk
 * passed: 'recorded' (a restore whose copy matches the backup's checked.json, checkedRecord.ts) checks no structure,
 * only what the bytes mean here — the data version, that it is a register, the audit chain and the scans.
 */
export function inspectDatabase(file: string, knownVersion: number, conn: Connection = {}, structure: Structure = 'full'): Inspection {
  const result: Inspection = { problems: [], structure, schemaVersion: 0, files: [] };
  const problem = (kind: ProblemKind, message: string) => result.problems.push({ kind, message });
  if (!fs.existsSync(file)) {
    problem('noDatabase', msg.verify.noDatabase(file));
    return result;
  }
  let db: Database.Database | undefined;
  try {
    db = connect(file, conn, { readonly: true, fileMustExist: true });
    // A fresh backup's pages are read once each, mostly from the OS's cache of the file just written (so the walk finds
    // what was written wrong, cut off or lost, not a medium that garbles what it stores later: a restore's full check
    // does). Mapped, the walk costs 0.5 s of CPU instead of 1.1–1.5 s at 600k members (a read() and a copy a page).
    // Not for the full check: it reads registers from anywhere (a USB stick, a failing disk), where a read error on a
    // mapped page kills the process instead of being reported. An encrypted register is never mapped (its pages
    // are decrypted on reading), so this changes nothing there.
    if (structure === 'pages') db.pragma(`mmap_size = ${fs.statSync(file).size}`);
    result.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    if (result.schemaVersion > knownVersion) problem('tooNew', msg.verify.tooNew(result.schemaVersion, knownVersion));
    if (result.schemaVersion === 0 && tables.size > 0) problem('foreignFile', msg.verify.foreignFile);
    // A data version alone proves nothing (any SQLite file can set user_version): a register records each migration
    // it went through and has the register's own tables.
    else if (result.schemaVersion > 0 && !isRegister(db, tables, result.schemaVersion)) problem('foreignFile', msg.verify.foreignFile);
    const integrity =
      structure === 'full' ? (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check) : structure === 'pages' ? walkTrees(db) : ['ok'];
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

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Counts the entries of every table (from each page's header: every page of its b-tree) and steps through every entry
 * of every index, decoding no record: a page cut off, lost or garbled fails the read, and a page whose entries went
 * missing shows as an index holding fewer entries than its table. ['ok'] when all agree.
 */
function walkTrees(db: Database.Database): string[] {
  // Each table before its indexes; virtual tables (rootpage 0) have no pages of their own.
  const trees = db.prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema WHERE rootpage > 0 ORDER BY tbl_name, type DESC").all() as { type: string; name: string; tbl: string; sql: string | null }[];
  const rows = new Map<string, number>();
  const found: string[] = [];
  for (const t of trees) {
    try {
      const count = (sql: string) => db.prepare(sql).pluck().get() as number;
      if (t.type === 'table') rows.set(t.tbl, count(`SELECT count(*) FROM ${quoted(t.tbl)} NOT INDEXED`));
      else {
        // A partial index holds the rows its WHERE takes (counted from the table too); `WHERE true` for the others keeps
        // SQLite from counting the smallest index instead of the one named.
        const where = t.sql?.match(/\bWHERE\b[\s\S]*$/i)?.[0];
        const n = count(`SELECT count(*) FROM ${quoted(t.tbl)} INDEXED BY ${quoted(t.name)} ${where ?? 'WHERE true'}`);
        const expected = where ? count(`SELECT count(*) FROM ${quoted(t.tbl)} NOT INDEXED ${where}`) : rows.get(t.tbl)!;
        if (n !== expected) found.push(msg.verify.indexCount(t.name, n, t.tbl, expected));
      }
    } catch (err) {
      found.push(`${t.name}：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return found.length > 0 ? found : ['ok'];
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
