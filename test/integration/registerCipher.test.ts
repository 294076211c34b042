/**
 * Registers are encrypted with AEGIS-256 (src/db/open.ts: it deciphers a page about 7× faster than ChaCha20, and an
 * encrypted register deciphers every page it reads). Registers and backups encrypted by earlier releases are
 * ChaCha20-Poly1305, the library's default: they must still open, take changes, back up and pass a restore's check,
 * keep their cipher (never half converted), and a WAL a killed process left must not be spoiled by the first cipher
 * tried. A wrong key still fails on the first read, as before.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { writeBackup } from '../../src/db/backup.js';
import { encryptDatabaseFile } from '../../src/db/encrypt.js';
import { loadMigrations } from '../../src/db/migrate.js';
import { connect, databasePath } from '../../src/db/open.js';
import { inspectDatabase } from '../../src/db/verify.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { tempDir } from '../support/dataFolder.js';
import { caller } from '../support/ledger.js';
import { validId } from '../support/ids.js';

const key = crypto.randomBytes(32).toString('hex');

/** A raw connection with one cipher named, as no product code opens it: what reads the file says which cipher it is. */
function readsAs(file: string, cipher: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher = '${cipher}'`);
    db.pragma(`key = "x'${key}'"`);
    return String(db.prepare('SELECT count(*) FROM sqlite_master').pluck().get());
  } catch (err) {
    return (err as { code: string }).code;
  } finally {
    db.close();
  }
}

/** A plain file encrypted as releases before this one did: `PRAGMA rekey` with the library's default cipher. */
function encryptAsEarlierRelease(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey = "x'${key}'"`);
  db.pragma('journal_mode = WAL');
  db.close();
}

const names = (file: string) => {
  const db = connect(file, { key }, { readonly: true });
  try {
    return db.prepare('SELECT name FROM members ORDER BY name').pluck().all();
  } finally {
    db.close();
  }
};

describe('register cipher', () => {
  it('encrypts a register with AEGIS, which ChaCha20 does not read', () => {
    const file = path.join(tempDir('cipher-new'), 'ledger.sqlite3');
    const plain = connect(file);
    plain.exec("CREATE TABLE members (name TEXT); INSERT INTO members VALUES ('郁檀舟')");
    plain.close();
    encryptDatabaseFile(file, key);
    expect([readsAs(file, 'aegis'), readsAs(file, 'chacha20')]).toEqual(['1', 'SQLITE_NOTADB']);
    expect(names(file)).toEqual(['郁檀舟']);
  });

  it("opens an earlier release's ChaCha20 register, changes it, backs it up, and leaves it ChaCha20", () => {
    const dir = tempDir('cipher-earlier');
    const plain = openAdminLedger(dir);
    const call = caller(plain.registry);
    const org = call('organizations.create', { parentId: null, fullName: '中共示例工委', type: '党委' }).id;
    call('members.create', { name: '甲一', organizationId: org, idNumber: validId('1981-04-02', 21) });
    plain.ctx.db.close();
    encryptAsEarlierRelease(databasePath(dir));
    expect(readsAs(databasePath(dir), 'chacha20')).not.toBe('SQLITE_NOTADB');

    const ledger = openAdminLedger(dir, { key });
    const as = caller(ledger.registry);
    as('members.create', { name: '乙二', organizationId: org, idNumber: validId('1983-06-09', 31) });
    expect(as('members.search', { q: '', limit: 10 }).rows.map((r) => r.name).sort()).toEqual(['乙二', '甲一']);
    const target = path.join(dir, 'backups', 'cipher-check');
    writeBackup(ledger.ctx.db, path.join(dir, 'attachments'), target, { key });
    ledger.ctx.db.close();

    for (const file of [databasePath(dir), path.join(target, 'ledger.sqlite3')]) {
      expect(readsAs(file, 'aegis')).toBe('SQLITE_NOTADB');
      expect(names(file)).toEqual(['乙二', '甲一']);
    }
    // What a restore runs on the backup before it replaces anything.
    expect(inspectDatabase(path.join(target, 'ledger.sqlite3'), loadMigrations().length, { key }, 'full').problems).toEqual([]);
  });

  it("keeps the changes in a ChaCha20 register's WAL that a killed process left unwritten", () => {
    const dir = tempDir('cipher-wal');
    const file = path.join(dir, 'ledger.sqlite3');
    const seed = new Database(file);
    seed.exec("CREATE TABLE members (name TEXT); INSERT INTO members VALUES ('丙三')");
    seed.close();
    encryptAsEarlierRelease(file);
    const writer = new Database(file);
    writer.pragma(`key = "x'${key}'"`);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("INSERT INTO members VALUES ('丁四'); INSERT INTO members VALUES ('戊五')");
    // The process dies here: its files as they are on disk, the last changes only in the WAL.
    const crashed = path.join(tempDir('cipher-wal-crashed'), 'ledger.sqlite3');
    for (const suffix of ['', '-wal']) fs.copyFileSync(`${file}${suffix}`, `${crashed}${suffix}`);
    writer.close();
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);

    // The first connection tries AEGIS, fails, closes (the last one to close checkpoints), then ChaCha20.
    const db = connect(crashed, { key });
    expect(db.prepare('SELECT name FROM members ORDER BY name').pluck().all()).toEqual(['丁四', '丙三', '戊五']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(names(crashed)).toEqual(['丁四', '丙三', '戊五']);
  });

  it('fails on the first read with a wrong key, as before', () => {
    const file = path.join(tempDir('cipher-wrong'), 'ledger.sqlite3');
    const plain = connect(file);
    plain.exec('CREATE TABLE members (name TEXT)');
    plain.close();
    encryptDatabaseFile(file, key);
    const db = connect(file, { key: crypto.randomBytes(32).toString('hex') });
    expect(() => db.prepare('SELECT count(*) FROM members').get()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    db.close();
  });
});
