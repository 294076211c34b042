/**
 * 统计表: per organization (the scope's direct children, each with its whole subtree) and, on a second
 * sheet, per platform — both counted from the register's figures (services/figures.ts), the same groups the
 * 首页 counts, as of the period's end. The columns are the one definition's figures (FIGURE_KEYS), so a row
 * counted from a sub-unit's 上报数据包 prints the same way: with a consolidated period, each package's rows (as
 * its sender's own 统计表 shows them) follow the row of the organization it maps into, with their 来源, and 合计
 * includes them; the 按平台 sheet counts the packages' accounts with the register's.
 */
import { ACCOUNT_CATEGORIES, addGroup, emptyFigureCounts, FIGURE_KEYS, figuresOf, RATE_KEYS, sumFigures, type FigureCounts, type FigureKey, type Figures } from '../domain/figures.js';
import { groupBy } from '../domain/groupBy.js';
import { msg } from '../i18n/messages.js';
import { submissionFigures, submissionPlatformFigures, type SubmissionFigures } from '../services/consolidation.js';
import type { ServiceContext } from '../services/context.js';
import { accountGroups, memberFigures, type AccountGroup } from '../services/figures.js';
import { branchOf } from '../services/treePath.js';
import { consolidatedPeriodLine, type ReportDefinition, type ReportLine, type ReportScope, type SheetDefinition } from './definition.js';
import { columnLetter, formula, type CellValue, type ColumnSpec } from './style.js';

const RATE = '0.0%';
const filingHeaders = (kind: string) => [`应${kind}`, `已${kind}`, '待审核', '需补正', '变更未报备', '未报备', '其中逾期未报', `${kind}率`];
/** Header of each figure, in FIGURE_KEYS order. */
const HEADERS = ['在册党员', '登记有网络账号的党员', '账号总数', ...ACCOUNT_CATEGORIES, '其中境外账号', ...filingHeaders('报告'), ...filingHeaders('备案')];

function figureColumn(key: FigureKey): ColumnSpec {
  const header = HEADERS[FIGURE_KEYS.indexOf(key)]!;
  const group = key.startsWith('report') ? '报告（个）' : key.startsWith('record') ? '备案（个）' : key === 'members' || key === 'withAccounts' ? '党员（人）' : '网络账号（个）';
  return RATE_KEYS[key] ? { header, group, width: 7.5, kind: 'number', numFmt: RATE } : { header, group, width: 6.5, kind: 'number' };
}

/** The 按平台 sheet has no member columns: members have no platform. */
const PLATFORM_KEYS = FIGURE_KEYS.slice(FIGURE_KEYS.indexOf('accounts'));
/** 序号 and the row's name come before the figures. */
const LEADING = 2;

/** The 合计 of a rate column: 已… / 应… of the totals (never a sum of rates), as a formula with its value. */
function rateTotal(keys: readonly FigureKey[], column: number, totals: Map<number, number>, row: number): CellValue | undefined {
  const pair = RATE_KEYS[keys[column - 1 - LEADING]!];
  if (!pair) return undefined;
  const [n, f] = pair.map((k) => keys.indexOf(k) + 1 + LEADING) as [number, number];
  const needed = totals.get(n) ?? 0;
  return formula(`IF(${columnLetter(n)}${row}=0,1,${columnLetter(f)}${row}/${columnLetter(n)}${row})`, needed === 0 ? 1 : (totals.get(f) ?? 0) / needed);
}

interface Row {
  name: string;
  figures: Figures;
  /** 来源, in a report holding packages. */
  source?: string;
}

function sheetOf(name: string, title: string, scope: ReportScope, nameHeader: string, keys: readonly FigureKey[], load: () => Row[]): SheetDefinition {
  const withSource = scope.consolidatedPeriod !== undefined && keys === FIGURE_KEYS;
  const columns: ColumnSpec[] = [
    { header: '序号', width: 5, kind: 'index' },
    { header: nameHeader, width: 30 },
    ...keys.map(figureColumn),
    ...(withSource ? [{ header: '来源', width: 24 }] : []),
  ];
  let cached: ReportLine[] | null = null;
  const all = () =>
    (cached ??= load().map((r, i) => ({ values: [i + 1, r.name, ...keys.map((k) => r.figures[k]), ...(withSource ? [r.source ?? msg.consolidation.ownSource] : [])] })));
  return {
    name,
    title,
    subtitle: consolidatedPeriodLine(scope),
    columns,
    count: () => all().length,
    rows: (limit) => all().slice(0, limit),
    sumColumns: keys.map((k, i) => (RATE_KEYS[k] ? 0 : i + 1 + LEADING)).filter((i) => i > 0),
    labelSpan: LEADING,
    totalExtra: (column, totals, row) => rateTotal(keys, column, totals, row),
  };
}

/**
 * The rows of one tree as its 统计表 shows them: each direct child with its subtree, then the root's own (本级)
 * figures when it has any, or the root alone when it has no children.
 */
