/**
 * The 首页's 报告/备案 groups read from filing_tally (migration 0010), which triggers keep equal to counting the
 * accounts: the same groups as filingGroups (figures.ts) for today's register, from a few rows per organization
 * instead of every account of the subtree.
 */
import type { ServiceContext } from './context.js';
import type { FigureScope, FilingGroup } from './figures.js';

const TALLY_GROUPS = `
  SELECT organization_id AS org, required_filing AS required, filing_state AS state, sum(n) AS n,
         coalesce(sum(CASE WHEN filing_state = '未报备' AND due < @day THEN n END), 0) AS overdue
  FROM filing_tally WHERE organization_id IN (SELECT value FROM json_each(@orgIds))
  GROUP BY organization_id, required_filing, filing_state`;

export function tallyFilingGroups(ctx: ServiceContext, scope: FigureScope): FilingGroup[] {
  return ctx.db.prepare(TALLY_GROUPS).all(scope) as FilingGroup[];
}

/**
 * The 首页's 即将到期: accounts needing a filing, 未报备, due from `day` to `until` — the rows of the 催报名单's
 * 即将到期 sheet (CHASE_SQL.dueSoon), counted from the tally's due days. Counting the accounts themselves walked
 * every 未报备 account of the city for a bureau (about 0.1 s, and five times that on an encrypted register).
 */
const TALLY_DUE_SOON = `
  SELECT coalesce(sum(n), 0) FROM filing_tally
  WHERE organization_id IN (SELECT value FROM json_each(@orgIds)) AND required_filing <> '无' AND filing_state = '未报备'
    AND due >= @day AND due <= @until`;

export function tallyDueSoon(ctx: ServiceContext, scope: FigureScope & { until: string }): number {
  return ctx.db.prepare(TALLY_DUE_SOON).pluck().get(scope) as number;
}
