/** What `netledger --version` and the About dialog say about the storage underneath. */
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations } from './migrate.js';
import type { Db, OpenOptions } from './open.js';

export function sqliteVersion(db: Db): string {
  return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}

/**
 * The data version this release writes and the SQLite it links, without a data folder: `--version` must not
 * create or open a register just to answer.
 */
export function engineVersions(options: Pick<OpenOptions, 'migrationsDir' | 'nativeBinding'> = {}): { schemaVersion: number; sqliteVersion: string } {
  const db = new Database(':memory:', options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    return { schemaVersion: loadMigrations(options.migrationsDir).length, sqliteVersion: sqliteVersion(db) };
  } finally {
    db.close();
  }
}
