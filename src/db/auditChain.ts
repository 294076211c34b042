/**
 * The audit chain: hash = SHA-256(previous hash, newline, the entry's content as a JSON array). Anyone can recompute
 * it (there is no key), so it shows that entries were edited, removed or cut off — not who did it; see the README.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

export interface ChainedFields {
  at: string;
  actor: string;
  entity: string;
  entity_id: number | null;
  action: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

interface ChainRow extends ChainedFields {
  id: number;
  prev_hash: string | null;
  hash: string | null;
}

export interface ChainHead {
  lastId: number;
  lastHash: string;
  entries: number;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  const content = JSON.stringify([e.at, e.actor, e.entity, e.entity_id, e.action, e.summary, e.before_json, e.after_json]);
  return crypto.createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

/** The head as a workbook's keywords carry it: `netledger-audit-head:<entries>:<last id>:<hash>`, to compare later. */
export const auditStamp = (head: ChainHead) => `netledger-audit-head:${head.entries}:${head.lastId}:${head.lastHash}`;

/** The two statements every change runs, prepared once per connection (an import appends one entry per row). */
const prepared = new WeakMap<Database.Database, { head: Database.Statement; append: Database.Statement }>();
function statements(db: Database.Database) {
  let found = prepared.get(db);
  if (!found) {
    found = {
      head: db.prepare('SELECT last_id AS lastId, last_hash AS lastHash, entries FROM audit_head'),
      append: db.prepare(
        `INSERT INTO audit_log (at, actor, entity, entity_id, action, summary, before_json, after_json, prev_hash, hash)
         VALUES (@at, @actor, @entity, @entity_id, @action, @summary, @before_json, @after_json, @prev, @hash)`,
      ),
    };
    prepared.set(db, found);
  }
  return found;
}

export function chainHead(db: Database.Database): ChainHead {
  const row = statements(db).head.get() as ChainHead | undefined;
  return row ?? { lastId: 0, lastHash: '', entries: 0 };
}

/** Appends one entry, chained to the head; inside the caller's transaction. */
export function appendEntry(db: Database.Database, e: ChainedFields): void {
  const prev = chainHead(db).lastHash;
  statements(db).append.run({ ...e, prev, hash: entryHash(prev, e) });
}

/** An import's row change (audit_changes, migration 0016), covered by the chain through its import's entry. */
export interface ChangeFields {
  entity: string;
  entity_id: number;
  action: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

/** What an import's entry says of its changes: how many, and the SHA-256 of their lines in order. */
export interface ChangesDigest {
  count: number;
  sha256: string;
}

const changeLine = (c: ChangeFields) => JSON.stringify([c.entity, c.entity_id, c.action, c.summary, c.before_json, c.after_json]) + '\n';

/**
 * The row changes of one import, written as its rows are, tied to the entry the import appends when it commits —
 * whose id is taken now, inside the import's write transaction, so nothing else may append to the chain before it
 * (see `sealChanges`). A change costs one small insert and a hash update instead of an entry of the chain.
 */
export class ChangeLog {
  readonly auditId: number;
  private readonly digest = crypto.createHash('sha256');
  private readonly insert: Database.Statement;
  private count = 0;
  /** Lines not yet hashed: one update per ~64 KB instead of one call into the hash per row. */
  private pending = '';

  constructor(private readonly db: Database.Database) {
    this.auditId = (db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number) + 1;
    this.insert = db.prepare(
      `INSERT INTO audit_changes (audit_id, entity, entity_id, action, summary, before_json, after_json)
       VALUES (${this.auditId}, ?, ?, ?, ?, ?, ?)`,
    );
  }

  add(change: ChangeFields): void {
    // Positional: binding by name looks each parameter up on the object, measurably dearer at 100,000 rows.
    this.insert.run(change.entity, change.entity_id, change.action, change.summary, change.before_json, change.after_json);
    this.pending += changeLine(change);
    if (this.pending.length > 65_536) this.flush();
    this.count++;
  }

