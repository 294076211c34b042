/**
 * The 明细表's count (its progress total and the preview's 共N行) is read from account_periods alone for the listings
 * that filter on the period's columns (detailReport.ts): it must still be the number of rows the report lists —
 * for every listing, today and a past day, the whole tree and a branch, over a demo register with moves, closures
 * and handovers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetailListing } from '../../src/domain/figures.js';
import type { Ledger } from '../../src/hosts/ledger.js';
import { resolveScope } from '../../src/reports/definition.js';
import { detailReport } from '../../src/reports/detailReport.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { caller } from '../support/ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-detail-count-'));
let ledger: Ledger;
let branch: number;

beforeAll(() => {
  ledger = openAdminLedger(path.join(dir, 'data'));
  const call = caller(ledger.registry);
  call('system.demo', { members: 400, seed: 3 });
  const tree = call('organizations.tree', {});
  branch = tree.find((o) => o.parentId === tree.find((t) => t.parentId === null)!.id)!.id;
}, 120_000);
afterAll(async () => {
  await ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('明细表 count', () => {
  const year = new Date().getFullYear() - 1;
  for (const listing of ['needed', 'all', 'closed'] as DetailListing[]) {
    for (const period of [{}, { from: `${year}-01-01`, to: `${year}-12-31` }]) {
      it(`is the number of rows listed: ${listing}, ${'to' in period ? 'last year' : 'today'}`, () => {
        for (const organizationId of [undefined, branch]) {
          const [sheet] = detailReport.sheets(ledger.ctx, resolveScope(ledger.ctx, { ...period, listing, organizationId }));
          const rows = [...sheet!.rows()].length;
          expect(sheet!.count()).toBe(rows);
          if (organizationId === undefined && listing !== 'closed') expect(rows).toBeGreaterThan(0);
        }
      });
    }
  }
});
