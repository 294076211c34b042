/**
 * The 首页's 报告/备案 groups read from filing_tally and due_tally (migration 0020), which triggers keep equal to
 * counting the accounts: the same groups as filingGroups (figures.ts) for today's register, from a few rows per
 * organization instead of every account of the subtree. 逾期 is isOverdue counted the other way round: 未报备 less
 * those not yet due (due on or after the day, or with no due day), which are a short range of due_tally whatever
 * the number of accounts long overdue.
 */
import type { ServiceContext } from './context.js';
import type { FilingGroup } from './figures.js';

/**
 * Which organizations are counted and under which bucket: JSON `[[organization, bucket], …]` for json_each — the
 * 首页 counts each organization under the scope's direct child it lies in. Summed by bucket in SQLite: a whole city
 * is 42k tally rows (4,768 organizations × required filing × state), which as JS objects cost 60–90 ms a 首页 and
 * summed here about 30.
 */
export interface TallyScope {
  buckets: string;
  /** The day 逾期 and 即将到期 are counted from. */
  day: string;
}

// Materialized, so the mapping is read once and each organization's tally rows are one seek of its primary key.
const TALLY_GROUPS = `
  WITH b(org, bucket) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(@buckets))
  SELECT b.bucket AS org, t.required_filing AS required, t.filing_state AS state, sum(t.n) AS n, 0 AS overdue
  FROM b JOIN filing_tally t ON t.organization_id = b.org
  GROUP BY 1, 2, 3`;

/**
 * 未报备 accounts due on @day or later, by organization and required filing; `soon` of them due by @until. A short
 * range of days: read by the day, the organizations kept by IN (an index SQLite builds once) — joined to the bucket
 * mapping instead, SQLite scanned the mapping once per due_tally row (4 s at 600k members).
 */
const NOT_YET_DUE = `
  SELECT organization_id AS org, required_filing AS required, sum(n) AS n, coalesce(sum(CASE WHEN due <= @until THEN n END), 0) AS soon
  FROM due_tally WHERE due >= @day AND organization_id IN (SELECT value ->> 0 FROM json_each(@buckets))
  GROUP BY organization_id, required_filing`;

interface NotYetDue {
  org: number;
  required: FilingGroup['required'];
  n: number;
  soon: number;
}

function notYetDue(ctx: ServiceContext, scope: TallyScope & { until: string }): NotYetDue[] {
  return ctx.db.prepare(NOT_YET_DUE).all(scope) as NotYetDue[];
}

/** Not-yet-due counts by bucket and required filing. */
function notYetDueByBucket(ctx: ServiceContext, scope: TallyScope): Map<string, number> {
  const bucketOf = new Map(JSON.parse(scope.buckets) as [number, number][]);
  const later = new Map<string, number>();
  for (const r of notYetDue(ctx, { ...scope, until: scope.day })) {
    const key = `${bucketOf.get(r.org)}|${r.required}`;
    later.set(key, (later.get(key) ?? 0) + r.n);
  }
  return later;
}

/** The filing groups of the organizations in `scope`, each summed under its bucket (`org` is the bucket). */
export function tallyFilingGroups(ctx: ServiceContext, scope: TallyScope): FilingGroup[] {
  const groups = ctx.db.prepare(TALLY_GROUPS).all(scope) as FilingGroup[];
  const later = notYetDueByBucket(ctx, scope);
  for (const g of groups) if (g.state === '未报备') g.overdue = g.n - (later.get(`${g.org}|${g.required}`) ?? 0);
  return groups;
}

/**
 * The 首页's 即将到期: accounts needing a filing, 未报备, due from `day` to `until` — the rows of the 催报名单's
 * 即将到期 sheet (CHASE_SQL.dueSoon), counted from the tally's due days. Counting the accounts themselves walked
 * every 未报备 account of the city for a bureau (about 0.1 s, and five times that on an encrypted register).
 */
export function tallyDueSoon(ctx: ServiceContext, scope: TallyScope & { until: string }): number {
  return notYetDue(ctx, scope).reduce((sum, r) => sum + (r.required === '无' ? 0 : r.soon), 0);
}
