/** 表彰激励 (Article 10 ¶1): one commendation for one or many members; edited; withdrawn (撤销), never deleted. */
import type { HandlerInput } from '../contract/contract.js';
import type { CommendationCreate, CommendationList, CommendationUpdate } from '../contract/commendations.js';
import type { Commendation, CommendedMember } from '../contract/commendations.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import { normalizeText, optionalText } from '../domain/text.js';
import { groupBy } from '../domain/groupBy.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, today, type ServiceContext } from './context.js';
import { organizationScope } from './organizations.js';
import { whereSql, type Clause } from './paging.js';

interface CommendationRow {
  id: number;
  kind: Commendation['kind'];
  honour_name: string;
  reason: string | null;
  approving_body: string | null;
  approving_level: string | null;
  document_number: string | null;
  commended_on: string;
  related_links: string | null;
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
  created_at: string;
  updated_at: string;
}

function membersOf(ctx: ServiceContext, ids: number[]): Map<number, CommendedMember[]> {
  const rows = ctx.db
    .prepare(
      `SELECT cm.commendation_id, cm.member_id, cm.position_at_time, m.name, m.organization_id, o.full_name
       FROM commendation_members cm JOIN members m ON m.id = cm.member_id JOIN organizations o ON o.id = m.organization_id
       WHERE cm.commendation_id IN (SELECT value FROM json_each(?)) ORDER BY m.name_pinyin`,
    )
    .all(JSON.stringify(ids)) as { commendation_id: number; member_id: number; position_at_time: string | null; name: string; organization_id: number; full_name: string }[];
  const groups = groupBy(rows, (r) => r.commendation_id);
  return new Map(
    [...groups].map(([id, list]) => [
      id,
      list.map((r) => ({ memberId: r.member_id, name: r.name, organizationId: r.organization_id, organizationName: r.full_name, positionAtTime: r.position_at_time })),
    ]),
  );
}

