/**
 * One set of figures: the 统计表, the 明细表 (each listing), the 首页 and the 核查 table agree with each other
 * and with the register, read back from the written workbooks by openpyxl — over the whole tree and a branch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import type { ReportParams } from '../../src/reports/definition.js';
import type { ReportKind } from '../../src/contract/reports.js';
import { writeReport } from '../../src/reports/writeReport.js';
import { inspectWorkbook, type InspectedSheet } from '../support/excel.js';
import { caller } from '../support/ledger.js';
import { crossCheck, tallyOf, totals } from '../support/figuresCheck.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-figures-'));
let ledger: Ledger;
let call: ReturnType<typeof caller>;
let branch: { id: number; code: string };
let top: { id: number; code: string };

/** The ids of a scope's organizations (the organization and everything under it), by code prefix. */
const subtree = (code: string) => call('organizations.tree', {}).filter((o) => o.code.startsWith(code)).map((o) => o.id);

beforeAll(() => {
  ledger = openAdminLedger(path.join(dir, 'data'));
  call = caller(ledger.registry);
  call('system.demo', { members: 600, seed: 7 });
  const tree = call('organizations.tree', {});
  top = tree.find((o) => o.parentId === null)!;
  branch = tree.find((o) => o.parentId === top.id)!;
}, 120_000);
afterAll(async () => {
  await ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function sheets(kind: ReportKind, params: ReportParams = {}): Promise<InspectedSheet[]> {
  const file = path.join(dir, `${kind}-${++n}.xlsx`);
  await writeReport(ledger.ctx, kind, params, file);
  return inspectWorkbook(file);
}

describe.each([
  ['the whole tree', () => undefined],
  ['one branch', () => branch.id],
])('figures agree over %s', (_, scopeOf) => {
  const scopeIds = () => subtree(scopeOf() === undefined ? top.code : branch.code);
  it('统计表 = Σ categories = 明细表 rows = 首页 = the register', async () => {
    await crossCheck({ db: ledger.db, call, sheets }, scopeOf(), scopeIds());
  }, 120_000);

  it('年度核查完成情况表 = the campaign page', async () => {
    const organizationId = scopeOf();
    const campaign = call('campaigns.list', {})[0]!;
    const [table, missing] = await sheets('campaign', { organizationId, campaignId: campaign.id });
    const t = totals(table!);
    const completion = call('campaigns.completion', { id: campaign.id });
    const ids = new Set(scopeIds());
    const page = completion.byOrganization.filter((r) => ids.has(r.organizationId));
    expect(page.length).toBeGreaterThan(0);
    expect(t.get('应报送人数\n（人）')).toBe(page.reduce((a, r) => a + r.expected, 0));
    expect(t.get('共计')).toBe(page.reduce((a, r) => a + r.responded, 0));
    expect(t.get('未报送\n（人）')).toBe(page.reduce((a, r) => a + r.notResponded, 0));
    expect(tallyOf(missing!)).toBe(call('campaigns.missing', { id: campaign.id, organizationId: organizationId ?? top.id, limit: 1 }).total);
  }, 120_000);
});