  private flush(): void {
    this.digest.update(this.pending);
    this.pending = '';
  }

  /** The count and digest for the import's entry; null when nothing changed. Once, when the import commits. */
  summary(): ChangesDigest | null {
    this.flush();
    return this.count ? { count: this.count, sha256: this.digest.digest('hex') } : null;
  }

  /** After the import's entry is appended: it must be the one the changes name. */
  sealed(): void {
    if (chainHead(this.db).lastId !== this.auditId) throw new Error(`import changes name audit entry ${this.auditId}, appended as ${chainHead(this.db).lastId}`);
  }
}

/** Entries written before the chain existed (after the upgrade to it), chained once in their order. */
export function sealUnchained(db: Database.Database): number {
  // Opened with an older set of migrations (tests of upgrades): no chain yet to seal into.
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'audit_head'").get()) return 0;
  const rows = db.prepare('SELECT * FROM audit_log WHERE hash IS NULL ORDER BY id').all() as ChainRow[];
  if (rows.length === 0) return 0;
  db.transaction(() => {
    let { lastHash, entries } = chainHead(db);
    const seal = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    for (const row of rows) {
      const hash = entryHash(lastHash, row);
      seal.run(lastHash, hash, row.id);
      lastHash = hash;
      entries++;
    }
    db.prepare('UPDATE audit_head SET last_id = ?, last_hash = ?, entries = ?').run(rows.at(-1)!.id, lastHash, entries);
  })();
  return rows.length;
}

export type ChainBreak =
  | { kind: 'edited' | 'unlinked'; id: number }
  | { kind: 'truncated'; expected: number; found: number };

/** The first place the chain does not hold, or null: an entry whose content changed, one whose predecessor is gone or foreign, or missing entries at the end. */
export function verifyChain(db: Database.Database): ChainBreak | null {
  let prev = '';
  let count = 0;
  let lastId = 0;
  const imports: { id: number; changes: ChangesDigest }[] = [];
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<ChainRow>) {
    if (row.prev_hash !== prev) return { kind: 'unlinked', id: row.id };
    if (row.hash !== entryHash(prev, row)) return { kind: 'edited', id: row.id };
    if (row.entity === 'import' && row.after_json?.includes('"changes"')) {
      const changes = (JSON.parse(row.after_json) as { changes?: ChangesDigest }).changes;
      if (changes) imports.push({ id: row.id, changes });
    }
    prev = row.hash;
    lastId = row.id;
    count++;
  }
  const head = chainHead(db);
  if (head.entries !== count || head.lastHash !== prev || head.lastId !== lastId) return { kind: 'truncated', expected: head.entries, found: count };
  return verifyChanges(db, imports);
}

/** Each import's changes as its entry counted and hashed them; a change that no import names was added since. */
function verifyChanges(db: Database.Database, imports: { id: number; changes: ChangesDigest }[]): ChainBreak | null {
  // Opened with an older set of migrations (tests of upgrades): no changes to check.
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'audit_changes'").get()) return null;
  const found = new Map<number, { count: number; digest: crypto.Hash }>();
  for (const c of db.prepare('SELECT * FROM audit_changes ORDER BY id').iterate() as IterableIterator<ChangeFields & { audit_id: number }>) {
    let of = found.get(c.audit_id);
    if (!of) found.set(c.audit_id, (of = { count: 0, digest: crypto.createHash('sha256') }));
    of.digest.update(changeLine(c));
    of.count++;
  }
  for (const { id, changes } of imports) {
    const of = found.get(id);
    if (of?.count !== changes.count || of.digest.digest('hex') !== changes.sha256) return { kind: 'edited', id };
    found.delete(id);
  }
  // What is left was written under no import's entry.
  const stray = Math.min(...found.keys());
  return found.size ? { kind: 'unlinked', id: stray } : null;
}