function toCommendation(r: CommendationRow, members: CommendedMember[]): Commendation {
  return {
    id: r.id,
    kind: r.kind,
    honourName: r.honour_name,
    reason: r.reason,
    approvingBody: r.approving_body,
    approvingLevel: r.approving_level,
    documentNumber: r.document_number,
    commendedOn: r.commended_on,
    relatedLinks: r.related_links,
    withdrawnOn: r.withdrawn_on,
    withdrawnReason: r.withdrawn_reason,
    members,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function getCommendation(ctx: ServiceContext, id: number): Commendation {
  const row = ctx.db.prepare('SELECT * FROM commendations WHERE id = ?').get(id) as CommendationRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.commendation.notFound, { id });
  return toCommendation(row, membersOf(ctx, [id]).get(id) ?? []);
}

function columns(ctx: ServiceContext, input: CommendationCreate) {
  if (input.commendedOn > today(ctx)) throw fieldError('commendedOn', msg.date.future);
  return {
    kind: input.kind,
    honour_name: normalizeText(input.honourName),
    reason: optionalText(input.reason),
    approving_body: optionalText(input.approvingBody),
    approving_level: input.approvingLevel ?? null,
    document_number: optionalText(input.documentNumber),
    commended_on: input.commendedOn,
    related_links: optionalText(input.relatedLinks),
  };
}

/** Replaces the commended members, recording each one's position at the time (奖惩时职务层次). */
function setMembers(ctx: ServiceContext, commendationId: number, memberIds: number[]): void {
  ctx.db.prepare('DELETE FROM commendation_members WHERE commendation_id = ?').run(commendationId);
  const insert = ctx.db.prepare('INSERT INTO commendation_members (commendation_id, member_id, position_at_time) VALUES (?, ?, ?)');
  for (const memberId of new Set(memberIds)) {
    const m = ctx.db.prepare('SELECT position FROM members WHERE id = ?').get(memberId) as { position: string | null } | undefined;
    if (!m) throw fieldError('memberIds', msg.commendation.memberNotFound(memberId));
    insert.run(commendationId, memberId, m.position);
  }
}

export function createCommendation(ctx: ServiceContext, input: CommendationCreate): Commendation {
  return inTransaction(ctx, () => {
    const cols = columns(ctx, input);
    const at = nowIso(ctx);
    const row = { ...cols, created_at: at, updated_at: at };
    const names = Object.keys(row);
    const info = ctx.db.prepare(`INSERT INTO commendations (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`).run(row);
    const id = Number(info.lastInsertRowid);
    setMembers(ctx, id, input.memberIds);
    const created = getCommendation(ctx, id);
    recordAudit(ctx, { entity: 'commendation', entityId: id, action: 'create', summary: `${created.honourName}（${created.members.map((m) => m.name).join('、')}）`, after: created });
    return created;
  });
}

export function updateCommendation(ctx: ServiceContext, input: CommendationUpdate): Commendation {
  return inTransaction(ctx, () => {
    const before = getCommendation(ctx, input.id);
    if (before.withdrawnOn) throw new LedgerError('CONFLICT', msg.commendation.withdrawn);
    const cols = columns(ctx, input);
    ctx.db
      .prepare(`UPDATE commendations SET ${Object.keys(cols).map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`)
      .run({ ...cols, updated_at: nowIso(ctx), id: input.id });
    setMembers(ctx, input.id, input.memberIds);
    const after = getCommendation(ctx, input.id);
    recordAudit(ctx, { entity: 'commendation', entityId: input.id, action: 'update', summary: after.honourName, before, after });
    return after;
  });
}

export function withdrawCommendation(ctx: ServiceContext, { id, withdrawnOn, reason }: HandlerInput<'commendations.withdraw'>): Commendation {
  return inTransaction(ctx, () => {
    const before = getCommendation(ctx, id);
    if (before.withdrawnOn) throw new LedgerError('CONFLICT', msg.commendation.withdrawn);
    if (withdrawnOn > today(ctx)) throw fieldError('withdrawnOn', msg.date.future);
    if (withdrawnOn < before.commendedOn) throw fieldError('withdrawnOn', msg.commendation.withdrawBeforeDate);
    ctx.db
      .prepare('UPDATE commendations SET withdrawn_on = ?, withdrawn_reason = ?, updated_at = ? WHERE id = ?')
      .run(withdrawnOn, normalizeText(reason), nowIso(ctx), id);
    const after = getCommendation(ctx, id);
    recordAudit(ctx, { entity: 'commendation', entityId: id, action: 'withdraw', summary: `${after.honourName}：${after.withdrawnReason}`, before, after });
    return after;
  });
}

export function listCommendations(ctx: ServiceContext, query: CommendationList): Commendation[] {
  const where: Clause[] = [];
  const memberFilter: Clause[] = [];
  if (query.organizationId !== undefined) memberFilter.push(organizationScope(ctx, 'm.organization_id', query.organizationId));
  if (query.memberId !== undefined) memberFilter.push({ sql: 'm.id = ?', params: [query.memberId] });
  if (memberFilter.length) {
    const w = whereSql(memberFilter);
    where.push({ sql: `c.id IN (SELECT cm.commendation_id FROM commendation_members cm JOIN members m ON m.id = cm.member_id ${w.sql})`, params: w.params });
  }
  if (query.kind) where.push({ sql: 'c.kind = ?', params: [query.kind] });
  if (query.from) where.push({ sql: 'c.commended_on >= ?', params: [query.from] });
  if (query.to) where.push({ sql: 'c.commended_on <= ?', params: [query.to] });
  if (!query.includeWithdrawn) where.push({ sql: 'c.withdrawn_on IS NULL', params: [] });
  const w = whereSql(where);
  const rows = ctx.db.prepare(`SELECT c.* FROM commendations c ${w.sql} ORDER BY c.commended_on DESC, c.id DESC LIMIT ?`).all(...w.params, query.limit) as CommendationRow[];
  const members = membersOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => toCommendation(r, members.get(r.id) ?? []));
}
