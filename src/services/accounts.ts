/** 网络账号/群组: register for a member, edit, close (注销 with date and reason — never deleted). */
import type { HandlerInput } from '../contract/contract.js';
import type { AccountCreate, AccountFields, AccountUpdate } from '../contract/accounts.js';
import type { Account } from '../contract/accounts.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import { isOverdue } from '../domain/filingRules.js';
import { normalizeText, optionalText } from '../domain/text.js';
import { msg } from '../i18n/messages.js';
import { refreshAccount } from './accountState.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, today, type ServiceContext } from './context.js';
import { getMember } from './members.js';
import { platformKnown } from './settings.js';

export interface AccountDbRow {
  id: number;
  member_id: number;
  organization_id: number;
  platform: string;
  region: Account['region'];
  capacity: Account['capacity'];
  kind: Account['kind'];
  display_name: string;
  account_ref: string | null;
  opened_on: string | null;
  verified_subject: string | null;
  audience: number | null;
  audience_as_of: string | null;
  main_content: string | null;
  supervisor: string | null;
  administrator: string | null;
  notes: string | null;
  status: Account['status'];
  closed_on: string | null;
  closed_reason: string | null;
  required_filing: Account['requiredFiling'];
  filing_state: Account['filingState'];
  due_on: string | null;
  created_at: string;
  updated_at: string;
}

