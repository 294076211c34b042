/**
 * A backup records its database's SHA-256 once its check passed (checked.json), and a restore of exactly those bytes
 * skips integrity_check and foreign_key_check (issue 13: they were about 9× the VACUUM INTO at 600k members). Any
 * other file — one byte changed, no record, a record of other bytes — is checked whole, and `netledger check` always is.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataFolder } from '../../src/db/check.js';
import { loadMigrations } from '../../src/db/migrate.js';
import { discardRestore, stageRestore } from '../../src/db/restore.js';
import type { Ledger } from '../../src/hosts/ledger.js';
import { populatedLedger, tempDir } from '../support/dataFolder.js';

const root = tempDir('restore-recorded');
const KNOWN = loadMigrations().length;
let ledger: Ledger;
let dataDir: string;
let made: string;

beforeAll(async () => {
  dataDir = path.join(root, 'data');
  ledger = populatedLedger(dataDir).ledger;
  made = (await ledger.jobs.wait(ledger.jobs.startBackup(new Date()).id)).file!;
});
afterAll(async () => {
  await ledger.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A copy of the backup folder, changed by `spoil(folder)`. */
function copyOfBackup(name: string, spoil: (dir: string) => void = () => {}): string {
  const dir = path.join(root, name);
  fs.cpSync(made, dir, { recursive: true });
  spoil(dir);
  return dir;
}

/**
 * Changes one byte of the member's name inside the members table's page (甲一 → 甲丁), as a stick garbling a page
 * might: the record still decodes and the page still walks, but the name index no longer agrees with the table,
 * which only integrity_check finds — the recorded path would restore it.
 */
function flipMembersPage(dir: string): void {
  const file = path.join(dir, 'ledger.sqlite3');
  const db = new Database(file, { readonly: true });
  const page = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'members'").pluck().get() as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = fs.readFileSync(file);
  const at = bytes.subarray((page - 1) * size, page * size).indexOf(Buffer.from('甲一'));
  expect(at).toBeGreaterThan(0);
  const last = (page - 1) * size + at + 5;
  bytes[last] = bytes[last]! ^ 0x01;
  fs.writeFileSync(file, bytes);
}

function stage(dir: string) {
  const staged = stageRestore(dataDir, dir, { knownVersion: KNOWN, now: new Date() });
  discardRestore(staged);
  return staged;
}

function refusal(dir: string): string[] {
  try {
    stage(dir);
  } catch (err) {
    return ((err as { details: { problems: { kind: string }[] } }).details.problems).map((p) => p.kind);
  }
  throw new Error('restored');
}

describe('a backup with its check recorded', () => {
  it("carries the SHA-256 of its database file's bytes (one part: the file is under 1 MB)", () => {
    const record = JSON.parse(fs.readFileSync(path.join(made, 'checked.json'), 'utf8'));
    const file = path.join(made, 'ledger.sqlite3');
    expect(fs.statSync(file).size).toBeLessThan(1 << 20);
    expect(record).toEqual({ format: 2, size: fs.statSync(file).size, partBytes: 1 << 20, sha256: [sha256(file)] });
  });

  it('restores untouched through the recorded check only', () => {
    expect(stage(copyOfBackup('untouched')).structure).toBe('recorded');
  });

  it('changed by one byte after the fact is checked whole and refused', () => {
    expect(refusal(copyOfBackup('flipped', flipMembersPage))).toContain('integrity');
  });

  it('without a record, or with a record of other bytes, is checked whole', () => {
    expect(stage(copyOfBackup('no-record', (d) => fs.rmSync(path.join(d, 'checked.json')))).structure).toBe('full');
    const other = copyOfBackup('other-record', (d) => fs.writeFileSync(path.join(d, 'checked.json'), JSON.stringify({ format: 1, sha256: '0'.repeat(64) })));
    expect(stage(other).structure).toBe('full');
    expect(stage(copyOfBackup('bad-record', (d) => fs.writeFileSync(path.join(d, 'checked.json'), '{'))).structure).toBe('full');
  });
});

it('netledger check checks a data folder whole even when a record beside its register matches it', () => {
  // A backup folder has the data folder's layout; its record is rewritten to match the damaged bytes.
  const dir = copyOfBackup('check', (d) => {
    flipMembersPage(d);
    fs.writeFileSync(path.join(d, 'checked.json'), JSON.stringify({ format: 1, sha256: sha256(path.join(d, 'ledger.sqlite3')) }));
  });
  expect(checkDataFolder(dir, KNOWN).problems.map((p) => p.kind)).toContain('integrity');
});
