/** 以单位名义发布信息请示 (Article 3 ¶3): register a request, decide it once, record publication. */
import type { HandlerInput } from '../contract/contract.js';
import type { RequestCreate, RequestList } from '../contract/requests.js';
import type { PublicationRequest } from '../contract/requests.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import { normalizeText, optionalText } from '../domain/text.js';
import type { Decision } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { findAccountRow } from './accounts.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, today, type ServiceContext } from './context.js';
import { getMember } from './members.js';
import { findOrganizationRow, organizationScope, subtreeOrganizationIds } from './organizations.js';
import { whereSql, type Clause } from './paging.js';

interface RequestRow {
  id: number;
  organization_id: number;
  organization_name: string;
  requester_id: number | null;
  requester_name: string;
  unit: string | null;
  channel: string | null;
  account_id: number | null;
  title: string;
  summary: string | null;
  requested_on: string;
  decided_by: string | null;
  decided_on: string | null;
  decision: Decision | null;
  published_on: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT r.*, o.full_name AS organization_name FROM publication_requests r JOIN organizations o ON o.id = r.organization_id`;

function toRequest(r: RequestRow): PublicationRequest {
  return {
    id: r.id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    requesterId: r.requester_id,
    requesterName: r.requester_name,
    unit: r.unit,
    channel: r.channel,
    accountId: r.account_id,
    title: r.title,
    summary: r.summary,
    requestedOn: r.requested_on,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    decision: r.decision,
    publishedOn: r.published_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getRequest(ctx: ServiceContext, id: number): PublicationRequest {
  const row = ctx.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as RequestRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.request.notFound, { id });
  return toRequest(row);
}

function notAfterToday(ctx: ServiceContext, field: string, date: string) {
  if (date > today(ctx)) throw fieldError(field, msg.date.future);
}

/**
 * The account a request goes out on is one of the unit's registered accounts (its subtree's, accepted — or accepted
 * and changed since, 变更未报): a channel the unit has not filed is written as text instead.
 */
function unitAccount(ctx: ServiceContext, organizationId: number, accountId: number) {
  const account = findAccountRow(ctx, accountId);
  if (!subtreeOrganizationIds(ctx, organizationId).includes(account.organization_id)) throw fieldError('accountId', msg.request.accountOutsideUnit);
  if (account.filing_state !== '已登记' && account.filing_state !== '变更未报') throw fieldError('accountId', msg.request.accountNotRegistered(account.filing_state));
  return account;
}

export function createRequest(ctx: ServiceContext, input: RequestCreate): PublicationRequest {
  return inTransaction(ctx, () => {
    findOrganizationRow(ctx, input.organizationId);
    if (input.requesterId) getMember(ctx, input.requesterId);
    const account = input.accountId ? unitAccount(ctx, input.organizationId, input.accountId) : null;
    notAfterToday(ctx, 'requestedOn', input.requestedOn);
    const at = nowIso(ctx);
    const info = ctx.db
      .prepare(
        `INSERT INTO publication_requests (organization_id, requester_id, requester_name, unit, channel, account_id, title,
           summary, requested_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.organizationId,
        input.requesterId ?? null,
        normalizeText(input.requesterName),
        optionalText(input.unit),
        optionalText(input.channel) ?? (account ? `${account.platform}「${account.display_name}」` : null),
        account?.id ?? null,
        normalizeText(input.title),
        optionalText(input.summary),
        input.requestedOn,
        at,
        at,
      );
    const created = getRequest(ctx, Number(info.lastInsertRowid));
    recordAudit(ctx, { entity: 'publication_request', entityId: created.id, action: 'create', summary: created.title, after: created });
    return created;
  });
}

export function decideRequest(ctx: ServiceContext, { id, decision, decidedBy, decidedOn }: HandlerInput<'requests.decide'>): PublicationRequest {
  return inTransaction(ctx, () => {
    const before = getRequest(ctx, id);
    if (before.decision) throw new LedgerError('CONFLICT', msg.request.alreadyDecided);
    notAfterToday(ctx, 'decidedOn', decidedOn);
    if (decidedOn < before.requestedOn) throw fieldError('decidedOn', msg.request.decidedBeforeRequested);
    ctx.db
      .prepare('UPDATE publication_requests SET decision = ?, decided_by = ?, decided_on = ?, updated_at = ? WHERE id = ?')
      .run(decision, normalizeText(decidedBy), decidedOn, nowIso(ctx), id);
    const after = getRequest(ctx, id);
    recordAudit(ctx, { entity: 'publication_request', entityId: id, action: 'decide', summary: `${after.title}：${decision}`, before, after });
    return after;
  });
}

export function markPublished(ctx: ServiceContext, { id, publishedOn }: HandlerInput<'requests.published'>): PublicationRequest {
  return inTransaction(ctx, () => {
    const before = getRequest(ctx, id);
    if (before.decision !== '同意' && before.decision !== '修改后同意') throw new LedgerError('CONFLICT', msg.request.notApproved);
    if (before.publishedOn) throw new LedgerError('CONFLICT', msg.request.alreadyPublished);
    notAfterToday(ctx, 'publishedOn', publishedOn);
    if (publishedOn < before.decidedOn!) throw fieldError('publishedOn', msg.request.publishedBeforeDecided);
    ctx.db.prepare('UPDATE publication_requests SET published_on = ?, updated_at = ? WHERE id = ?').run(publishedOn, nowIso(ctx), id);
    const after = getRequest(ctx, id);
    recordAudit(ctx, { entity: 'publication_request', entityId: id, action: 'publish', summary: after.title, before, after });
    return after;
  });
}

export function listRequests(ctx: ServiceContext, query: RequestList): PublicationRequest[] {
  const where: Clause[] = [];
  if (query.organizationId !== undefined) where.push(organizationScope(ctx, 'r.organization_id', query.organizationId));
  if (query.from) where.push({ sql: 'r.requested_on >= ?', params: [query.from] });
  if (query.to) where.push({ sql: 'r.requested_on <= ?', params: [query.to] });
  const w = whereSql(where);
  return (ctx.db.prepare(`${SELECT} ${w.sql} ORDER BY r.requested_on DESC, r.id DESC LIMIT ?`).all(...w.params, query.limit) as RequestRow[]).map(toRequest);
}
