/**
 * The check a fresh backup's register goes through before the backup is kept (inspectDatabase 'pages', issue 13):
 * it reads every page of every table and index without decoding records, and must still refuse a copy whose pages
 * were garbled, cut off or emptied on the way to the disk. Each case spoils a VACUUM INTO copy as a bad disk would.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/db/migrate.js';
import { inspectDatabase } from '../../src/db/verify.js';
import type { Ledger } from '../../src/hosts/ledger.js';
import { msg } from '../../src/i18n/messages.js';
import { populatedLedger, tempDir } from '../support/dataFolder.js';
import { validId } from '../support/ids.js';

const root = tempDir('backup-check');
const KNOWN = loadMigrations().length;
const PAGE = 4096;
let ledger: Ledger;
let source: string;

beforeAll(() => {
  const r = populatedLedger(path.join(root, 'data'));
  ledger = r.ledger;
  // Enough members that the members table and its name index span several pages each.
  for (let i = 0; i < 400; i++) r.call('members.create', { name: `成员${i}号同志`, organizationId: r.org, idNumber: validId('1980-01-01', 100 + i) });
  source = path.join(root, 'source.sqlite3');
  ledger.db.prepare('VACUUM INTO ?').run(source);
});
afterAll(async () => {
  await ledger.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A copy of the fresh backup's register, spoiled by `spoil(bytes)`, then inspected as a new backup is. */
function inspectSpoiled(name: string, spoil: (bytes: Buffer) => Buffer) {
  const file = path.join(root, `${name}.sqlite3`);
  fs.writeFileSync(file, spoil(fs.readFileSync(source)));
  return inspectDatabase(file, KNOWN, {}, 'pages').problems;
}

/** The page numbers of one index's or table's b-tree, of a type ('leaf', 'internal'). */
function pagesOf(name: string, type: string): number[] {
  const db = new Database(source, { readonly: true });
  try {
    return db.prepare('SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno').pluck().all(name, type) as number[];
  } finally {
    db.close();
  }
}

describe("a fresh backup's register check", () => {
  it('passes the copy as VACUUM INTO wrote it', () => {
    expect(inspectSpoiled('intact', (b) => b)).toEqual([]);
  });

  it('refuses a copy with a garbled page in the middle of an index', () => {
    const leaves = pagesOf('members_name', 'leaf');
    expect(leaves.length).toBeGreaterThan(2);
    const page = leaves[Math.floor(leaves.length / 2)]!;
    const problems = inspectSpoiled('garbled', (b) => b.fill(0x5a, (page - 1) * PAGE, page * PAGE));
    expect(problems.map((p) => p.kind)).toEqual(['integrity']);
    expect(problems[0]!.message).toContain('members_name');
  });

  it('refuses a copy cut off halfway', () => {
    const problems = inspectSpoiled('cut', (b) => b.subarray(0, Math.floor(b.length / PAGE / 2) * PAGE));
    // Where the cut falls decides whether SQLite fails on opening the schema or on a page the walk reads.
    expect(problems.length).toBeGreaterThan(0);
    expect(['integrity', 'unreadable']).toContain(problems[0]!.kind);
  });

  it('refuses a copy where a page of an index lost an entry (the page still well-formed)', () => {
    const page = pagesOf('members_name', 'leaf')[0]!;
    const db = new Database(source, { readonly: true });
    const rows = db.prepare('SELECT count(*) FROM members').pluck().get() as number;
    db.close();
    const problems = inspectSpoiled('one-lost', (b) => {
      // A b-tree page's header holds its cell count at bytes 3–4: one fewer drops its last entry and nothing else.
      b.writeUInt16BE(b.readUInt16BE((page - 1) * PAGE + 3) - 1, (page - 1) * PAGE + 3);
      return b;
    });
    expect(problems.map((p) => p.message)).toEqual([msg.verify.integrity(msg.verify.indexCount('members_name', rows - 1, 'members', rows))]);
  });
});
