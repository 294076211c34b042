/** How far a campaign has come: responded / expected by organization, and who has not responded yet. */
import { may } from '../contract/access.js';
import { FOREVER } from '../domain/asOf.js';
import { maskIdNumber, phoneFor } from '../domain/mask.js';
import type { HandlerInput } from '../contract/contract.js';
import type { Campaign, CampaignCompletion, CampaignOrgCompletion, MissingMember } from '../contract/campaigns.js';
import { today, type ServiceContext } from './context.js';
import { subtreeOrganizationIds } from './organizations.js';
import { expectedSql, getCampaign, scopeOrganizationIds } from './campaigns.js';

export function campaignCompletion(ctx: ServiceContext, { id }: HandlerInput<'campaigns.completion'>): CampaignCompletion {
  const campaign = getCampaign(ctx, id);
  const rows = ctx.db
    .prepare(
      `SELECT e.organization_id AS organizationId, o.full_name AS organizationName, o.code,
              count(*) AS expected, coalesce(sum(d.kind = '申报'), 0) AS declared, coalesce(sum(d.kind = '零报告'), 0) AS zeroReports
       FROM (${expectedSql(campaign)}) e
       JOIN organizations o ON o.id = e.organization_id
       LEFT JOIN review_declarations d ON d.campaign_id = @campaign AND d.member_id = e.member_id
       GROUP BY e.organization_id ORDER BY o.code`,
    )
    .all({ campaign: id, scope: JSON.stringify(scopeOrganizationIds(ctx, id)) }) as Omit<CampaignOrgCompletion, 'responded' | 'notResponded'>[];
  const byOrganization = rows.map((r) => ({ ...r, responded: r.declared + r.zeroReports, notResponded: r.expected - r.declared - r.zeroReports }));
  const sum = (k: 'expected' | 'declared' | 'zeroReports' | 'responded' | 'notResponded') => byOrganization.reduce((a, r) => a + r[k], 0);
  const day = today(ctx);
  const totals = { expected: sum('expected'), declared: sum('declared'), zeroReports: sum('zeroReports'), responded: sum('responded'), notResponded: sum('notResponded') };
  return { ...campaign, today: day, overdue: campaign.deadline < day && totals.notResponded > 0, totals, byOrganization };
}

/**
 * An open campaign's expected and responded among some organizations only — what the 首页 shows for its scope.
 * Summed from the counts triggers keep per organization (member_tally, declared_tally: migration 0015; the responses
 * made there, response_tally: 0020), so a 首页 costs its number of organizations, not of members. Same rules as
 * campaignCompletion for an open campaign: 在册 members in scope who have not responded are expected where they
 * are now (在册 there less those of them who responded, and less those 在册 only after its year), and a response
 * counts where it was made.
 */
export function completionWithin(ctx: ServiceContext, campaign: Campaign, orgIds: number[]): { expected: number; responded: number } {
  const inScope = new Set(scopeOrganizationIds(ctx, campaign.id));
  const params = { campaign: campaign.id, within: JSON.stringify(orgIds), scope: JSON.stringify(orgIds.filter((o) => inScope.has(o))), yearEnd: `${campaign.year}-12-31` };
  // Less those 在册 only after the campaign's year (presentInYear): their current period starts after it and no
  // earlier one does — a short range of member_periods' index, recent entries only.
  const sql = `SELECT (SELECT coalesce(sum(active), 0) FROM member_tally WHERE organization_id IN (SELECT value FROM json_each(@scope)))
                 - (SELECT coalesce(sum(n), 0) FROM declared_tally WHERE campaign_id = @campaign AND organization_id IN (SELECT value FROM json_each(@scope)))
                 - (SELECT count(*) FROM member_periods mp WHERE mp.organization_id IN (SELECT value FROM json_each(@scope)) AND mp.status = '在册'
                      AND mp.valid_to = '${FOREVER}' AND mp.valid_from > @yearEnd
                      AND NOT EXISTS (SELECT 1 FROM member_periods yp WHERE yp.member_id = mp.member_id AND yp.valid_from <= @yearEnd)
                      AND mp.member_id NOT IN (SELECT member_id FROM review_declarations WHERE campaign_id = @campaign))
                 + r.n AS expected,
              r.n AS responded
       FROM (SELECT coalesce(sum(n), 0) AS n FROM response_tally WHERE campaign_id = @campaign AND organization_id IN (SELECT value FROM json_each(@within))) r`;
  return ctx.db.prepare(sql).get(params) as { expected: number; responded: number };
}

export function missingMembers(ctx: ServiceContext, { id, organizationId, limit }: HandlerInput<'campaigns.missing'>): { total: number; rows: MissingMember[] } {
  const campaign = getCampaign(ctx, id);
  const params = {
    campaign: id,
    scope: JSON.stringify(scopeOrganizationIds(ctx, id)),
    within: organizationId === undefined ? null : JSON.stringify(subtreeOrganizationIds(ctx, organizationId)),
    limit,
  };
  const from = `FROM (${expectedSql(campaign)}) e
    JOIN members m ON m.id = e.member_id JOIN organizations o ON o.id = e.organization_id
    WHERE e.member_id NOT IN (SELECT member_id FROM review_declarations WHERE campaign_id = @campaign)
      AND (@within IS NULL OR e.organization_id IN (SELECT value FROM json_each(@within)))`;
  const { limit: _limit, ...countParams } = params;
  const total = (ctx.db.prepare(`SELECT count(*) AS n ${from}`).get(countParams) as { n: number }).n;
  const rows = ctx.db
    .prepare(
      `SELECT m.id AS memberId, m.name, m.id_number AS idNumber, e.organization_id AS organizationId, o.full_name AS organizationName,
              m.position, m.phone, (SELECT count(*) FROM accounts a WHERE a.member_id = m.id AND a.status <> '已注销') AS activeAccounts
       ${from} ORDER BY o.code, m.name_pinyin LIMIT @limit`,
    )
    .all(params) as MissingMember[];
  // Asked through the contract: numbers as the member's page shows them to this caller. Reports (no caller here)
  // mask by their own scope.
  if (ctx.caller === undefined || may(ctx.caller, 'members.update')) return { total, rows };
  return { total, rows: rows.map((r) => ({ ...r, idNumber: maskIdNumber(r.idNumber), phone: phoneFor(r.phone, false) })) };
}
