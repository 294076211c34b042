/**
 * The rows of one import are written at one instant — the moment the import began — rather than each reading the
 * clock (src/imports/memberImport.ts): its members' created_at, their 在册 events' dates and their row changes all
 * carry that instant, even when the clock moves while the rows are checked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runImport } from '../../src/imports/importRun.js';
import { validId } from '../support/ids.js';
import { writeCsv } from '../support/importFiles.js';
import { freshLedger } from '../support/ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-import-instant-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('gives every imported member the instant the import began, though the clock ticks a day per reading', async () => {
  const { ctx, call } = freshLedger();
  call('organizations.create', { parentId: null, fullName: '中共时刻测试委员会', type: '党委' });
  let t = Date.parse('2026-03-01T02:00:00Z');
  // A day per reading: a row that read the clock itself would be created on a later day than the one before it.
  const ticking = { ...ctx, clock: () => new Date((t += 86_400_000)) };
  const ids = [validId('1970-01-01', 11), validId('1971-02-02', 12), validId('1972-03-03', 13)];
  const file = writeCsv(path.join(dir, 'm.csv'), [['姓名', '身份证号', '所在党组织'], ...ids.map((id, i) => [`成员${i}`, id, '001'])], 'utf8');
  const outcome = await runImport(ticking, { kind: 'members', file, fileName: 'm.csv', mode: 'run', onExisting: 'skip', validOnly: false });
  expect(outcome).toMatchObject({ imported: true, counts: { add: 3 } });

  const created = ctx.db.prepare('SELECT created_at, updated_at FROM members ORDER BY id').all() as { created_at: string; updated_at: string }[];
  expect(created).toHaveLength(3);
  const first = created[0]!.created_at;
  // Read after the sheet's hash and the header: a reading of the clock, not an arbitrary value.
  expect(Date.parse(first)).toBeGreaterThan(Date.parse('2026-03-01T02:00:00Z'));
  expect(created).toEqual(created.map(() => ({ created_at: first, updated_at: first })));
  const changes = (ctx.db.prepare("SELECT after_json FROM audit_changes WHERE entity = 'member' ORDER BY entity_id").pluck().all() as string[]).map((j) => JSON.parse(j));
  expect(changes.map((c) => [c.createdAt, c.updatedAt])).toEqual(created.map(() => [first, first]));
  expect(new Set(ctx.db.prepare('SELECT on_date FROM member_events').pluck().all()).size).toBe(1);
});
