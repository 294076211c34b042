/**
 * The register is encrypted by copy, rekey and rename (src/db/encrypt.ts): the plain file is never rekeyed where it
 * lies, so a run cut short leaves it whole; a leftover half-rekeyed copy is thrown away and the run done again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { encryptDatabaseFile } from '../../src/db/encrypt.js';
import { connect, isPlainDatabase } from '../../src/db/open.js';
import { tempDir } from '../support/dataFolder.js';

it('encrypts a WAL register into a copy renamed over it, after clearing a copy a cut-short run left', () => {
  const file = path.join(tempDir('encrypt-file'), 'ledger.sqlite3');
  const plain = connect(file);
  plain.pragma('journal_mode = WAL');
  plain.exec("CREATE TABLE members (name TEXT); INSERT INTO members VALUES ('蔺雀翎')");
  plain.close();
  // What a killed run leaves: a half-rekeyed copy and its hot journal (random bytes that no key opens).
  fs.writeFileSync(`${file}.encrypting`, crypto.randomBytes(8192));
  fs.writeFileSync(`${file}.encrypting-journal`, crypto.randomBytes(4096));
  const key = crypto.randomBytes(32).toString('hex');
  encryptDatabaseFile(file, key);
  expect(isPlainDatabase(file)).toBe(false);
  expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['ledger.sqlite3']);
  expect(fs.readFileSync(file).includes(Buffer.from('蔺雀翎'))).toBe(false);
  const db = connect(file, { key });
  expect([db.pragma('journal_mode', { simple: true }), db.prepare('SELECT name FROM members').pluck().get()]).toEqual(['wal', '蔺雀翎']);
  db.close();
});
