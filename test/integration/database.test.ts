import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import { APP_VERSION } from '../../src/domain/version.js';
import { msg } from '../../src/i18n/messages.js';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-db-'));
  dirs.push(dir);
  return path.join(dir, 'ledger.sqlite3');
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('database', () => {
  it('opens with WAL, synchronous FULL, foreign keys and a busy timeout, and records the schema version', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const migrations = loadMigrations();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    // Every file of src/db/migrations, numbered 1, 2, 3… without a gap, recorded by name.
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual(migrations.map((m, i) => ({ version: i + 1, name: m.name })));
    expect(migrations[0]!.name).toBe('register');
    db.close();
  });

  it('reopening applies nothing twice', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect((db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(loadMigrations().length);
    db.close();
  });

  it('refuses a database from a newer release and leaves the file byte for byte as it was', () => {
    const file = tempFile();
    const db = openDatabase(file);
    db.pragma('user_version = 99');
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(msg.db.tooNew({ found: 99, known: loadMigrations().length, app: APP_VERSION, writtenBy: APP_VERSION }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it('refuses a file that is not the register', () => {
    const notDb = tempFile();
    fs.writeFileSync(notDb, '这不是数据库'.repeat(200));
    expect(() => openDatabase(notDb)).toThrow(msg.db.foreignFile);
    const otherApp = tempFile();
    const other = new Database(otherApp);
    other.exec('CREATE TABLE notes (id INTEGER)');
    other.close();
    expect(() => openDatabase(otherApp)).toThrow(msg.db.foreignFile);
  });

  it('rolls a failing migration back completely', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-mig-'));
    dirs.push(dir);
    fs.copyFileSync(path.join(import.meta.dirname, '../../src/db/migrations/0001_register.sql'), path.join(dir, '0001_register.sql'));
    fs.writeFileSync(path.join(dir, '0002_broken.sql'), 'CREATE TABLE extra (id INTEGER); INSERT INTO nowhere VALUES (1);');
    const file = tempFile();
    expect(() => openDatabase(file, { migrationsDir: dir })).toThrow(msg.db.migrationFailed('broken'));
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'extra'").get()).toBeUndefined();
    db.close();
    // The real next migration still applies cleanly afterwards.
    const upgraded = openDatabase(file);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    upgraded.close();
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      db.prepare(`INSERT INTO members (name, gender, id_number, id_number_rev, birth_date, organization_id, name_initials, name_pinyin, created_at, updated_at)
                  VALUES ('x', '男', '1', '1', '2000-01-01', 999, 'x', 'x', '', '')`).run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
