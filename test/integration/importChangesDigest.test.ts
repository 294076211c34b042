/**
 * An import's row changes are hashed in ~64 KB pieces (src/db/auditChain.ts, ChangeLog): the digest must be the
 * SHA-256 of all their lines in order, whatever the pieces — what `netledger check` recomputes from audit_changes.
 */
import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { ChangeLog, verifyChain } from '../../src/db/auditChain.js';
import { freshLedger } from '../support/ledger.js';

it('hashes 2,000 changes (about 1 MB of lines, many pieces) exactly as their lines in order', () => {
  const { db } = freshLedger();
  db.exec('BEGIN');
  const log = new ChangeLog(db);
  const lines: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const change = { entity: 'member', entity_id: i + 1, action: 'create', summary: `成员${i}`, before_json: null, after_json: JSON.stringify({ name: `成员${i}`, notes: '备注'.repeat(i % 300) }) };
    log.add(change);
    lines.push(JSON.stringify([change.entity, change.entity_id, change.action, change.summary, change.before_json, change.after_json]) + '\n');
  }
  const expected = crypto.createHash('sha256').update(lines.join('')).digest('hex');
  expect(lines.join('').length).toBeGreaterThan(500_000);
  expect(log.summary()).toEqual({ count: 2000, sha256: expected });
  db.exec('ROLLBACK');
  expect(verifyChain(db)).toBeNull();
});
