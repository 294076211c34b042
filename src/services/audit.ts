import type { AuditQuery } from '../contract/audit.js';
import type { AuditAction, AuditEntity, AuditEntry } from '../contract/audit.js';
import { may } from '../contract/access.js';
import { appendEntry, type ChangeLog } from '../db/auditChain.js';
import { maskIdNumber, maskPhone } from '../domain/mask.js';
import { msg } from '../i18n/messages.js';
import { nowIso, type ServiceContext } from './context.js';

interface AuditRecord {
  entity: AuditEntity;
  entityId: number | null;
  action: AuditAction;
  summary: string;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** A row changed by an import: kept with the import's entry, which the import appends when it commits. */
export function recordChange(changes: ChangeLog, record: AuditRecord & { entityId: number }): void {
  changes.add({ entity: record.entity, entity_id: record.entityId, action: record.action, summary: record.summary, before_json: json(record.before), after_json: json(record.after) });
}

/** Called inside the transaction of the change it describes, so a change never lands without its entry. */
export function recordAudit(ctx: ServiceContext, record: AuditRecord): void {
  appendEntry(ctx.db, {
    at: nowIso(ctx),
    actor: ctx.actor,
    entity: record.entity,
    entity_id: record.entityId,
    action: record.action,
    summary: record.summary,
    before_json: json(record.before),
    after_json: json(record.after),
  });
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: AuditEntity;
  entity_id: number | null;
  action: AuditAction;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

export function auditActors(ctx: ServiceContext): string[] {
  return ctx.db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[];
}

/** Before/after values as a reader who may not see whole numbers gets them: every ID number and phone masked. */
function masked(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return /idnumber/i.test(key) ? maskIdNumber(value) : /phone/i.test(key) ? maskPhone(value) : value;
  if (Array.isArray(value)) return value.map((v) => masked(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, k)]));
  return value;
}

const WITH_CHANGES = `(
  SELECT id, at, actor, entity, entity_id, action, summary, before_json, after_json FROM audit_log
  UNION ALL
  SELECT l.id, l.at, l.actor, c.entity, c.entity_id, c.action, c.summary, c.before_json, c.after_json
  FROM audit_changes c JOIN audit_log l ON l.id = c.audit_id
)`;

export function listAudit(ctx: ServiceContext, query: AuditQuery): AuditEntry[] {
  // As on the member's page: whoever may edit a member sees whole numbers; the stored entries (and the chain's
  // hashes over them) are untouched either way.
  const shown = may(ctx.caller ?? null, 'members.update') ? (v: unknown) => v : masked;
  const where: string[] = [];
  const params: unknown[] = [];
  // Local days, as the person picked them; entries are stored in UTC.
  const dayStart = (day: string, plusDays = 0) => new Date(new Date(`${day}T00:00:00`).getTime() + plusDays * 86_400_000).toISOString();
  for (const [sql, value] of [
    ['actor = ?', query.actor],
    ['action = ?', query.action],
    ['at >= ?', query.from && dayStart(query.from)],
    ['at < ?', query.to && dayStart(query.to, 1)],
  ] as const) {
    if (value) {
      where.push(sql);
      params.push(value);
    }
  }
  if (query.entity) {
    where.push('entity = ?');
    params.push(query.entity);
  }
  if (query.entityId !== undefined) {
    where.push('entity_id = ?');
    params.push(query.entityId);
  }
  if (query.beforeId !== undefined) {
    where.push('id < ?');
    params.push(query.beforeId);
  }
  // One record's history (a member's page) includes its changes by imports, dated and signed by the import's entry;
  // the whole log shows an import as its one entry.
  const source = query.entityId === undefined ? 'audit_log' : WITH_CHANGES;
  const rows = ctx.db
    .prepare(
      `SELECT * FROM ${source} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, query.limit) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    actionLabel: msg.audit.actions[r.action],
    summary: r.summary,
    before: r.before_json ? shown(JSON.parse(r.before_json)) : null,
    after: r.after_json ? shown(JSON.parse(r.after_json)) : null,
  }));
}
