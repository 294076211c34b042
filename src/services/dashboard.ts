/**
 * 首页: for an organization subtree, how many accounts need 报告/备案 and where they stand, with a
 * breakdown by the scope's direct children so a secretary sees which branch is behind. One GROUP BY over
 * the accounts' (organization, required filing, state, due) index; buckets are assigned in memory.
 */
import type { HandlerInput } from '../contract/contract.js';
import type { Dashboard, DashboardRow, FilingCounts } from '../contract/dashboard.js';
import type { FilingState, RequiredFiling } from '../domain/vocabulary.js';
import { today, type ServiceContext } from './context.js';
import { findOrganizationRow, organizationScope } from './organizations.js';
import { openProtectionCount } from './protection.js';
import { currentCampaign } from './campaigns.js';
import { campaignCompletion } from './campaignCompletion.js';
import { branchOf, subtreeRange } from './treePath.js';

const emptyCounts = (): FilingCounts => ({ needed: 0, filed: 0, pending: 0, correction: 0, notFiled: 0, overdue: 0, changed: 0, closed: 0 });

const FIELD_BY_STATE: Partial<Record<FilingState, keyof FilingCounts>> = {
  已登记: 'filed',
  待审核: 'pending',
  需补正: 'correction',
  未报备: 'notFiled',
  变更未报: 'changed',
  已注销: 'closed',
};

function add(counts: FilingCounts, state: FilingState, n: number, overdue: number): void {
  const field = FIELD_BY_STATE[state];
  if (field) counts[field] += n;
  if (state !== '已注销') counts.needed += n;
  counts.overdue += overdue;
}

interface OrgRow {
  id: number;
  full_name: string;
  tree_path: string;
  sort_order: number;
  parent_id: number | null;
}

export function dashboard(ctx: ServiceContext, { organizationId }: HandlerInput<'dashboard.summary'>): Dashboard {
  const day = today(ctx);
  const roots = ctx.db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL').all() as { id: number }[];
  const scopeId = organizationId ?? (roots.length === 1 ? roots[0]!.id : null);
  const scope = scopeId === null ? null : findOrganizationRow(ctx, scopeId);
  const range = scope ? subtreeRange(scope.tree_path) : { from: '/', to: '0' };
  const orgs = ctx.db
    .prepare('SELECT id, full_name, tree_path, sort_order, parent_id FROM organizations WHERE tree_path >= ? AND tree_path < ? ORDER BY sort_order, id')
    .all(range.from, range.to) as OrgRow[];

  // Each organization counts towards the scope's direct child it lies under (or the scope itself).
  const bucketOf = new Map(orgs.map((o) => [o.id, branchOf(scope?.tree_path ?? '/', o)]));
  const rows = new Map<number, DashboardRow>();
  const bucketOrgs = orgs.filter((o) => (scope ? o.id === scope.id || o.parent_id === scope.id : o.parent_id === null));
  for (const o of bucketOrgs) rows.set(o.id, { organizationId: o.id, organizationName: o.full_name, report: emptyCounts(), record: emptyCounts() });
  if (scope && !rows.has(scope.id)) rows.set(scope.id, { organizationId: scope.id, organizationName: scope.full_name, report: emptyCounts(), record: emptyCounts() });

  const groups = ctx.db
    .prepare(
      `SELECT a.organization_id AS org, a.required_filing AS required, a.filing_state AS state, count(*) AS n,
              sum(a.filing_state = '未报备' AND a.due_on < ?) AS overdue
       FROM accounts a WHERE a.organization_id IN (SELECT id FROM organizations WHERE tree_path >= ? AND tree_path < ?)
       GROUP BY a.organization_id, a.required_filing, a.filing_state`,
    )
    .all(day, range.from, range.to) as { org: number; required: RequiredFiling; state: FilingState; n: number; overdue: number }[];

  const total = { report: emptyCounts(), record: emptyCounts() };
  let accounts = 0;
  for (const g of groups) {
    accounts += g.n;
    if (g.required === '无') continue;
    const key = g.required === '报告' ? 'report' : 'record';
    add(total[key], g.state, g.n, g.overdue);
    const row = rows.get(bucketOf.get(g.org) ?? -1);
    if (row) add(row[key], g.state, g.n, g.overdue);
  }
  return {
    organizationId: scopeId,
    today: day,
    accounts,
    ...total,
    breakdown: [...rows.values()],
    campaign: campaignWithin(ctx, new Set(orgs.map((o) => o.id))),
    openProtectionCases: openProtectionCount(ctx, scope ? organizationScope(ctx, 'm.organization_id', scope.id) : null),
  };
}

function campaignWithin(ctx: ServiceContext, orgIds: Set<number>): Dashboard['campaign'] {
  const open = currentCampaign(ctx);
  if (!open) return null;
  const completion = campaignCompletion(ctx, { id: open.id });
  const rows = completion.byOrganization.filter((r) => orgIds.has(r.organizationId));
  const expected = rows.reduce((a, r) => a + r.expected, 0);
  const responded = rows.reduce((a, r) => a + r.responded, 0);
  return {
    id: open.id,
    title: open.title,
    deadline: open.deadline,
    expected,
    responded,
    notResponded: expected - responded,
    overdue: open.deadline < completion.today && expected > responded,
  };
}
