/**
 * The cross-check of one set of figures (issue 12 point 1): the 统计表, the 明细表 (each listing), the 按平台 sheet and
 * the 首页 agree with each other and with the register's current rows, read back from the written workbooks by
 * openpyxl. Used over the demo (figures.test.ts) and over the three-year register of asOf.test.ts, which has a second
 * top-level organization (none chosen: the 首页 and the reports take the same one).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';
import type { ReportKind } from '../../src/contract/reports.js';
import type { ReportParams } from '../../src/reports/definition.js';
import type { InspectedSheet } from './excel.js';
import type { caller } from './ledger.js';

export interface FiguresEnv {
  db: Database.Database;
  call: ReturnType<typeof caller>;
  sheets: (kind: ReportKind, params?: ReportParams) => Promise<InspectedSheet[]>;
}

/** The cached values of a sheet's 合计 row (or the row labelled `label`), by header (the lower header row of a two-level header). */
export function totals(sheet: InspectedSheet, label = '合计'): Map<string, number> {
  const row = sheet.cells.find((c) => c.value === label)!.ref.replace(/^[A-Z]+/, '');
  const out = new Map<string, number>();
  // A header repeated under two groups (待审核 under 报告 and 备案): the first, the 报告 one, under its name; the 备案 one as `name#2`.
  for (const total of sheet.cells.filter((c) => c.ref.replace(/^[A-Z]+/, '') === row && typeof c.cached === 'number')) {
    const col = total.ref.replace(/\d+$/, '');
    const header = sheet.cells.find((c) => c.ref === `${col}5` && sheet.printTitleRows === '$4:$5') ?? sheet.cells.find((c) => c.ref === `${col}4`);
    if (header) out.set(out.has(String(header.value)) ? `${String(header.value)}#2` : String(header.value), total.cached as number);
  }
  return out;
}

/** The 共N个 count on a sheet's 合计 row. */
export const tallyOf = (sheet: InspectedSheet) => {
  const row = sheet.cells.find((c) => c.value === '合计')!.ref.replace(/^[A-Z]+/, '');
  return Number(sheet.cells.find((c) => c.type === 'f' && c.ref.replace(/^[A-Z]+/, '') === row)!.cached);
};

/** 统计表 = Σ categories = 明细表 rows = 首页 = the register's current rows, for one scope (its organization ids given). */
export async function crossCheck(env: FiguresEnv, organizationId: number | undefined, scopeIds: number[]): Promise<void> {
  const scalar = (sql: string, ...params: unknown[]) => (env.db.prepare(sql).get(...params) as { n: number }).n;
  const inScope = `AND organization_id IN (${scopeIds.join(',')})`;
  const [summary, byPlatform] = await env.sheets('summary', { organizationId });
  const s = totals(summary!);
  const p = totals(byPlatform!);
  const open = scalar(`SELECT count(*) AS n FROM accounts WHERE status <> '已注销' ${inScope}`);
  expect(s.get('账号总数')).toBe(open);
  expect(open).toBeGreaterThan(0);
  expect(['以职务身份开设', '个人公众账号', '个人群组', '个人其他账号'].reduce((a, h) => a + s.get(h)!, 0)).toBe(open);
  for (const kind of ['报告', '备案']) {
    expect(s.get(`应${kind}`)).toBe(scalar(`SELECT count(*) AS n FROM accounts WHERE required_filing = ? AND status <> '已注销' ${inScope}`, kind));
    expect(s.get(`已${kind}`)).toBe(scalar(`SELECT count(*) AS n FROM accounts WHERE required_filing = ? AND filing_state = '已登记' ${inScope}`, kind));
  }
  // The parts of 应报告 add up to it.
  expect(['已报告', '待审核', '需补正', '变更未报备', '未报备'].reduce((a, h) => a + s.get(h)!, 0)).toBe(s.get('应报告'));
  // Every figure of the 按平台 sheet sums to the same totals.
  for (const h of ['账号总数', '应报告', '已报告', '应备案', '已备案', '个人其他账号']) expect(p.get(h)).toBe(s.get(h));

  const needed = tallyOf((await env.sheets('detail', { organizationId }))[0]!);
  expect(needed).toBe(s.get('应报告')! + s.get('应备案')!);
  expect(tallyOf((await env.sheets('detail', { organizationId, listing: 'all' }))[0]!)).toBe(open);
  const closed = scalar(`SELECT count(*) AS n FROM accounts WHERE status = '已注销' ${inScope}`);
  expect(closed).toBeGreaterThan(0);
  expect(tallyOf((await env.sheets('detail', { organizationId, listing: 'closed' }))[0]!)).toBe(closed);

  const dash = env.call('dashboard.summary', { organizationId });
  // With none chosen (and several top-level organizations), the 首页 counts the scope the reports print.
  expect(dash.organizationId !== null && scopeIds.includes(dash.organizationId)).toBe(true);
  expect(dash.accounts).toBe(s.get('账号总数'));
  expect(dash.report.needed).toBe(s.get('应报告'));
  expect(dash.record.needed).toBe(s.get('应备案'));
  // An accepted filing of an account a later rule no longer asks for is not counted as 已报告/已备案.
  expect(dash.report.filed + dash.record.filed).toBe(scalar(`SELECT count(*) AS n FROM accounts WHERE filing_state = '已登记' AND required_filing <> '无' ${inScope}`));
  expect(dash.report.filed + dash.record.filed).toBe(s.get('已报告')! + s.get('已备案')!);
  for (const [key, header] of [['pending', '待审核'], ['correction', '需补正'], ['changed', '变更未报备'], ['notFiled', '未报备'], ['overdue', '其中逾期未报']] as const) {
    // The 统计表 header repeats under 报告 and 备案: the map holds the 报告 one, the first.
    expect(dash.report[key]).toBe(s.get(header));
  }
  expect(s.get('在册党员')).toBe(scalar(`SELECT count(*) AS n FROM members WHERE status = '在册' ${inScope}`));
}
