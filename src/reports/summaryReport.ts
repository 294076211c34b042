/** 统计表: per organization (the scope's direct children, each with its whole subtree), with 合计. */
import type { ServiceContext } from '../services/context.js';
import { branchOf } from '../services/treePath.js';
import { periodLine, type ReportDefinition, type ReportLine, type ReportScope } from './definition.js';
import type { ColumnSpec } from './style.js';

const COUNT = (header: string): ColumnSpec => ({ header, width: 9, kind: 'number' });
const COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'number' },
  { header: '党组织', width: 40 },
  COUNT('在册党员'),
  COUNT('已申报账号人数'),
  COUNT('账号总数'),
  COUNT('以职务身份'),
  COUNT('个人'),
  COUNT('公众账号'),
  COUNT('群组'),
  COUNT('境外账号'),
  COUNT('应报告'),
  COUNT('已报告'),
  COUNT('应备案'),
  COUNT('已备案'),
  COUNT('待审核'),
  COUNT('需补正'),
  COUNT('未报备'),
];

/** Counts per organization; the order matches COLUMNS from 在册党员 on. */
const PER_ORGANIZATION = `
  WITH scope AS (SELECT value AS id FROM json_each(@subtree)),
  acc AS (
    SELECT a.* FROM accounts a
    WHERE a.organization_id IN (SELECT id FROM scope) AND a.status <> '已注销'
      AND coalesce(a.opened_on, substr(a.created_at, 1, 10)) <= @to)
  SELECT o.id,
    (SELECT count(*) FROM members m WHERE m.organization_id = o.id AND m.status = '在册') AS members,
    (SELECT count(DISTINCT member_id) FROM acc WHERE acc.organization_id = o.id) AS declared,
    count(acc.id) AS accounts,
    coalesce(sum(acc.capacity = '以职务身份'), 0), coalesce(sum(acc.capacity = '个人'), 0),
    coalesce(sum(acc.kind = '公众账号'), 0), coalesce(sum(acc.kind = '群组'), 0), coalesce(sum(acc.region = '境外'), 0),
    coalesce(sum(acc.required_filing = '报告'), 0), coalesce(sum(acc.required_filing = '报告' AND acc.filing_state IN ('已登记','变更未报')), 0),
    coalesce(sum(acc.required_filing = '备案'), 0), coalesce(sum(acc.required_filing = '备案' AND acc.filing_state IN ('已登记','变更未报')), 0),
    coalesce(sum(acc.filing_state = '待审核'), 0), coalesce(sum(acc.filing_state = '需补正'), 0), coalesce(sum(acc.filing_state = '未报备'), 0)
  FROM organizations o LEFT JOIN acc ON acc.organization_id = o.id
  WHERE o.id IN (SELECT id FROM scope) GROUP BY o.id`;

function lines(ctx: ServiceContext, scope: ReportScope): ReportLine[] {
  const orgs = ctx.db
    .prepare('SELECT id, full_name, parent_id, tree_path FROM organizations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY sort_order, id')
    .all(scope.subtree) as { id: number; full_name: string; parent_id: number | null; tree_path: string }[];
  const scopeOrg = orgs.find((o) => o.id === scope.organization.id)!;
  const counts = new Map(
    (ctx.db.prepare(PER_ORGANIZATION).raw().all({ subtree: scope.subtree, to: scope.to }) as number[][]).map((r) => [r[0]!, r.slice(1)]),
  );
  const buckets = new Map<number, number[]>();
  for (const o of orgs) {
    const b = branchOf(scopeOrg.tree_path, o);
    const add = counts.get(o.id) ?? [];
    const sum = buckets.get(b) ?? Array.from({ length: COLUMNS.length - 2 }, () => 0);
    add.forEach((n, i) => (sum[i] = (sum[i] ?? 0) + n));
    buckets.set(b, sum);
  }
  const children = orgs.filter((o) => o.parent_id === scope.organization.id);
  const rows = children.map((o) => ({ name: o.full_name, values: buckets.get(o.id)! }));
  const own = buckets.get(scope.organization.id)!;
  if (children.length === 0 || own.some((n) => n > 0)) rows.push({ name: children.length ? `${scopeOrg.full_name}（本级）` : scopeOrg.full_name, values: own });
  return rows.map((r, i) => ({ values: [i + 1, r.name, ...r.values] }));
}

export const summaryReport: ReportDefinition = {
  kind: 'summary',
  title: '党员干部网络账号报备情况统计表',
  sheets(ctx, scope) {
    let cached: ReportLine[] | null = null;
    const all = () => (cached ??= lines(ctx, scope));
    return [
      {
        name: '统计表',
        title: this.title,
        subtitle: periodLine(scope),
        columns: COLUMNS,
        count: () => all().length,
        rows: (limit) => all().slice(0, limit),
        sumColumns: COLUMNS.map((_, i) => i + 1).slice(2),
      },
    ];
  },
};
