/**
 * 统计表: per organization (the scope's direct children, each with its whole subtree) and, on a second
 * sheet, per platform — both counted from the register's figures (services/figures.ts), the same groups the
 * 首页 counts, as of the period's end. The account categories partition 账号总数; 报告 and 备案 each split
 * into parts that add up to 应报告/应备案, with 逾期未报 part of 未报备.
 */
import { ACCOUNT_CATEGORIES, filedRate, type FilingCounts } from '../domain/figures.js';
import { groupBy } from '../domain/groupBy.js';
import type { ServiceContext } from '../services/context.js';
import { accountGroups, filingCounts, memberFigures, type AccountGroup } from '../services/figures.js';
import { branchOf } from '../services/treePath.js';
import { periodLine, type ReportDefinition, type ReportLine, type ReportScope, type SheetDefinition } from './definition.js';
import { columnLetter, formula, type CellValue, type ColumnSpec } from './style.js';

const count = (group: string, header: string): ColumnSpec => ({ header, group, width: 6.5, kind: 'number' });
const RATE = '0.0%';

/** 应报告, 已报告, 待审核, 需补正, 变更未报备, 未报备, 其中逾期未报, 报告率 — and the same for 备案. */
function filingColumns(kind: '报告' | '备案'): ColumnSpec[] {
  const group = `${kind}（个）`;
  return [
    count(group, `应${kind}`),
    count(group, `已${kind}`),
    count(group, '待审核'),
    count(group, '需补正'),
    count(group, '变更未报备'),
    count(group, '未报备'),
    count(group, '其中逾期未报'),
    { header: `${kind}率`, group, width: 7.5, kind: 'number', numFmt: RATE },
  ];
}

const ACCOUNT_COLUMNS: ColumnSpec[] = [
  count('网络账号（个）', '账号总数'),
  ...ACCOUNT_CATEGORIES.map((c) => count('网络账号（个）', c)),
  count('网络账号（个）', '其中境外账号'),
  ...filingColumns('报告'),
  ...filingColumns('备案'),
];

const filingValues = (c: FilingCounts): number[] => [c.needed, c.filed, c.pending, c.correction, c.changed, c.notFiled, c.overdue, filedRate(c)];

/** The account columns of one row: categories, then 报告 and 备案. */
function accountValues(groups: AccountGroup[]): number[] {
  const open = groups.filter((g) => g.state !== '已注销');
  const sum = (pick: (g: AccountGroup) => boolean) => open.reduce((n, g) => n + (pick(g) ? g.n : 0), 0);
  const { report, record } = filingCounts(groups);
  return [sum(() => true), ...ACCOUNT_CATEGORIES.map((c) => sum((g) => g.category === c)), sum((g) => g.region === '境外'), ...filingValues(report), ...filingValues(record)];
}

/** The 合计 of a rate column: 已… / 应… of the totals (never a sum of rates), as a formula with its value. */
function rateTotal(columns: ColumnSpec[], column: number, totals: Map<number, number>, row: number): CellValue | undefined {
  if (columns[column - 1]?.numFmt !== RATE) return undefined;
  // 应… is seven columns left of its rate, 已… six.
  const needed = totals.get(column - 7) ?? 0;
  const filed = totals.get(column - 6) ?? 0;
  const n = columnLetter(column - 7);
  const f = columnLetter(column - 6);
  return formula(`IF(${n}${row}=0,1,${f}${row}/${n}${row})`, needed === 0 ? 1 : filed / needed);
}

function sheetOf(name: string, title: string, scope: ReportScope, columns: ColumnSpec[], labelSpan: number, load: () => ReportLine[]): SheetDefinition {
  let cached: ReportLine[] | null = null;
  const all = () => (cached ??= load());
  const counted = columns.map((c, i) => (c.kind === 'number' && c.numFmt !== RATE ? i + 1 : 0)).filter((i) => i > 0);
  return {
    name,
    title,
    subtitle: periodLine(scope),
    columns,
    count: () => all().length,
    rows: (limit) => all().slice(0, limit),
    sumColumns: counted,
    labelSpan,
    totalExtra: (column, totals, row) => rateTotal(columns, column, totals, row),
  };
}

function byOrganization(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const orgs = ctx.db
    .prepare('SELECT id, full_name, parent_id, tree_path FROM organizations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY sort_order, id')
    .all(scope.subtree) as { id: number; full_name: string; parent_id: number | null; tree_path: string }[];
  const scopeOrg = orgs.find((o) => o.id === scope.organization.id)!;
  const figureScope = { orgIds: scope.subtree, day: scope.asOf };
  const branch = new Map(orgs.map((o) => [o.id, branchOf(scopeOrg.tree_path, o)]));
  const groups = groupBy(accountGroups(ctx, figureScope), (g) => branch.get(g.org)!);
  const members = new Map<number, [number, number]>();
  for (const [org, f] of memberFigures(ctx, figureScope)) {
    const sum = members.get(branch.get(org)!) ?? [0, 0];
    members.set(branch.get(org)!, [sum[0] + f.members, sum[1] + f.withAccounts]);
  }
  const valuesOf = (id: number) => [...(members.get(id) ?? [0, 0]), ...accountValues(groups.get(id) ?? [])];
  const children = orgs.filter((o) => o.parent_id === scope.organization.id);
  const rows = children.map((o) => ({ name: o.full_name, values: valuesOf(o.id) }));
  const own = valuesOf(scope.organization.id);
  if (children.length === 0 || own.some((n, i) => n > 0 && ACCOUNT_ROW_COLUMNS[i]?.numFmt !== RATE)) {
    rows.push({ name: children.length ? `${scopeOrg.full_name}（本级）` : scopeOrg.full_name, values: own });
  }
  return rows.map((r, i) => ({ values: [i + 1, r.name, ...r.values] }));
}

const ACCOUNT_ROW_COLUMNS: ColumnSpec[] = [count('党员（人）', '在册党员'), count('党员（人）', '登记有网络账号的党员'), ...ACCOUNT_COLUMNS];

const ORGANIZATION_COLUMNS: ColumnSpec[] = [{ header: '序号', width: 5, kind: 'index' }, { header: '党组织', width: 30 }, ...ACCOUNT_ROW_COLUMNS];

const PLATFORM_COLUMNS: ColumnSpec[] = [{ header: '序号', width: 5, kind: 'index' }, { header: '平台', width: 14 }, ...ACCOUNT_COLUMNS];

function byPlatform(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const groups = groupBy(accountGroups(ctx, { orgIds: scope.subtree, day: scope.asOf }), (g) => g.platform);
  return [...groups.entries()]
    .map(([platform, list]) => ({ platform, values: accountValues(list) }))
    .filter((r) => r.values[0]! > 0)
    .sort((a, b) => b.values[0]! - a.values[0]! || a.platform.localeCompare(b.platform, 'zh-CN'))
    .map((r, i) => ({ values: [i + 1, r.platform, ...r.values] }));
}

export const summaryReport: ReportDefinition = {
  kind: 'summary',
  title: '党员干部网络账号报备情况统计表',
  sheets(ctx, scope) {
    return [
      sheetOf('统计表', this.title, scope, ORGANIZATION_COLUMNS, 2, () => byOrganization(ctx, scope)),
      sheetOf('按平台', `${this.title}（按平台）`, scope, PLATFORM_COLUMNS, 2, () => byPlatform(ctx, scope)),
    ];
  },
};
