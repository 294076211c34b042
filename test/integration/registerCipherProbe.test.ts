/**
 * connect() finds a register's cipher by reading it with each in turn (src/db/open.ts). The attempts with the wrong
 * cipher must write nothing, must not stop the right one, and must not change how a file that cannot be read is told.
 *
 * A ChaCha20 register (an earlier release's) cut short in the middle of a write under a rollback journal: a backup is
 * written by VACUUM INTO in rollback mode, and the first open after it is restored switches it to WAL with a journaled
 * write of its first page, so a power cut there leaves a hot journal beside it. Opened with the wrong cipher first
 * (connect() tries AEGIS), the journal's pages fail to decipher as SQLITE_CORRUPT, not SQLITE_NOTADB.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../src/contract/errors.js';
import { encryptDatabaseFile } from '../../src/db/encrypt.js';
import { connect, openDatabase } from '../../src/db/open.js';
import { msg } from '../../src/i18n/messages.js';
import { tempDir } from '../support/dataFolder.js';

const key = crypto.randomBytes(32).toString('hex');
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The files on disk of a ChaCha20 register in rollback mode whose process died half way through an update. */
function cutShortChaCha20(): string {
  const file = path.join(tempDir('cipher-journal'), 'ledger.sqlite3');
  const db = new Database(file);
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`key = "x'${key}'"`);
  db.exec('CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT)');
  const insert = db.prepare('INSERT INTO members (name) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`庚${i}${'　'.repeat(100)}`);
  })();
  // A small cache spills the changed pages into the file before the commit: the journal is what undoes them.
  db.pragma('cache_size = 10');
  db.exec("BEGIN; UPDATE members SET name = '辛' || id;");
  const crashed = path.join(tempDir('cipher-journal-crashed'), 'ledger.sqlite3');
  for (const suffix of ['', '-journal']) fs.copyFileSync(`${file}${suffix}`, `${crashed}${suffix}`);
  db.exec('ROLLBACK');
  db.close();
  return crashed;
}

describe('register cipher: the attempts of connect()', () => {
  it('a hot rollback journal is rolled back by the ChaCha20 connection after the AEGIS attempt, which changes nothing', () => {
    const file = cutShortChaCha20();
    expect(fs.statSync(`${file}-journal`).size).toBeGreaterThan(0);
    const before = [digest(file), digest(`${file}-journal`)];

    const aegis = new Database(file);
    aegis.pragma(`cipher = 'aegis'`);
    aegis.pragma(`key = "x'${key}'"`);
    expect(() => aegis.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(expect.objectContaining({ code: 'SQLITE_CORRUPT' }));
    aegis.close();
    expect([digest(file), digest(`${file}-journal`)]).toEqual(before);

    const db = connect(file, { key });
    try {
      expect(db.prepare("SELECT count(*) AS n, sum(name LIKE '辛%') AS updated FROM members").get()).toEqual({ n: 2000, updated: 0 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
  });

  it("leaves a ChaCha20 register's hot WAL and its file byte for byte as they were when AEGIS fails to read them", () => {
    for (const readonly of [false, true]) {
      const file = path.join(tempDir('cipher-hot-wal'), 'ledger.sqlite3');
      const seed = new Database(file);
      seed.pragma(`cipher = 'chacha20'`);
      seed.pragma(`key = "x'${key}'"`);
      seed.pragma('journal_mode = WAL');
      seed.pragma('wal_autocheckpoint = 0');
      seed.exec("CREATE TABLE members (name TEXT); INSERT INTO members VALUES ('壬六')");
      seed.pragma('wal_checkpoint(TRUNCATE)');
      // A new table changes the first page too: it is read from the WAL, not the file.
      seed.exec("CREATE TABLE notes (text TEXT); INSERT INTO members VALUES ('癸七')");
      const crashed = path.join(tempDir('cipher-hot-wal-crashed'), 'ledger.sqlite3');
      for (const suffix of ['', '-wal']) fs.copyFileSync(`${file}${suffix}`, `${crashed}${suffix}`);
      seed.close();
      const before = [digest(crashed), digest(`${crashed}-wal`)];

      const aegis = new Database(crashed, { readonly });
      aegis.pragma(`cipher = 'aegis'`);
      aegis.pragma(`key = "x'${key}'"`);
      expect(() => aegis.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
      // The last connection to close checkpoints a WAL: this one must have nothing to write.
      aegis.close();
      expect([digest(crashed), digest(`${crashed}-wal`)]).toEqual(before);
      const db = connect(crashed, { key }, { readonly });
      expect(db.prepare('SELECT name FROM members ORDER BY name').pluck().all()).toEqual(['壬六', '癸七']);
      db.close();
    }
  });

  it('says a file the disk cannot give in Chinese, encrypted as plain', () => {
    for (const k of [undefined, key]) {
      const file = path.join(tempDir('cipher-open-error'), 'ledger.sqlite3');
      openDatabase(file, { key: k }).close();
      // SQLite cannot open the WAL beside the register (a damaged USB stick looks the same): SQLITE_CANTOPEN.
      fs.mkdirSync(`${file}-wal`);
      expect(() => openDatabase(file, { key: k })).toThrow(new LedgerError('INTERNAL', msg.files.writeFailed(path.dirname(file))));
    }
  });
});

/**
 * A file does not record its cipher's parameters. With a raw key, AEGIS's files depend on its variant (the driver's
 * default, aegis-256 today, could change in an update: every register and backup would then read as a wrong key), and
 * ChaCha20's on its legacy mode. Two files written once with the parameters named (test/fixtures/ciphers/*.register, named so: *.sqlite3 is ignored; key below)
 * must keep opening, and a register encrypted now must read with the same named parameters.
 */
describe('register cipher: the formats on disk', () => {
  const fixtureKey = crypto.createHash('sha256').update('netledger cipher fixture').digest('hex');
  const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'ciphers');

  it('opens an AEGIS-256 and a ChaCha20 register written before', () => {
    for (const name of ['aegis-256', 'chacha20']) {
      const file = path.join(tempDir(`cipher-fixture-${name}`), 'ledger.sqlite3');
      fs.copyFileSync(path.join(fixtures, `${name}.register`), file);
      const db = connect(file, { key: fixtureKey }, { readonly: true });
      expect(db.prepare('SELECT name FROM members ORDER BY rowid').pluck().all()).toEqual(['子一', '丑二']);
      db.close();
    }
  });

  it('encrypts a register as AEGIS-256 named, not as whatever the driver defaults to', () => {
    const file = path.join(tempDir('cipher-named'), 'ledger.sqlite3');
    const plain = connect(file);
    plain.exec("CREATE TABLE members (name TEXT); INSERT INTO members VALUES ('寅三')");
    plain.close();
    encryptDatabaseFile(file, key);
    const db = new Database(file, { readonly: true });
    db.pragma(`cipher = 'aegis'`);
    db.pragma(`algorithm = 'aegis-256'`);
    db.pragma(`key = "x'${key}'"`);
    expect(db.prepare('SELECT name FROM members').pluck().all()).toEqual(['寅三']);
    db.close();
  });
});
