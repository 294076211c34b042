/**
 * The 明细表's count (its progress total and the preview's 共N行) is read from account_periods alone for the listings
 * that filter on the period's columns (detailReport.ts): it must still be the number of rows the report lists —
 * for every listing, today and a past day, the whole tree and a branch, over a demo register with moves, closures
 * and handovers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DetailListing } from '../../src/domain/figures.js';
import type { Ledger } from '../../src/hosts/ledger.js';
import { resolveScope } from '../../src/reports/definition.js';
import { detailReport } from '../../src/reports/detailReport.js';
import { ACCOUNTS_AS_OF, LISTING_SQL } from '../../src/services/figures.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { validId } from '../support/ids.js';
import { caller } from '../support/ledger.js';
import { publicAccount } from '../support/register.js';

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

describe('明细表 order', () => {
  it('is one sorted query’s: organizations in code order, then holders by pinyin, then accounts — read one organization at a time', () => {
    // An organization made after the others yet placed before most of them in the tree: id order is not code order.
    const call = caller(ledger.registry);
    const late = call('organizations.create', { parentId: branch, fullName: '中共后建第一支部委员会', type: '党支部' }).id;
    const member = call('members.create', { name: '后建一', organizationId: late, idNumber: validId('1981-04-04', 41) }).id;
    call('accounts.create', publicAccount(member));
    const scope = resolveScope(ledger.ctx, { listing: 'all' });
    const orgs = ledger.db.prepare('SELECT id FROM organizations ORDER BY code').pluck().all() as number[];
    expect(orgs).not.toEqual([...orgs].sort((a, b) => a - b));
    const expected = ledger.db
      .prepare(
        `SELECT o.full_name AS org, m.name, a.display_name FROM ${ACCOUNTS_AS_OF} a JOIN members m ON m.id = a.member_id
         JOIN organizations o ON o.id = a.organization_id WHERE ${LISTING_SQL.all} ORDER BY o.code, m.name_pinyin, a.id`,
      )
      .all({ subtree: scope.subtree, asOf: scope.asOf, from: scope.from }) as { org: string; name: string; display_name: string }[];
    const [sheet] = detailReport.sheets(ledger.ctx, scope);
    const listed = [...sheet!.rows()].map((l) => ({ org: l.group, name: l.values[1], display_name: l.values[6] }));
    expect(listed.length).toBeGreaterThan(100);
    expect(listed).toEqual(expected);
  });
});

describe('明细表 page cache', () => {
  it('reads a whole 明细表 with a 64 MB page cache and gives the connection its own back; a preview leaves it alone', () => {
    const before = ledger.db.pragma('cache_size', { simple: true });
    // The connection is busy while the rows are read, so what was set is seen through the calls.
    const set = vi.spyOn(ledger.db, 'pragma');
    const [sheet] = detailReport.sheets(ledger.ctx, resolveScope(ledger.ctx, {}));
    const rows = sheet!.rows()[Symbol.iterator]();
    rows.next();
    expect(set).toHaveBeenLastCalledWith('cache_size = -65536');
    while (!rows.next().done);
    expect(set).toHaveBeenLastCalledWith(`cache_size = ${before}`);
    set.mockClear();
    expect([...sheet!.rows(30)]).toHaveLength(30);
    expect(set).not.toHaveBeenCalledWith('cache_size = -65536');
    // Stopped halfway (a cancelled export): given back all the same.
    const stopped = sheet!.rows()[Symbol.iterator]();
    stopped.next();
    stopped.return?.();
    expect(set).toHaveBeenLastCalledWith(`cache_size = ${before}`);
    set.mockRestore();
    expect(ledger.db.pragma('cache_size', { simple: true })).toBe(before);
  });
});
