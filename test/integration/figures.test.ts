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

/** The cached values of a sheet's 合计 row, by header (the lower header row of a two-level header). */
function totals(sheet: InspectedSheet): Map<string, number> {
  const row = sheet.cells.find((c) => c.value === '合计')!.ref.replace(/^[A-Z]+/, '');
  const out = new Map<string, number>();
  // A header repeated under two groups (待审核 under 报告 and 备案) keeps its first, the 报告 one.
  for (const total of sheet.cells.filter((c) => c.ref.replace(/^[A-Z]+/, '') === row && typeof c.cached === 'number')) {
    const col = total.ref.replace(/\d+$/, '');
    const header = sheet.cells.find((c) => c.ref === `${col}5` && sheet.printTitleRows === '$4:$5') ?? sheet.cells.find((c) => c.ref === `${col}4`);
    if (header && !out.has(String(header.value))) out.set(String(header.value), total.cached as number);
  }
  return out;
}

/** The 共N个 count on a sheet's 合计 row. */
const tallyOf = (sheet: InspectedSheet) => {
  const row = sheet.cells.find((c) => c.value === '合计')!.ref.replace(/^[A-Z]+/, '');
  return Number(sheet.cells.find((c) => c.type === 'f' && c.ref.replace(/^[A-Z]+/, '') === row)!.cached);
};

const scalar = (sql: string, ...params: unknown[]) => (ledger.db.prepare(sql).get(...params) as { n: number }).n;

describe.each([
  ['the whole tree', () => undefined],
  ['one branch', () => branch.id],
])('figures agree over %s', (_, scopeOf) => {
  const scopeIds = () => subtree(scopeOf() === undefined ? top.code : branch.code);
  it('统计表 = Σ categories = 明细表 rows = 首页 = the register', async () => {
    const organizationId = scopeOf();
    const inScope = `AND organization_id IN (${scopeIds().join(',')})`;
    const [summary, byPlatform] = await sheets('summary', { organizationId });
    const s = totals(summary!);
    const p = totals(byPlatform!);
    const open = scalar(`SELECT count(*) AS n FROM accounts WHERE status <> '已注销' ${inScope}`);
    expect(s.get('账号总数')).toBe(open);
    expect(open).toBeGreaterThan(100);
    expect(['以职务身份开设', '个人公众账号', '个人群组', '个人其他账号'].reduce((a, h) => a + s.get(h)!, 0)).toBe(open);
    for (const kind of ['报告', '备案']) {
      expect(s.get(`应${kind}`)).toBe(scalar(`SELECT count(*) AS n FROM accounts WHERE required_filing = ? AND status <> '已注销' ${inScope}`, kind));
      expect(s.get(`已${kind}`)).toBe(scalar(`SELECT count(*) AS n FROM accounts WHERE required_filing = ? AND filing_state = '已登记' ${inScope}`, kind));
    }
    // The parts of 应报告 add up to it.
    expect(['已报告', '待审核', '需补正', '变更未报备', '未报备'].reduce((a, h) => a + s.get(h)!, 0)).toBe(s.get('应报告'));
    // Every figure of the 按平台 sheet sums to the same totals.
    for (const h of ['账号总数', '应报告', '已报告', '应备案', '已备案', '个人其他账号']) expect(p.get(h)).toBe(s.get(h));

    const needed = tallyOf((await sheets('detail', { organizationId }))[0]!);
    expect(needed).toBe(s.get('应报告')! + s.get('应备案')!);
    expect(tallyOf((await sheets('detail', { organizationId, listing: 'all' }))[0]!)).toBe(open);
    const closed = scalar(`SELECT count(*) AS n FROM accounts WHERE status = '已注销' ${inScope}`);
    expect(closed).toBeGreaterThan(0);
    expect(tallyOf((await sheets('detail', { organizationId, listing: 'closed' }))[0]!)).toBe(closed);

    const dash = call('dashboard.summary', { organizationId });
    expect(dash.report.needed).toBe(s.get('应报告'));
    expect(dash.record.needed).toBe(s.get('应备案'));
    expect(dash.report.filed + dash.record.filed).toBe(scalar(`SELECT count(*) AS n FROM accounts WHERE filing_state = '已登记' ${inScope}`));
    expect(dash.report.filed + dash.record.filed).toBe(s.get('已报告')! + s.get('已备案')!);
    for (const [key, header] of [['pending', '待审核'], ['correction', '需补正'], ['changed', '变更未报备'], ['notFiled', '未报备'], ['overdue', '其中逾期未报']] as const) {
      // The 统计表 header repeats under 报告 and 备案: the map holds the 报告 one, the first.
      expect(dash.report[key]).toBe(s.get(header));
    }
    expect(s.get('在册党员')).toBe(scalar(`SELECT count(*) AS n FROM members WHERE status = '在册' ${inScope}`));
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
