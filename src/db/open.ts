import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { assertCompatible, loadMigrations, migrate } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  migrationsDir?: string;
  /** Electron loads a build of better-sqlite3 made for its own ABI, kept apart from Node's. */
  nativeBinding?: string;
  now?: () => string;
}

export const DATABASE_FILE = 'ledger.sqlite3';

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/**
 * Opens (creating if needed) the register. The version check runs before any pragma that writes,
 * so a file from a newer release, or a foreign file, is left exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const migrations = loadMigrations(options.migrationsDir);
    try {
      assertCompatible(db, migrations.length);
    } catch (err) {
      if (err instanceof LedgerError) throw err;
      throw new LedgerError('FOREIGN_DATABASE', msg.db.foreignFile);
    }
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, options.now ?? (() => new Date().toISOString()));
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
