/**
 * The 首页's 报告/备案 groups read from filing_tally and due_tally (migration 0020), which triggers keep equal to
 * counting the accounts: the same groups as filingGroups (figures.ts) for today's register, from a few rows per
 * organization instead of every account of the subtree. 逾期 is isOverdue counted the other way round: 未报备 less
 * those not yet due (due on or after the day, or with no due day), which are a short range of due_tally whatever
 * the number of accounts long overdue.
 */
import type { ServiceContext } from './context.js';
import type { FigureScope, FilingGroup } from './figures.js';

const TALLY_GROUPS = `
  SELECT organization_id AS org, required_filing AS required, filing_state AS state, n, 0 AS overdue
  FROM filing_tally WHERE organization_id IN (SELECT value FROM json_each(@orgIds))`;

/** 未报备 accounts due on @day or later, by organization and required filing; `soon` of them due by @until. */
const NOT_YET_DUE = `
  SELECT organization_id AS org, required_filing AS required, sum(n) AS n, coalesce(sum(CASE WHEN due <= @until THEN n END), 0) AS soon
  FROM due_tally WHERE due >= @day AND organization_id IN (SELECT value FROM json_each(@orgIds))
  GROUP BY organization_id, required_filing`;

interface NotYetDue {
  org: number;
  required: FilingGroup['required'];
  n: number;
  soon: number;
}

function notYetDue(ctx: ServiceContext, scope: FigureScope & { until: string }): NotYetDue[] {
  return ctx.db.prepare(NOT_YET_DUE).all(scope) as NotYetDue[];
}

export function tallyFilingGroups(ctx: ServiceContext, scope: FigureScope): FilingGroup[] {
  const groups = ctx.db.prepare(TALLY_GROUPS).all(scope) as FilingGroup[];
  const later = new Map(notYetDue(ctx, { ...scope, until: scope.day }).map((r) => [`${r.org}|${r.required}`, r.n]));
  for (const g of groups) if (g.state === '未报备') g.overdue = g.n - (later.get(`${g.org}|${g.required}`) ?? 0);
  return groups;
}

/**
 * The 首页's 即将到期: accounts needing a filing, 未报备, due from `day` to `until` — the rows of the 催报名单's
 * 即将到期 sheet (CHASE_SQL.dueSoon), counted from the tally's due days. Counting the accounts themselves walked
 * every 未报备 account of the city for a bureau (about 0.1 s, and five times that on an encrypted register).
 */
export function tallyDueSoon(ctx: ServiceContext, scope: FigureScope & { until: string }): number {
  return notYetDue(ctx, scope).reduce((sum, r) => sum + (r.required === '无' ? 0 : r.soon), 0);
}
