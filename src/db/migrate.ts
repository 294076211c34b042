import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { LedgerError } from '../contract/errors.js';
import { APP_VERSION } from '../domain/version.js';
import { msg } from '../i18n/messages.js';
import { writtenBy } from './writtenBy.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Beside this module in the source tree (import.meta.dirname: also right where the window's tests replace URL); electron.config.ts copies the folder next to the bundled main. */
export const defaultMigrationsDir = path.join(import.meta.dirname, 'migrations');

export function loadMigrations(dir = defaultMigrationsDir): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
  migrations.forEach((m, i) => {
    // A gap or a duplicate number means a broken install; refuse rather than skip a step.
    if (m.version !== i + 1) throw new Error(`migration numbering broken at ${m.version}_${m.name}`);
  });
  return migrations;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws when the file was written by a newer release, or is some other program's database. */
export function assertCompatible(db: Database.Database, known: number): void {
  const version = schemaVersion(db);
  if (version > known) throw new LedgerError('SCHEMA_TOO_NEW', msg.db.tooNew({ found: version, known, app: APP_VERSION, writtenBy: writtenBy(db) }));
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new LedgerError('FOREIGN_DATABASE', msg.db.foreignFile);
  }
}

/** Applies each pending migration in its own transaction, recording the version with it. */
export function migrate(db: Database.Database, migrations: Migration[], now: () => string): number {
  let applied = 0;
  for (const m of migrations) {
    if (m.version <= schemaVersion(db)) continue;
    const step = db.transaction(() => {
      if (m.version === 1) {
        db.exec(`CREATE TABLE schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      }
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      step();
    } catch (cause) {
      throw new LedgerError('MIGRATION_FAILED', msg.db.migrationFailed(m.name), { cause: String(cause) });
    }
    applied++;
  }
  return applied;
}