export function toAccount(r: AccountDbRow, todayIso: string): Account {
  return {
    id: r.id,
    memberId: r.member_id,
    organizationId: r.organization_id,
    platform: r.platform,
    region: r.region,
    capacity: r.capacity,
    kind: r.kind,
    displayName: r.display_name,
    accountRef: r.account_ref,
    openedOn: r.opened_on,
    verifiedSubject: r.verified_subject,
    audience: r.audience,
    audienceAsOf: r.audience_as_of,
    mainContent: r.main_content,
    supervisor: r.supervisor,
    administrator: r.administrator,
    notes: r.notes,
    status: r.status,
    closedOn: r.closed_on,
    closedReason: r.closed_reason,
    requiredFiling: r.required_filing,
    filingState: r.filing_state,
    dueOn: r.due_on,
    overdue: isOverdue(r.filing_state, r.due_on, todayIso),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findAccountRow(ctx: ServiceContext, id: number): AccountDbRow {
  const row = ctx.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountDbRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.account.notFound, { id });
  return row;
}

export function getAccount(ctx: ServiceContext, id: number): Account {
  return toAccount(findAccountRow(ctx, id), today(ctx));
}

export function accountColumns(ctx: ServiceContext, input: AccountFields) {
  const platform = normalizeText(input.platform);
  if (!platformKnown(ctx, platform)) throw fieldError('platform', msg.account.unknownPlatform(platform));
  const openedOn = input.openedOn ?? null;
  if (openedOn && openedOn > today(ctx)) throw fieldError('openedOn', msg.date.future);
  const audience = input.audience ?? null;
  if (input.audienceAsOf && audience === null) throw fieldError('audience', msg.account.audienceAsOfWithout);
  return {
    platform,
    region: input.region,
    capacity: input.capacity,
    kind: input.kind,
    display_name: normalizeText(input.displayName),
    account_ref: optionalText(input.accountRef),
    opened_on: openedOn,
    verified_subject: optionalText(input.verifiedSubject),
    audience,
    audience_as_of: input.audienceAsOf ?? null,
    main_content: optionalText(input.mainContent),
    supervisor: optionalText(input.supervisor),
    administrator: optionalText(input.administrator),
    notes: optionalText(input.notes),
  };
}

export function assertNotDuplicate(ctx: ServiceContext, memberId: number, cols: ReturnType<typeof accountColumns>, exceptId: number) {
  const clash = ctx.db
    .prepare(
      `SELECT display_name FROM accounts WHERE member_id = ? AND platform = ? AND id <> ? AND status <> '已注销'
       AND (display_name = ? OR (account_ref IS NOT NULL AND account_ref = ?))`,
    )
    .get(memberId, cols.platform, exceptId, cols.display_name, cols.account_ref) as { display_name: string } | undefined;
  if (clash) throw fieldError('displayName', msg.account.duplicate(clash.display_name));
}

/** Inserts a validated account and derives its filing columns; the caller records the audit entry. */
export function insertAccount(ctx: ServiceContext, memberId: number, organizationId: number, cols: ReturnType<typeof accountColumns>): number {
  const at = nowIso(ctx);
  const row = { ...cols, member_id: memberId, organization_id: organizationId, created_at: at, updated_at: at };
  const names = Object.keys(row);
  const info = ctx.db
    .prepare(`INSERT INTO accounts (${names.join(', ')}) VALUES (${names.map((c) => '@' + c).join(', ')})`)
    .run(row);
  const id = Number(info.lastInsertRowid);
  refreshAccount(ctx, id);
  return id;
}

export function createAccount(ctx: ServiceContext, input: AccountCreate): Account {
  return inTransaction(ctx, () => {
    const member = getMember(ctx, input.memberId);
    if (member.status !== '在册') throw fieldError('memberId', msg.account.memberNotActive(member.status));
    const cols = accountColumns(ctx, input);
    assertNotDuplicate(ctx, member.id, cols, 0);
    const created = getAccount(ctx, insertAccount(ctx, member.id, member.organizationId, cols));
    recordAudit(ctx, { entity: 'account', entityId: created.id, action: 'create', summary: `${member.name}：${created.platform}「${created.displayName}」`, after: created });
    return created;
  });
}

export function updateAccount(ctx: ServiceContext, input: AccountUpdate): Account {
  return inTransaction(ctx, () => {
    const before = getAccount(ctx, input.id);
    if (before.status === '已注销') throw new LedgerError('CONFLICT', msg.account.closedNoEdit);
    const cols = accountColumns(ctx, input);
    assertNotDuplicate(ctx, before.memberId, cols, input.id);
    const day = input.changedOn ?? today(ctx);
    if (day > today(ctx)) throw fieldError('changedOn', msg.date.future);
    const last = (ctx.db.prepare('SELECT max(on_date) AS day FROM account_events WHERE account_id = ?').get(input.id) as { day: string }).day;
    const earliest = cols.opened_on && cols.opened_on > last ? cols.opened_on : last;
    if (day < earliest) throw fieldError('changedOn', msg.account.changedBeforeLast(earliest));
    const assignments = Object.keys(cols).map((c) => `${c} = @${c}`);
    const lastEvent = (ctx.db.prepare('SELECT max(id) AS id FROM account_events WHERE account_id = ?').get(input.id) as { id: number }).id;
    ctx.db.prepare(`UPDATE accounts SET ${assignments.join(', ')}, updated_at = @updated_at WHERE id = @id`).run({ ...cols, updated_at: nowIso(ctx), id: input.id });
    // The version the edit recorded (when it changed what a figure reads) holds from the edit's own day, as a handover's does.
    ctx.db.prepare('UPDATE account_events SET on_date = ? WHERE account_id = ? AND id > ?').run(day, input.id, lastEvent);
    refreshAccount(ctx, input.id);
    const after = getAccount(ctx, input.id);
    recordAudit(ctx, { entity: 'account', entityId: input.id, action: 'update', summary: `${after.platform}「${after.displayName}」`, before, after });
    return after;
  });
}

export function closeAccount(ctx: ServiceContext, { id, closedOn, reason }: HandlerInput<'accounts.close'>): Account {
  return inTransaction(ctx, () => {
    const before = getAccount(ctx, id);
    if (before.status === '已注销') throw new LedgerError('CONFLICT', msg.account.alreadyClosed);
    if (closedOn > today(ctx)) throw fieldError('closedOn', msg.date.future);
    if (before.openedOn && closedOn < before.openedOn) throw fieldError('closedOn', msg.account.closedBeforeOpened);
    ctx.db
      .prepare("UPDATE accounts SET status = '已注销', closed_on = ?, closed_reason = ?, updated_at = ? WHERE id = ?")
      .run(closedOn, normalizeText(reason), nowIso(ctx), id);
    refreshAccount(ctx, id);
    const after = getAccount(ctx, id);
    recordAudit(ctx, { entity: 'account', entityId: id, action: 'close', summary: `${after.platform}「${after.displayName}」：${after.closedReason}`, before, after });
    return after;
  });
}
