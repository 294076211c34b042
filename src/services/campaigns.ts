/**
 * 年度报备核查: a campaign over organization subtrees; every member 在册 in scope is expected to respond
 * with a declaration (申报, confirming their registered accounts) or a 零报告. Closing freezes who was
 * expected, so a campaign's figures stay reproducible after members move or leave.
 */
import type { HandlerInput } from '../contract/contract.js';
import type { CampaignCreate, DeclarationRecord } from '../contract/campaigns.js';
import type { Campaign, Declaration } from '../contract/campaigns.js';
import type { Member } from '../contract/members.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import { normalizeText, optionalText } from '../domain/text.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, today, type ServiceContext } from './context.js';
import { getMember } from './members.js';
import { findOrganizationRow, subtreeOrganizationIds } from './organizations.js';

interface CampaignRow {
  id: number;
  title: string;
  year: number;
  deadline: string;
  status: Campaign['status'];
  closed_at: string | null;
  created_at: string;
}

function toCampaign(ctx: ServiceContext, r: CampaignRow): Campaign {
  const organizations = ctx.db
    .prepare('SELECT o.id, o.full_name AS fullName FROM review_campaign_orgs c JOIN organizations o ON o.id = c.organization_id WHERE c.campaign_id = ? ORDER BY o.code')
    .all(r.id) as { id: number; fullName: string }[];
  return { id: r.id, title: r.title, year: r.year, deadline: r.deadline, status: r.status, closedAt: r.closed_at, organizations, createdAt: r.created_at };
}

