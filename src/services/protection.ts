/**
 * 保护支持 (Article 10 ¶2): a member attacked online for correct positions; the measures the organization
 * took (several, each dated), and the case closed (处理中 → 已办结) with its outcome.
 */
import type { HandlerInput } from '../contract/contract.js';
import type { ProtectionCreate, ProtectionList, ProtectionMeasureInput } from '../contract/protection.js';
import type { ProtectionCase, ProtectionMeasureRecord } from '../contract/protection.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import { normalizeText, optionalText } from '../domain/text.js';
import { groupBy } from '../domain/groupBy.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, today, type ServiceContext } from './context.js';
import { getMember } from './members.js';
import { organizationScope } from './organizations.js';
import { whereSql, type Clause } from './paging.js';

interface CaseRow {
  id: number;
  member_id: number;
  member_name: string;
  organization_id: number;
  organization_name: string;
  attacked_on: string;
  platform: string | null;
  description: string;
  handled_by: string | null;
  status: ProtectionCase['status'];
  outcome: string | null;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT p.*, m.name AS member_name, m.organization_id, o.full_name AS organization_name
  FROM protection_cases p JOIN members m ON m.id = p.member_id JOIN organizations o ON o.id = m.organization_id`;

function measuresOf(ctx: ServiceContext, caseIds: number[]): Map<number, ProtectionMeasureRecord[]> {
  const rows = ctx.db
    .prepare('SELECT * FROM protection_measures WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY taken_on, id')
    .all(JSON.stringify(caseIds)) as { id: number; case_id: number; measure: ProtectionMeasureRecord['measure']; taken_on: string; taken_by: string | null; notes: string | null }[];
  return new Map(
    [...groupBy(rows, (r) => r.case_id)].map(([id, list]) => [
      id,
      list.map((r) => ({ id: r.id, measure: r.measure, takenOn: r.taken_on, takenBy: r.taken_by, notes: r.notes })),
    ]),
  );
}

function toCase(r: CaseRow, measures: ProtectionMeasureRecord[]): ProtectionCase {
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    attackedOn: r.attacked_on,
    platform: r.platform,
    description: r.description,
    handledBy: r.handled_by,
    status: r.status,
    outcome: r.outcome,
    closedOn: r.closed_on,
    measures,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function getProtectionCase(ctx: ServiceContext, id: number): ProtectionCase {
  const row = ctx.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as CaseRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.protection.notFound, { id });
  return toCase(row, measuresOf(ctx, [id]).get(id) ?? []);
}

function openCase(ctx: ServiceContext, id: number): ProtectionCase {
  const c = getProtectionCase(ctx, id);
  if (c.status === '已办结') throw new LedgerError('CONFLICT', msg.protection.closed);
  return c;
}

function dated(ctx: ServiceContext, field: string, date: string, attackedOn: string) {
  if (date > today(ctx)) throw fieldError(field, msg.date.future);
  if (date < attackedOn) throw fieldError(field, msg.protection.beforeAttack);
}

export function createProtectionCase(ctx: ServiceContext, input: ProtectionCreate): ProtectionCase {
  return inTransaction(ctx, () => {
    const member = getMember(ctx, input.memberId);
    if (input.attackedOn > today(ctx)) throw fieldError('attackedOn', msg.date.future);
    const at = nowIso(ctx);
    const info = ctx.db
      .prepare('INSERT INTO protection_cases (member_id, attacked_on, platform, description, handled_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(member.id, input.attackedOn, optionalText(input.platform), normalizeText(input.description), optionalText(input.handledBy), at, at);
    const created = getProtectionCase(ctx, Number(info.lastInsertRowid));
    recordAudit(ctx, { entity: 'protection_case', entityId: created.id, action: 'create', summary: `${member.name}（${created.attackedOn}）`, after: created });
    return created;
  });
}

export function addProtectionMeasure(ctx: ServiceContext, input: ProtectionMeasureInput): ProtectionCase {
  return inTransaction(ctx, () => {
    const before = openCase(ctx, input.caseId);
    dated(ctx, 'takenOn', input.takenOn, before.attackedOn);
    ctx.db
      .prepare('INSERT INTO protection_measures (case_id, measure, taken_on, taken_by, notes, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.caseId, input.measure, input.takenOn, optionalText(input.takenBy), optionalText(input.notes), nowIso(ctx));
    ctx.db.prepare('UPDATE protection_cases SET updated_at = ? WHERE id = ?').run(nowIso(ctx), input.caseId);
    const after = getProtectionCase(ctx, input.caseId);
    recordAudit(ctx, { entity: 'protection_case', entityId: input.caseId, action: 'measure', summary: `${after.memberName}：${input.measure}`, before, after });
    return after;
  });
}

export function closeProtectionCase(ctx: ServiceContext, { id, closedOn, outcome }: HandlerInput<'protection.close'>): ProtectionCase {
  return inTransaction(ctx, () => {
    const before = openCase(ctx, id);
    if (before.measures.length === 0) throw new LedgerError('CONFLICT', msg.protection.noMeasures);
    dated(ctx, 'closedOn', closedOn, before.attackedOn);
    ctx.db
      .prepare("UPDATE protection_cases SET status = '已办结', closed_on = ?, outcome = ?, updated_at = ? WHERE id = ?")
      .run(closedOn, normalizeText(outcome), nowIso(ctx), id);
    const after = getProtectionCase(ctx, id);
    recordAudit(ctx, { entity: 'protection_case', entityId: id, action: 'close', summary: `${after.memberName}：${after.outcome}`, before, after });
    return after;
  });
}

export function listProtectionCases(ctx: ServiceContext, query: ProtectionList): ProtectionCase[] {
  const where: Clause[] = [];
  if (query.organizationId !== undefined) where.push(organizationScope(ctx, 'm.organization_id', query.organizationId));
  if (query.memberId !== undefined) where.push({ sql: 'p.member_id = ?', params: [query.memberId] });
  if (query.status) where.push({ sql: 'p.status = ?', params: [query.status] });
  if (query.from) where.push({ sql: 'p.attacked_on >= ?', params: [query.from] });
  if (query.to) where.push({ sql: 'p.attacked_on <= ?', params: [query.to] });
  const w = whereSql(where);
  const rows = ctx.db.prepare(`${SELECT} ${w.sql} ORDER BY p.status = '已办结', p.attacked_on DESC, p.id DESC LIMIT ?`).all(...w.params, query.limit) as CaseRow[];
  const measures = measuresOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => toCase(r, measures.get(r.id) ?? []));
}

export function openProtectionCount(ctx: ServiceContext, scope: Clause | null): number {
  const w = whereSql([{ sql: "p.status = '处理中'", params: [] }, ...(scope ? [scope] : [])]);
  return (ctx.db.prepare(`SELECT count(*) AS n FROM protection_cases p JOIN members m ON m.id = p.member_id ${w.sql}`).get(...w.params) as { n: number }).n;
}
