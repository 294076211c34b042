/**
 * 首页: for an organization subtree, how many accounts need 报告/备案 and where they stand, with a
 * breakdown by the scope's direct children so a secretary sees which branch is behind. Counted from the
 * register's figures (figures.ts), the same groups the 统计表 counts, so the two always agree — read from the
 * counts triggers keep per organization (filingTally.ts), so its cost follows organizations, not accounts.
 */
import type { HandlerInput } from '../contract/contract.js';
import type { Dashboard, DashboardRow } from '../contract/dashboard.js';
import { DEFAULT_DUE_WITHIN_DAYS, emptyFilingCounts } from '../domain/figures.js';
import { today, type ServiceContext } from './context.js';
import { filingCounts, windowEnd } from './figures.js';
import { tallyDueSoon, tallyFilingGroups } from './filingTally.js';
import { defaultScopeId, findOrganizationRow, organizationScope } from './organizations.js';
import { openProtectionCount } from './protection.js';
import { currentCampaign } from './campaigns.js';
import { completionWithin } from './campaignCompletion.js';
import { groupBy } from '../domain/groupBy.js';
import { branchOf, subtreeRange } from './treePath.js';

interface OrgRow {
  id: number;
  full_name: string;
  tree_path: string;
  sort_order: number;
  parent_id: number | null;
}

export function dashboard(ctx: ServiceContext, { organizationId, dueWithinDays = DEFAULT_DUE_WITHIN_DAYS }: HandlerInput<'dashboard.summary'>): Dashboard {
  const day = today(ctx);
  // None chosen: the reports' own default (defaultScopeId), so the 首页 and a report of the same scope agree.
  const scopeId = organizationId ?? defaultScopeId(ctx) ?? null;
  const scope = scopeId === null ? null : findOrganizationRow(ctx, scopeId);
  const range = scope ? subtreeRange(scope.tree_path) : { from: '/', to: '0' };
  const orgs = ctx.db
    .prepare('SELECT id, full_name, tree_path, sort_order, parent_id FROM organizations WHERE tree_path >= ? AND tree_path < ? ORDER BY sort_order, id')
    .all(range.from, range.to) as OrgRow[];

  // Each organization counts towards the scope's direct child it lies under (or the scope itself).
  const bucketOf = new Map(orgs.map((o) => [o.id, branchOf(scope?.tree_path ?? '/', o)]));
  const rows = new Map<number, DashboardRow>();
  const bucketOrgs = orgs.filter((o) => (scope ? o.id === scope.id || o.parent_id === scope.id : o.parent_id === null));
  for (const o of bucketOrgs) rows.set(o.id, { organizationId: o.id, organizationName: o.full_name, report: emptyFilingCounts(), record: emptyFilingCounts() });
  if (scope && !rows.has(scope.id)) rows.set(scope.id, { organizationId: scope.id, organizationName: scope.full_name, report: emptyFilingCounts(), record: emptyFilingCounts() });

  const buckets = JSON.stringify(orgs.map((o) => [o.id, bucketOf.get(o.id) ?? -1]));
  const groups = tallyFilingGroups(ctx, { buckets, day });
  const until = windowEnd(day, dueWithinDays);
  for (const [branch, list] of groupBy(groups, (g) => g.org)) {
    const row = rows.get(branch);
    if (row) Object.assign(row, filingCounts(list));
  }
  const total = filingCounts(groups);
  // 范围内共登记网络账号: open accounts, as the 统计表's 账号总数 counts them (the tally keeps 已注销 rows too).
  const accounts = groups.reduce((n, g) => n + (g.state === '已注销' ? 0 : g.n), 0);
  return {
    organizationId: scopeId,
    today: day,
    accounts,
    ...total,
    breakdown: [...rows.values()],
    campaign: campaignWithin(ctx, orgs.map((o) => o.id)),
    openProtectionCases: openProtectionCount(ctx, scope ? organizationScope(ctx, 'm.organization_id', scope.id) : null),
    dueSoon: { days: dueWithinDays, until, count: tallyDueSoon(ctx, { buckets, day, until }) },
  };
}

function campaignWithin(ctx: ServiceContext, orgIds: number[]): Dashboard['campaign'] {
  const open = currentCampaign(ctx);
  if (!open) return null;
  const { expected, responded } = completionWithin(ctx, open, orgIds);
  return {
    id: open.id,
    title: open.title,
    deadline: open.deadline,
    expected,
    responded,
    notResponded: expected - responded,
    overdue: open.deadline < today(ctx) && expected > responded,
  };
}
