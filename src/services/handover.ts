/**
 * Handover (交接): an account changes holder or administrator on a date — a change of filed fields, so an account
 * accepted before is 变更未报 until its 变更 is accepted (the one rule in domain/filingRules.ts) — and a member who
 * leaves (转出/退休/去世) hands over, closes or keeps each open account in the same transaction as the leave.
 */
import type { AccountDecision, AccountHandover, AccountHandoverInput, LeaveOutcome, MemberLeave } from '../contract/handover.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import { normalizeText, optionalText } from '../domain/text.js';
import { msg } from '../i18n/messages.js';
import { refreshAccount } from './accountState.js';
import { assertNotDuplicate, closeAccount, findAccountRow, getAccount, type AccountDbRow } from './accounts.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, today, type ServiceContext } from './context.js';
import { applyMemberStatus, checkStatusDate, getMember } from './members.js';

interface HandoverRow {
  id: number;
  account_id: number;
  kind: AccountHandover['kind'];
  on_date: string;
  from_member_id: number;
  from_member_name: string;
  to_member_id: number;
  to_member_name: string;
  from_administrator: string | null;
  to_administrator: string | null;
  note: string | null;
  member_left: AccountHandover['memberLeft'];
  actor: string;
  created_at: string;
}

const SELECT = `SELECT h.*, f.name AS from_member_name, t.name AS to_member_name
  FROM account_handovers h JOIN members f ON f.id = h.from_member_id JOIN members t ON t.id = h.to_member_id`;

function toHandover(r: HandoverRow): AccountHandover {
  return {
    id: r.id,
    accountId: r.account_id,
    kind: r.kind,
    onDate: r.on_date,
    fromMemberId: r.from_member_id,
    fromMemberName: r.from_member_name,
    toMemberId: r.to_member_id,
    toMemberName: r.to_member_name,
    fromAdministrator: r.from_administrator,
    toAdministrator: r.to_administrator,
    note: r.note,
    memberLeft: r.member_left,
    actor: r.actor,
    createdAt: r.created_at,
  };
}

/** An account's handovers, oldest first (shown on the account's page). */
export function accountHandovers(ctx: ServiceContext, accountId: number): AccountHandover[] {
  return (ctx.db.prepare(`${SELECT} WHERE h.account_id = ? ORDER BY h.on_date, h.id`).all(accountId) as HandoverRow[]).map(toHandover);
}

function insertHandover(ctx: ServiceContext, row: Omit<HandoverRow, 'id' | 'from_member_name' | 'to_member_name' | 'actor' | 'created_at'>): AccountHandover {
  const info = ctx.db
    .prepare(
      `INSERT INTO account_handovers (account_id, kind, on_date, from_member_id, to_member_id, from_administrator, to_administrator, note, member_left, actor, created_at)
       VALUES (@account_id, @kind, @on_date, @from_member_id, @to_member_id, @from_administrator, @to_administrator, @note, @member_left, @actor, @created_at)`,
    )
    .run({ ...row, actor: ctx.actor, created_at: nowIso(ctx) });
  return toHandover(ctx.db.prepare(`${SELECT} WHERE h.id = ?`).get(Number(info.lastInsertRowid)) as HandoverRow);
}

interface Change {
  onDate: string;
  /** Undefined: the holder stays. */
  toMemberId?: number;
  /** Undefined: the administrator stays; null clears it. */
  administrator?: string | null;
  note: string | null;
  memberLeft: AccountHandover['memberLeft'];
  /** Field names for refusals: the form's own, or the leave's decision it came from. */
  field: (name: string) => string;
}

/** An entry of the account's history (移交 or 保留) is dated within it: not ahead of today, its opening or its last entry. */
function assertDatedInHistory(ctx: ServiceContext, account: AccountDbRow, onDate: string, field: string): void {
  if (onDate > today(ctx)) throw fieldError(field, msg.date.future);
  if (account.opened_on && onDate < account.opened_on) throw fieldError(field, msg.handover.beforeOpened);
  const last = ctx.db.prepare('SELECT max(on_date) AS d FROM account_handovers WHERE account_id = ?').get(account.id) as { d: string | null };
  if (last.d && onDate < last.d) throw fieldError(field, msg.handover.beforeLast(last.d));
}

