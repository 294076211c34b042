/**
 * The 明细表 reads for every row, beside the account's version, its 开通时间, its holder and its filings' events as of
 * the period's end. These must come from the narrow indexes of migration 0022, never from the tables: accounts and
 * members are the register's widest rows and filing_events lies in time order, so a whole city's report kept reading
 * pages it had dropped — each deciphered again on an encrypted register (issue 13: 2.0× the plain report at 600k
 * members). SQLite would otherwise pick the table by its key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetailListing } from '../../src/domain/figures.js';
import type { Ledger } from '../../src/hosts/ledger.js';
import { DETAIL_SELECT } from '../../src/reports/detailReport.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { caller } from '../support/ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-detail-plan-'));
let ledger: Ledger;
let root: number;

beforeAll(() => {
  ledger = openAdminLedger(path.join(dir, 'data'));
  const call = caller(ledger.registry);
  call('system.demo', { members: 200, seed: 5 });
  root = call('organizations.tree', {}).find((o) => o.parentId === null)!.id;
}, 120_000);
afterAll(async () => {
  await ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const plan = (listing: DetailListing) =>
  (ledger.db.prepare(`EXPLAIN QUERY PLAN ${DETAIL_SELECT(listing)}`).all({ subtree: `[${root}]`, from: '2026-01-01', asOf: '2026-06-30' }) as { detail: string }[]).map(
    (r) => r.detail,
  );

describe('明细表 query plan', () => {
  for (const listing of ['needed', 'all', 'closed'] as DetailListing[]) {
    it(`${listing}: 开通时间, the holder and the filings' events come from covering indexes`, () => {
      const steps = plan(listing);
      expect(steps.filter((d) => d.includes('accounts_opened'))).toEqual(['SEARCH x USING COVERING INDEX accounts_opened (id=?)']);
      expect(steps.filter((d) => d.includes('members_listed'))).toEqual(['SEARCH m USING COVERING INDEX members_listed (id=?)']);
      expect(steps.some((d) => /^SEARCH [xm] USING INTEGER PRIMARY KEY/.test(d))).toBe(false);
      const events = steps.filter((d) => d.includes('filing_events'));
      // 登记's date, the latest filing with a step by the day, and that filing's opinion.
      expect(events).toHaveLength(3);
      for (const step of events) expect(step).toMatch(/^SEARCH e USING COVERING INDEX filing_events_as_of \(filing_id=\? AND on_date<\?\)$/);
    });
  }
});