function treeRows(rootName: string, children: Row[], own: Figures): Row[] {
  const hasOwn = FIGURE_KEYS.some((k) => !RATE_KEYS[k] && own[k] > 0);
  return children.length === 0 || hasOwn ? [...children, { name: children.length ? `${rootName}（本级）` : rootName, figures: own }] : children;
}

/** A package's rows as its sender's own 统计表 shows them, marked with their source. */
function submissionRows(s: SubmissionFigures): Row[] {
  const source = msg.consolidation.rowSource(s.sourceName, s.period);
  const under = (code: string) => s.organizations.filter((o) => o.relativeCode.startsWith(code));
  const children = s.organizations.filter((o) => o.relativeCode.length === 3).map((o) => ({ name: o.fullName, figures: sumFigures(under(o.relativeCode).map((x) => x.figures)) }));
  const root = s.organizations.find((o) => o.relativeCode === '')!;
  return treeRows(root.fullName, children, root.figures).map((r) => ({ ...r, source }));
}

function byOrganization(ctx: ServiceContext, scope: ReportScope, groups: () => AccountGroup[]): Row[] {
  const orgs = ctx.db
    .prepare('SELECT id, full_name, parent_id, tree_path FROM organizations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY sort_order, id')
    .all(scope.subtree) as { id: number; full_name: string; parent_id: number | null; tree_path: string }[];
  const scopeOrg = orgs.find((o) => o.id === scope.organization.id)!;
  const figureScope = { orgIds: scope.subtree, day: scope.asOf };
  const branch = new Map(orgs.map((o) => [o.id, branchOf(scopeOrg.tree_path, o)]));
  const counts = new Map<number, FigureCounts>();
  const countsOf = (org: number) => counts.get(branch.get(org)!) ?? counts.set(branch.get(org)!, emptyFigureCounts()).get(branch.get(org)!)!;
  for (const g of groups()) addGroup(countsOf(g.org), g);
  for (const [org, f] of memberFigures(ctx, figureScope)) {
    countsOf(org).members += f.members;
    countsOf(org).withAccounts += f.withAccounts;
  }
  const figures = (id: number) => figuresOf(counts.get(id) ?? emptyFigureCounts());
  const children = orgs.filter((o) => o.parent_id === scope.organization.id);
  const rows = treeRows(scopeOrg.full_name, children.map((o) => ({ name: o.full_name, figures: figures(o.id) })), figures(scope.organization.id));
  if (scope.consolidatedPeriod === undefined) return rows;
  // Each package after the row of the branch it maps into (after the last row when it maps to the scope itself).
  const after = new Map<number, Row[]>();
  for (const s of submissionFigures(ctx, { period: scope.consolidatedPeriod, organizationId: scope.organization.id })) {
    const at = branch.get(s.mappedOrganizationId)!;
    after.set(at, [...(after.get(at) ?? []), ...submissionRows(s)]);
  }
  return [...children.flatMap((o, i) => [rows[i]!, ...(after.get(o.id) ?? [])]), ...rows.slice(children.length), ...(after.get(scope.organization.id) ?? [])];
}

/** Per platform: the register's accounts, and with a consolidated period the packages' too (so 合计 agrees with the 统计表's). */
function byPlatform(ctx: ServiceContext, scope: ReportScope, groups: () => AccountGroup[]): Row[] {
  const figures = new Map<string, Figures[]>();
  for (const [platform, list] of groupBy(groups(), (g) => g.platform)) {
    const counts = emptyFigureCounts();
    for (const g of list) addGroup(counts, g);
    figures.set(platform, [figuresOf(counts)]);
  }
  if (scope.consolidatedPeriod !== undefined) {
    for (const [platform, f] of submissionPlatformFigures(ctx, { period: scope.consolidatedPeriod, organizationId: scope.organization.id })) {
      figures.set(platform, [...(figures.get(platform) ?? []), f]);
    }
  }
  return [...figures.entries()]
    .map(([platform, list]) => ({ name: platform, figures: sumFigures(list) }))
    .filter((r) => r.figures.accounts > 0)
    .sort((a, b) => b.figures.accounts - a.figures.accounts || a.name.localeCompare(b.name, 'zh-CN'));
}

export const summaryReport: ReportDefinition = {
  kind: 'summary',
  title: '党员干部网络账号报备情况统计表',
  sheets(ctx, scope) {
    // Both sheets count the same groups: read once (the largest part of the report's time on a big register).
    let cached: AccountGroup[] | null = null;
    const groups = () => (cached ??= accountGroups(ctx, { orgIds: scope.subtree, day: scope.asOf }));
    return [
      sheetOf('统计表', this.title, scope, '党组织', FIGURE_KEYS, () => byOrganization(ctx, scope, groups)),
      sheetOf('按平台', `${this.title}（按平台）`, scope, '平台', PLATFORM_KEYS, () => byPlatform(ctx, scope, groups)),
    ];
  },
};
