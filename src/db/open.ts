import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { APP_VERSION } from '../domain/version.js';
import { assertCompatible, loadMigrations, migrate, schemaVersion } from './migrate.js';
import { recordWrittenBy } from './writtenBy.js';
import { fileErrorMessage } from './fileErrors.js';
import { sealUnchained } from './auditChain.js';

export type Db = Database.Database;

/** How to reach a register file: which build of the driver, and the register key (hex) when it is encrypted. */
export interface Connection {
  /** Electron loads a build of better-sqlite3 made for its own ABI, kept apart from Node's. */
  nativeBinding?: string;
  /** The register key as 64 hex digits (src/db/keys.ts); absent for a plain register. */
  key?: string;
}

export interface OpenOptions extends Connection {
  migrationsDir?: string;
  now?: () => string;
  /** Runs before an existing register is migrated to a newer schema; throwing refuses the upgrade. */
  beforeUpgrade?: (db: Db, upgrade: Upgrade) => void;
}

/** An existing register about to move from schema `from` to `to`, at `now` (ISO time). */
export interface Upgrade {
  from: number;
  to: number;
  now: string;
}

export const DATABASE_FILE = 'ledger.sqlite3';

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

const HEX_KEY = /^[0-9a-f]{64}$/;
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The cipher a register is encrypted with: SQLite3 Multiple Ciphers' AEGIS-256, authenticated like ChaCha20-Poly1305
 * (the library's default, which earlier releases wrote) and deciphering a page about 7× faster on this machine (AES
 * instructions): an encrypted register deciphers every page it reads, and a whole city's 明细表 had cost 1.6–2× the
 * plain one (issue 13). A register keeps the cipher it was encrypted with; VACUUM INTO (backups) keeps it too.
 */
export const REGISTER_CIPHER = 'aegis';
const EARLIER_CIPHERS = ['chacha20'];

/**
 * Each cipher with every parameter its files depend on: a file records none, and with a raw key AEGIS's depend on
 * its variant, left to the driver's default it could change in an update. ChaCha20's legacy mode is sqleet's, fixed.
 */
const CIPHER_PRAGMAS: Record<string, string[]> = {
  aegis: ["cipher = 'aegis'", "algorithm = 'aegis-256'"],
  chacha20: ["cipher = 'chacha20'"],
};

/** Selects `cipher` on a connection, before its key or rekey. */
export function selectCipher(db: Db, cipher: string): void {
  for (const pragma of CIPHER_PRAGMAS[cipher]!) db.pragma(pragma);
}

/**
 * A connection with the key applied first, as SQLite3 Multiple Ciphers needs it before anything is read. An encrypted
 * file does not say its cipher, so each is tried, today's first, by reading the schema: the wrong cipher, like the
 * wrong key, reads as SQLITE_NOTADB. When none reads it, the connection is keyed with today's and the caller's first
 * read fails as it always did.
 */
export function connect(file: string, conn: Connection = {}, flags: Database.Options = {}): Db {
  const open = () => new Database(file, { ...flags, ...(conn.nativeBinding ? { nativeBinding: conn.nativeBinding } : {}) });
  if (!conn.key) return open();
  if (!HEX_KEY.test(conn.key)) throw new Error('malformed register key');
  const keyed = (cipher: string) => {
    const db = open();
    selectCipher(db, cipher);
    db.pragma(`key = "x'${conn.key}'"`);
    return db;
  };
  for (const cipher of [REGISTER_CIPHER, ...EARLIER_CIPHERS]) {
    const db = keyed(cipher);
    if (readsWith(db)) return db;
    db.close();
  }
  return keyed(REGISTER_CIPHER);
}

/**
 * Whether the keyed connection reads the file (a new, empty file reads with any cipher, so it gets today's). The wrong
 * cipher fails on the first page as SQLITE_NOTADB, or, with a hot rollback journal beside the file (a power cut while
 * a restored backup, in rollback mode, was switched to WAL), on the journal's first page as SQLITE_CORRUPT: both
 * ciphers authenticate every page, so that roll-back stops before it writes anything. A file that is really damaged
 * fails the same way with every cipher, and then on the caller's first read, as before.
 */
function readsWith(db: Db): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return false;
    db.close();
    throw err;
  }
}

/** An unencrypted SQLite file starts with its format string; an encrypted one with random-looking bytes. */
export function isPlainDatabase(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return true;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    fs.readSync(fd, head, 0, head.length, 0);
    return head.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens (creating if needed) the register. The version check runs before any pragma that writes,
 * so a file from a newer release, or a foreign file, is left exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db | undefined;
  try {
    // An encrypted register is read here already (its cipher is found by reading): a disk error is said as below.
    db = connect(file, options);
    const migrations = loadMigrations(options.migrationsDir);
    try {
      assertCompatible(db, migrations.length);
    } catch (err) {
      if (err instanceof LedgerError) throw err;
      // A folder that cannot be written (read-only USB stick, no permission) is not a foreign file.
      const disk = fileErrorMessage(err, file);
      throw disk ? new LedgerError('INTERNAL', disk) : new LedgerError('FOREIGN_DATABASE', msg.db.foreignFile);
    }
    // Before any pragma that writes, so a refused upgrade leaves the file exactly as it was.
    const now = options.now ?? (() => new Date().toISOString());
    const from = schemaVersion(db);
    if (from > 0 && from < migrations.length) options.beforeUpgrade?.(db, { from, to: migrations.length, now: now() });
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The figures GROUP BY text columns (platform, states): SQLite's temporary sort trees then stay in memory instead
    // of a temporary file, about 3× faster on the 统计表 of a large register (measured on 80k accounts).
    db.pragma('temp_store = MEMORY');
    if (migrate(db, migrations, now) > 0) {
      recordWrittenBy(db, APP_VERSION, migrations.length);
      // Entries from before the audit chain existed are chained once, right after the upgrade that adds it.
      sealUnchained(db);
    }
    return db;
  } catch (err) {
    db?.close();
    // A folder that cannot be written (read-only USB stick, no permission, full disk) is said so, not as a failure.
    const disk = err instanceof LedgerError ? null : fileErrorMessage(err, file);
    throw disk ? new LedgerError('INTERNAL', disk) : err;
  }
}
