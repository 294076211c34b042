/** 党员干部: create, edit, change status (never deleted), move between organizations. */
import { may } from '../contract/access.js';
import { maskIdNumber, maskPhone } from '../domain/mask.js';
import type { HandlerInput } from '../contract/contract.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import type { MemberCreate, MemberFields, MemberUpdate } from '../contract/members.js';
import type { Member, MemberDetail } from '../contract/members.js';
import { addYears } from '../domain/dates.js';
import { parseIdNumber } from '../domain/idNumber.js';
import { normalizePhone } from '../domain/phone.js';
import { nameSearchKeys } from '../domain/pinyin.js';
import { normalizeText, optionalText, reverse } from '../domain/text.js';
import type { MemberStatus } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { presentSince, rebuildMemberPeriods } from './registerAsOf.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, statement, today, type ServiceContext } from './context.js';
import { findOrganizationRow } from './organizations.js';

export interface MemberDbRow {
  id: number;
  name: string;
  gender: Member['gender'];
  id_number: string;
  birth_date: string;
  organization_id: number;
  work_unit: string | null;
  position: string | null;
  rank: Member['rank'];
  party_status: Member['partyStatus'];
  phone: string | null;
  status: MemberStatus;
  status_date: string | null;
  joined_on: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

const ORGANIZATION_FIELD = { name: 'organizationId', message: msg.organization.notFound };

export function toMember(r: MemberDbRow): Member {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    idNumber: r.id_number,
    birthDate: r.birth_date,
    organizationId: r.organization_id,
    workUnit: r.work_unit,
    position: r.position,
    rank: r.rank,
    partyStatus: r.party_status,
    phone: r.phone,
    status: r.status,
    statusDate: r.status_date,
    joinedOn: r.joined_on,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getMember(ctx: ServiceContext, id: number): Member {
  const row = ctx.db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberDbRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.member.notFound, { id });
  return toMember(row);
}

export function memberDetail(ctx: ServiceContext, { id }: HandlerInput<'members.get'>): MemberDetail {
  const member = getMember(ctx, id);
  const org = findOrganizationRow(ctx, member.organizationId);
  const ancestorIds = org.tree_path.split('/').filter(Boolean).map(Number);
  const names = new Map(
    (
      ctx.db
        .prepare(`SELECT id, full_name FROM organizations WHERE id IN (${ancestorIds.map(() => '?').join(',')})`)
        .all(...ancestorIds) as { id: number; full_name: string }[]
    ).map((o) => [o.id, o.full_name]),
  );
  const now = today(ctx);
  let age = Number(now.slice(0, 4)) - Number(member.birthDate.slice(0, 4));
  if (now.slice(5) < member.birthDate.slice(5)) age--;
  // Whoever may edit the member sees the whole numbers (they are in the edit form); a 只读 operator sees them masked.
  const whole = may(ctx.caller ?? null, 'members.update');
  return {
    ...member,
    idNumber: whole ? member.idNumber : maskIdNumber(member.idNumber),
    phone: whole || !member.phone ? member.phone : maskPhone(member.phone),
    organizationName: org.full_name,
    organizationPath: ancestorIds.map((a) => names.get(a) ?? ''),
    age,
  };
}

/** Validates and normalises a member's own fields into columns; derived fields come from the ID number. */
/** `exceptId` null: the caller has already looked the ID number up itself (the import, once per row). */
export function memberColumns(ctx: ServiceContext, input: MemberFields, exceptId: number | null) {
  const name = normalizeText(input.name);
  if (!name) throw fieldError('name', msg.member.nameRequired);
  const parsed = parseIdNumber(normalizeText(input.idNumber), today(ctx));
  if (!parsed.ok) throw fieldError('idNumber', parsed.reason);
  const owner = exceptId === null ? undefined : (statement(ctx, 'SELECT name FROM members WHERE id_number = ? AND id <> ?')
    .get(parsed.value.idNumber, exceptId) as { name: string } | undefined);
  if (owner) throw new LedgerError('CONFLICT', msg.idNumber.duplicate(owner.name), { fields: { idNumber: msg.idNumber.duplicate(owner.name) } });
  let phone: string | null = null;
  if (optionalText(input.phone)) {
    phone = normalizePhone(input.phone!);
    if (!phone) throw fieldError('phone', msg.phone.format);
  }
  const joinedOn = input.joinedOn ?? null;
  if (joinedOn && joinedOn < addYears(parsed.value.birthDate, 18)) throw fieldError('joinedOn', msg.member.joinedBefore18);
  if (joinedOn && joinedOn > today(ctx)) throw fieldError('joinedOn', msg.date.future);
  const keys = nameSearchKeys(name);
  return {
    name,
    gender: parsed.value.gender,
    id_number: parsed.value.idNumber,
    id_number_rev: reverse(parsed.value.idNumber),
    birth_date: parsed.value.birthDate,
    work_unit: optionalText(input.workUnit),
    position: optionalText(input.position),
    rank: input.rank ?? null,
    party_status: input.partyStatus,
    phone,
    phone_rev: phone ? reverse(phone) : null,
    joined_on: joinedOn,
    notes: optionalText(input.notes),
    name_initials: keys.initials,
    name_pinyin: keys.full,
  };
}

export function createMember(ctx: ServiceContext, input: MemberCreate): Member {
  return inTransaction(ctx, () => {
    findOrganizationRow(ctx, input.organizationId, ORGANIZATION_FIELD);
    const created = getMember(ctx, insertMember(ctx, memberColumns(ctx, input, 0), input.organizationId));
    recordAudit(ctx, { entity: 'member', entityId: created.id, action: 'create', summary: created.name, after: created });
    return created;
  });
}

/** Inserts a validated member 在册 and returns its id; the caller records the audit entry. */
export function insertMember(ctx: ServiceContext, columns: ReturnType<typeof memberColumns>, organizationId: number): number {
  const at = nowIso(ctx);
  const row = { ...columns, organization_id: organizationId, status: '在册', created_at: at, updated_at: at };
  const names = Object.keys(row);
  const info = ctx.db
    .prepare(`INSERT INTO members (${names.join(', ')}) VALUES (${names.map((c) => '@' + c).join(', ')})`)
    .run(row);
  return Number(info.lastInsertRowid);
}

export function updateMember(ctx: ServiceContext, input: MemberUpdate): Member {
  return inTransaction(ctx, () => {
    const before = getMember(ctx, input.id);
    const fields = memberColumns(ctx, input, input.id);
    const assignments = Object.keys(fields).map((c) => `${c} = @${c}`);
    ctx.db
      .prepare(`UPDATE members SET ${assignments.join(', ')}, updated_at = @updated_at WHERE id = @id`)
      .run({ ...fields, updated_at: nowIso(ctx), id: input.id });
    const after = getMember(ctx, input.id);
    if (after.joinedOn !== before.joinedOn) rebuildMemberPeriods(ctx, input.id);
    recordAudit(ctx, { entity: 'member', entityId: input.id, action: 'update', summary: after.name, before, after });
    return after;
  });
}

/**
 * The earliest day a change of the member can be dated: not before they are 在册 (member_periods) nor before their
 * last move or status change, so a dated move never reorders what the register already knows. Their entry is no
 * bound: a member of a 名册 imported today may be known to have moved last year, their 入党日期 being older.
 */
function earliestChange(ctx: ServiceContext, id: number): string {
  return (
    statement(
      ctx,
      `SELECT max((SELECT min(valid_from) FROM member_periods WHERE member_id = @id),
                  coalesce((SELECT max(on_date) FROM member_events WHERE member_id = @id
                              AND id > (SELECT min(id) FROM member_events WHERE member_id = @id)), '')) AS day`,
    ).get({ id }) as { day: string }
  ).day;
}

export function moveMember(ctx: ServiceContext, { id, organizationId, onDate }: HandlerInput<'members.move'>): Member {
  return inTransaction(ctx, () => {
    const before = getMember(ctx, id);
    const target = findOrganizationRow(ctx, organizationId, ORGANIZATION_FIELD);
    if (before.organizationId === organizationId) throw new LedgerError('CONFLICT', msg.member.sameOrganization);
    const day = onDate ?? today(ctx);
    if (day > today(ctx)) throw fieldError('onDate', msg.date.future);
    const earliest = earliestChange(ctx, id);
    if (day < earliest) throw fieldError('onDate', msg.member.moveBeforeLast(earliest));
    const from = findOrganizationRow(ctx, before.organizationId);
    ctx.db
      .prepare('UPDATE members SET organization_id = ?, updated_at = ? WHERE id = ?')
      .run(organizationId, nowIso(ctx), id);
    // The event the trigger recorded is dated by the day typed; it holds from the move's own day (member_periods
    // follow through migration 0017's trigger), before the accounts' periods are rebuilt from it.
    statement(ctx, 'UPDATE member_events SET on_date = ? WHERE id = (SELECT max(id) FROM member_events WHERE member_id = ?)').run(day, id);
    followMemberOrganization(ctx, id, organizationId);
    const after = getMember(ctx, id);
    recordAudit(ctx, {
      entity: 'member',
      entityId: id,
      action: 'move',
      summary: `${after.name}：${from.full_name} → ${target.full_name}`,
      before,
      after,
    });
    return after;
  });
}

export function changeMemberStatus(ctx: ServiceContext, { id, status, date = null }: HandlerInput<'members.changeStatus'>): Member {
  return inTransaction(ctx, () => {
    // A member who leaves with open accounts says what becomes of each (members.leave, src/services/handover.ts);
    // one who already left (退休 → 去世) keeps what was decided then.
    const leaving = status !== '在册' && getMember(ctx, id).status === '在册';
    const open = leaving ? (ctx.db.prepare("SELECT count(*) AS n FROM accounts WHERE member_id = ? AND status <> '已注销'").get(id) as { n: number }).n : 0;
    if (open > 0) throw new LedgerError('CONFLICT', msg.handover.openAccounts(open));
    const { before, after } = applyMemberStatus(ctx, id, status, date ?? today(ctx));
    recordAudit(ctx, {
      entity: 'member',
      entityId: id,
      action: 'status',
      summary: `${after.name}：${before.status} → ${status}`,
      before,
      after,
    });
    return after;
  });
}

/** A status change's date: not in the future, nor before the member is 在册 or their last change (earliestChange). */
export function checkStatusDate(ctx: ServiceContext, id: number, when: string): void {
  if (when > today(ctx)) throw fieldError('date', msg.date.future);
  const earliest = earliestChange(ctx, id);
  if (when < earliest) throw fieldError('date', msg.member.statusBeforeLast(earliest));
}

/** Sets the status and its date; the caller checks what must come with it and records the audit entry. */
export function applyMemberStatus(ctx: ServiceContext, id: number, status: MemberStatus, when: string): { before: Member; after: Member } {
  const before = getMember(ctx, id);
  if (before.status === status) throw new LedgerError('CONFLICT', msg.member.statusUnchanged(status));
  checkStatusDate(ctx, id, when);
  const since = presentSince(ctx, id);
  ctx.db
    .prepare('UPDATE members SET status = ?, status_date = ?, updated_at = ? WHERE id = ?')
    .run(status, status === '在册' ? null : when, nowIso(ctx), id);
  // A re-entry keeps no status_date, so the trigger dated its event by the day recorded: it holds from the date given.
  statement(ctx, 'UPDATE member_events SET on_date = ? WHERE id = (SELECT max(id) FROM member_events WHERE member_id = ?)').run(when, id);
  // The accounts count from their holder's presence start: a leave on that very day or a return after one moves it.
  if (presentSince(ctx, id) !== since) rebuildMemberPeriods(ctx, id);
  return { before, after: getMember(ctx, id) };
}

/** A member moved: their accounts follow, so organization scopes and the dashboard stay right. */
export function followMemberOrganization(ctx: ServiceContext, memberId: number, organizationId: number): void {
  ctx.db.prepare('UPDATE accounts SET organization_id = ? WHERE member_id = ?').run(organizationId, memberId);
  rebuildMemberPeriods(ctx, memberId);
}
