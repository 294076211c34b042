/**
 * A ChaCha20 register (an earlier release's) cut short in the middle of a write under a rollback journal: a backup is
 * written by VACUUM INTO in rollback mode, and the first open after it is restored switches it to WAL with a journaled
 * write of its first page, so a power cut there leaves a hot journal beside it. Opened with the wrong cipher first
 * (connect() tries AEGIS), the journal's pages fail to decipher as SQLITE_CORRUPT, not SQLITE_NOTADB: that attempt
 * must neither touch the files nor stop the ChaCha20 attempt that rolls the journal back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { connect } from '../../src/db/open.js';
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

describe('register cipher: a hot rollback journal', () => {
  it('is rolled back by the ChaCha20 connection after the AEGIS attempt, which changes nothing', () => {
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
});