export function getCampaign(ctx: ServiceContext, id: number): Campaign {
  const row = ctx.db.prepare('SELECT * FROM review_campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.campaign.notFound, { id });
  return toCampaign(ctx, row);
}

export function listCampaigns(ctx: ServiceContext): Campaign[] {
  return (ctx.db.prepare('SELECT * FROM review_campaigns ORDER BY year DESC, id DESC').all() as CampaignRow[]).map((r) => toCampaign(ctx, r));
}

/** The newest campaign still open, for the dashboard. */
export function currentCampaign(ctx: ServiceContext): Campaign | null {
  const row = ctx.db.prepare("SELECT * FROM review_campaigns WHERE status = '进行中' ORDER BY id DESC LIMIT 1").get() as CampaignRow | undefined;
  return row ? toCampaign(ctx, row) : null;
}

/** Ids of every organization inside the campaign's scope (the chosen organizations and their subtrees). */
export function scopeOrganizationIds(ctx: ServiceContext, campaignId: number): number[] {
  const roots = ctx.db.prepare('SELECT organization_id AS id FROM review_campaign_orgs WHERE campaign_id = ?').all(campaignId) as { id: number }[];
  return roots.flatMap((r) => subtreeOrganizationIds(ctx, r.id));
}

export function createCampaign(ctx: ServiceContext, input: CampaignCreate): Campaign {
  return inTransaction(ctx, () => {
    const title = normalizeText(input.title);
    if (ctx.db.prepare('SELECT 1 FROM review_campaigns WHERE title = ?').get(title)) throw fieldError('title', msg.campaign.duplicateTitle(title));
    const paths = [...new Set(input.organizationIds)].map((id) => findOrganizationRow(ctx, id).tree_path);
    if (paths.some((p, i) => paths.some((q, j) => i !== j && p.startsWith(q)))) throw fieldError('organizationIds', msg.campaign.overlappingScope);
    const at = nowIso(ctx);
    const info = ctx.db
      .prepare('INSERT INTO review_campaigns (title, year, deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(title, input.year, input.deadline, at, at);
    const id = Number(info.lastInsertRowid);
    const addOrg = ctx.db.prepare('INSERT INTO review_campaign_orgs (campaign_id, organization_id) VALUES (?, ?)');
    for (const orgId of new Set(input.organizationIds)) addOrg.run(id, orgId);
    const created = getCampaign(ctx, id);
    recordAudit(ctx, { entity: 'review_campaign', entityId: id, action: 'create', summary: created.title, after: created });
    return created;
  });
}

function openCampaign(ctx: ServiceContext, id: number): Campaign {
  const c = getCampaign(ctx, id);
  if (c.status !== '进行中') throw new LedgerError('CONFLICT', msg.campaign.closed);
  return c;
}

/**
 * Whether member `alias` was 在册 by the end of the campaign's year (member_periods: from their 入党日期, else from
 * the day they were entered): a 2025年度 review does not expect someone who became a member here in 2026.
 */
export const presentInYear = (alias: string, year: number) =>
  `EXISTS (SELECT 1 FROM member_periods yp WHERE yp.member_id = ${alias}.id AND yp.valid_from <= '${year}-12-31')`;

/**
 * Who the campaign expects, with the organization each counts under: members 在册 in scope, and so by the end
 * of its year, who have not responded (under their current organization) and everyone who responded (under the
 * organization they belonged to when they did). Once closed, the frozen list.
 */
export function expectedSql(campaign: Pick<Campaign, 'status' | 'year'>): string {
  return campaign.status === '已结束'
    ? 'SELECT member_id, organization_id FROM review_expected WHERE campaign_id = @campaign'
    : `SELECT m.id AS member_id, m.organization_id FROM members m
       WHERE m.status = '在册' AND m.organization_id IN (SELECT value FROM json_each(@scope)) AND ${presentInYear('m', Number(campaign.year))}
         AND m.id NOT IN (SELECT member_id FROM review_declarations WHERE campaign_id = @campaign)
       UNION ALL
       SELECT member_id, organization_id FROM review_declarations WHERE campaign_id = @campaign`;
}

/** Who may answer a review, and how: a member 在册 within its scope; 零报告 only without open accounts, 申报 only with. */
export function assertMayAnswer(ctx: ServiceContext, campaign: Campaign, member: Member, kind: DeclarationRecord['kind']): void {
  const present = ctx.db.prepare(`SELECT ${presentInYear('m', Number(campaign.year))} AS yes FROM members m WHERE m.id = ?`).get(member.id) as { yes: number };
  if (member.status !== '在册' || !scopeOrganizationIds(ctx, campaign.id).includes(member.organizationId) || !present.yes) {
    throw new LedgerError('CONFLICT', msg.campaign.notInScope);
  }
  const active = (ctx.db.prepare("SELECT count(*) AS n FROM accounts WHERE member_id = ? AND status <> '已注销'").get(member.id) as { n: number }).n;
  if (kind === '零报告' && active > 0) throw fieldError('kind', msg.campaign.zeroWithAccounts(active));
  if (kind === '申报' && active === 0) throw fieldError('kind', msg.campaign.declareWithoutAccounts);
}

export function recordDeclaration(ctx: ServiceContext, input: DeclarationRecord): Declaration {
  return inTransaction(ctx, () => {
    const campaign = openCampaign(ctx, input.campaignId);
    const member = getMember(ctx, input.memberId);
    const previous = ctx.db
      .prepare('SELECT kind, declared_on FROM review_declarations WHERE campaign_id = ? AND member_id = ?')
      .get(campaign.id, member.id) as { kind: string; declared_on: string } | undefined;
    if (previous) throw new LedgerError('CONFLICT', msg.campaign.alreadyResponded(previous.kind, previous.declared_on));
    assertMayAnswer(ctx, campaign, member, input.kind);
    if (input.declaredOn > today(ctx)) throw fieldError('declaredOn', msg.date.future);
    const info = ctx.db
      .prepare('INSERT INTO review_declarations (campaign_id, member_id, organization_id, kind, declared_on, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(campaign.id, member.id, member.organizationId, input.kind, input.declaredOn, optionalText(input.notes), nowIso(ctx));
    const declaration: Declaration = {
      id: Number(info.lastInsertRowid),
      campaignId: campaign.id,
      memberId: member.id,
      organizationId: member.organizationId,
      kind: input.kind,
      declaredOn: input.declaredOn,
      notes: optionalText(input.notes),
    };
    recordAudit(ctx, { entity: 'review_campaign', entityId: campaign.id, action: 'declare', summary: `${campaign.title}：${member.name} ${input.kind}`, after: declaration });
    return declaration;
  });
}

export function closeCampaign(ctx: ServiceContext, { id }: HandlerInput<'campaigns.close'>): Campaign {
  return inTransaction(ctx, () => {
    const before = getCampaign(ctx, id);
    if (before.status !== '进行中') throw new LedgerError('CONFLICT', msg.campaign.alreadyClosed);
    ctx.db
      .prepare(`INSERT INTO review_expected (campaign_id, member_id, organization_id) SELECT @campaign, member_id, organization_id FROM (${expectedSql({ ...before, status: '进行中' })})`)
      .run({ campaign: id, scope: JSON.stringify(scopeOrganizationIds(ctx, id)) });
    ctx.db.prepare("UPDATE review_campaigns SET status = '已结束', closed_at = ?, updated_at = ? WHERE id = ?").run(nowIso(ctx), nowIso(ctx), id);
    const after = getCampaign(ctx, id);
    recordAudit(ctx, { entity: 'review_campaign', entityId: id, action: 'close', summary: after.title, before, after });
    return after;
  });
}