function handOver(ctx: ServiceContext, account: AccountDbRow, c: Change): AccountHandover {
  if (account.status === '已注销') throw new LedgerError('CONFLICT', msg.account.closedNoEdit);
  assertDatedInHistory(ctx, account, c.onDate, c.field('onDate'));
  // A filing awaiting review describes the present holder: accepted after the handover it would register the new
  // holder on the old holder's declaration. Decide it first.
  if (ctx.db.prepare("SELECT 1 FROM filings WHERE account_id = ? AND state = '待审核'").get(account.id)) {
    throw new LedgerError('CONFLICT', msg.handover.pendingFiling);
  }
  const toMemberId = c.toMemberId ?? account.member_id;
  const administrator = c.administrator === undefined ? account.administrator : optionalText(c.administrator);
  if (c.toMemberId !== undefined && c.toMemberId === account.member_id) throw fieldError(c.field('toMemberId'), msg.handover.sameOwner);
  if (toMemberId === account.member_id && administrator === account.administrator) throw new LedgerError('CONFLICT', msg.handover.nothingChanges);
  const owner = getMember(ctx, toMemberId);
  if (owner.status !== '在册') throw fieldError(c.field('toMemberId'), msg.account.memberNotActive(owner.status));
  if (toMemberId !== account.member_id) assertNotDuplicate(ctx, toMemberId, account, account.id);
  const before = getAccount(ctx, account.id);
  // The account follows its holder's organization, as it does when a member moves (followMemberOrganization).
  ctx.db
    .prepare('UPDATE accounts SET member_id = ?, organization_id = ?, administrator = ?, updated_at = ? WHERE id = ?')
    .run(toMemberId, owner.organizationId, administrator, nowIso(ctx), account.id);
  // The version this change recorded (account_events) holds from the handover's own day, not the day it was typed in.
  ctx.db.prepare('UPDATE account_events SET on_date = ? WHERE id = (SELECT max(id) FROM account_events WHERE account_id = ?)').run(c.onDate, account.id);
  refreshAccount(ctx, account.id);
  const handover = insertHandover(ctx, {
    account_id: account.id,
    kind: '移交',
    on_date: c.onDate,
    from_member_id: account.member_id,
    to_member_id: toMemberId,
    from_administrator: account.administrator,
    to_administrator: administrator,
    note: c.note,
    member_left: c.memberLeft,
  });
  const what = [
    toMemberId !== account.member_id ? msg.handover.summary.owner(handover.fromMemberName, handover.toMemberName) : null,
    administrator !== account.administrator ? msg.handover.summary.administrator(account.administrator, administrator) : null,
  ].filter(Boolean);
  recordAudit(ctx, {
    entity: 'account',
    entityId: account.id,
    action: 'handover',
    summary: `${account.platform}「${account.display_name}」：${what.join('，')}`,
    before,
    after: { ...getAccount(ctx, account.id), handover },
  });
  return handover;
}

export function handoverAccount(ctx: ServiceContext, input: AccountHandoverInput): AccountHandover {
  return inTransaction(ctx, () =>
    handOver(ctx, findAccountRow(ctx, input.id), {
      onDate: input.onDate,
      toMemberId: input.toMemberId,
      administrator: input.administrator,
      note: optionalText(input.note),
      memberLeft: null,
      field: (name) => name,
    }),
  );
}

/** Every open account of the member has exactly one decision, and every decision is about one of them. */
function checkDecisions(ctx: ServiceContext, memberId: number, decisions: AccountDecision[]): Map<number, AccountDbRow> {
  const open = new Map((ctx.db.prepare("SELECT * FROM accounts WHERE member_id = ? AND status <> '已注销' ORDER BY id").all(memberId) as AccountDbRow[]).map((a) => [a.id, a]));
  const ids = decisions.map((d) => d.accountId);
  if (new Set(ids).size !== ids.length) throw new LedgerError('VALIDATION', msg.handover.decisionsDuplicate);
  if (ids.some((id) => !open.has(id))) throw new LedgerError('CONFLICT', msg.handover.decisionsForeign);
  const missing = [...open.values()].filter((a) => !ids.includes(a.id));
  if (missing.length > 0) {
    throw new LedgerError('VALIDATION', msg.handover.decisionsMissing(missing.map((a) => `${a.platform}「${a.display_name}」`).join('、')), {
      accountIds: missing.map((a) => a.id),
    });
  }
  return open;
}

export function leaveMember(ctx: ServiceContext, input: MemberLeave): LeaveOutcome {
  return inTransaction(ctx, () => {
    const member = getMember(ctx, input.id);
    if (member.status !== '在册') throw new LedgerError('CONFLICT', msg.handover.alreadyLeft(member.status));
    // Checked before any account is handed over or closed on that date.
    checkStatusDate(ctx, member.id, input.date);
    const open = checkDecisions(ctx, member.id, input.accounts);
    const outcome: LeaveOutcome = { memberId: member.id, status: input.status, handedOver: [], closed: [], kept: [] };
    input.accounts.forEach((d, i) => {
      const field = (name: string) => `accounts.${i}.${name}`;
      const account = open.get(d.accountId)!;
      if (d.action === '移交') {
        if (d.toMemberId === member.id) throw fieldError(field('toMemberId'), msg.handover.toLeaver);
        handOver(ctx, account, { onDate: input.date, toMemberId: d.toMemberId, administrator: d.administrator, note: null, memberLeft: input.status, field });
        outcome.handedOver.push(account.id);
      } else if (d.action === '注销') {
        closeAccount(ctx, { id: account.id, closedOn: d.closedOn, reason: d.reason });
        outcome.closed.push(account.id);
      } else {
        assertDatedInHistory(ctx, account, input.date, 'date');
        const kept = insertHandover(ctx, {
          account_id: account.id,
          kind: '保留',
          on_date: input.date,
          from_member_id: member.id,
          to_member_id: member.id,
          from_administrator: account.administrator,
          to_administrator: account.administrator,
          note: normalizeText(d.note),
          member_left: input.status,
        });
        recordAudit(ctx, { entity: 'account', entityId: account.id, action: 'handover', summary: `${account.platform}「${account.display_name}」：${msg.handover.summary.keep(kept.note!)}`, after: kept });
        outcome.kept.push(account.id);
      }
    });
    const { before, after } = applyMemberStatus(ctx, member.id, input.status, input.date);
    recordAudit(ctx, {
      entity: 'member',
      entityId: member.id,
      action: 'leave',
      summary: msg.handover.summary.leave(member.name, input.status, outcome.handedOver.length, outcome.closed.length, outcome.kept.length),
      before,
      after: { ...after, accounts: input.accounts },
    });
    return outcome;
  });
}
