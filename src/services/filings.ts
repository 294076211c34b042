/**
 * 报告/备案/变更/注销 records and their workflow: submitted → 已登记 | 需补正 (with the organization's
 * opinion) → resubmitted … Every step is an event in the filing's history and an audit entry.
 */
import type { HandlerInput } from '../contract/contract.js';
import type { FilingSubmit } from '../contract/filings.js';
import type { Filing, FilingEvent, FilingQueueRow } from '../contract/filings.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import { allowedFilingTypes, nextFilingState, type FilingAction } from '../domain/filingRules.js';
import { optionalText } from '../domain/text.js';
import type { FilingType } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { currentFiledFields, refreshAccount } from './accountState.js';
import { findAccountRow, type AccountDbRow } from './accounts.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, today, type ServiceContext } from './context.js';
import { organizationScope } from './organizations.js';
import { whereSql, type Clause } from './paging.js';

export interface FilingDbRow {
  id: number;
  account_id: number;
  type: Filing['type'];
  submitted_on: string;
  received_by: string | null;
  state: Filing['state'];
  reviewer: string | null;
  reviewed_on: string | null;
  opinion: string | null;
  document_number: string | null;
  created_at: string;
  updated_at: string;
}

export function toFiling(r: FilingDbRow): Filing {
  return {
    id: r.id,
    accountId: r.account_id,
    type: r.type,
    submittedOn: r.submitted_on,
    receivedBy: r.received_by,
    state: r.state,
    reviewer: r.reviewer,
    reviewedOn: r.reviewed_on,
    opinion: r.opinion,
    documentNumber: r.document_number,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findFilingRow(ctx: ServiceContext, id: number): FilingDbRow {
  const row = ctx.db.prepare('SELECT * FROM filings WHERE id = ?').get(id) as FilingDbRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.filing.notFound, { id });
  return row;
}

function addEvent(ctx: ServiceContext, filingId: number, action: FilingEvent['action'], onDate: string, opinion: string | null) {
  ctx.db
    .prepare('INSERT INTO filing_events (filing_id, action, on_date, actor, opinion, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(filingId, action, onDate, ctx.actor, opinion, nowIso(ctx));
}

/** What may be filed for an account now, and if nothing, why — shown on the account and enforced on submit. */
export function filingOptions(ctx: ServiceContext, account: AccountDbRow): { allowed: FilingType[]; reason: string | null } {
  const counts = ctx.db
    .prepare(
      `SELECT sum(state IN ('待审核','需补正')) AS open, sum(state = '已登记') AS accepted FROM filings WHERE account_id = ?`,
    )
    .get(account.id) as { open: number | null; accepted: number | null };
  const hasOpenFiling = (counts.open ?? 0) > 0;
  const hasAccepted = (counts.accepted ?? 0) > 0;
  const allowed = allowedFilingTypes({ required: account.required_filing, status: account.status, hasOpenFiling, hasAccepted });
  if (allowed.length > 0) return { allowed, reason: null };
  if (hasOpenFiling) return { allowed, reason: msg.filing.open };
  if (account.status === '已注销') return { allowed, reason: msg.filing.closedWithoutFiling };
  return { allowed, reason: msg.filing.notNeeded };
}

function assertReviewDate(ctx: ServiceContext, filing: FilingDbRow, onDate: string, field: string) {
  if (onDate > today(ctx)) throw fieldError(field, msg.date.future);
  if (onDate < filing.submitted_on) throw fieldError(field, msg.filing.beforeSubmitted);
}

export function submitFiling(ctx: ServiceContext, input: FilingSubmit): Filing {
  return inTransaction(ctx, () => {
    const account = findAccountRow(ctx, input.accountId);
    const { allowed, reason } = filingOptions(ctx, account);
    if (reason) throw new LedgerError('CONFLICT', reason);
    if (!allowed.includes(input.type)) throw fieldError('type', msg.filing.typeNotAllowed(input.type, allowed.join('、')));
    if (input.submittedOn > today(ctx)) throw fieldError('submittedOn', msg.date.future);
    const at = nowIso(ctx);
    const info = ctx.db
      .prepare(
        `INSERT INTO filings (account_id, type, submitted_on, received_by, state, document_number, created_at, updated_at)
         VALUES (?, ?, ?, ?, '待审核', ?, ?, ?)`,
      )
      .run(account.id, input.type, input.submittedOn, optionalText(input.receivedBy) ?? ctx.actor, optionalText(input.documentNumber), at, at);
    const id = Number(info.lastInsertRowid);
    addEvent(ctx, id, '提交', input.submittedOn, null);
    refreshAccount(ctx, account.id);
    const created = toFiling(findFilingRow(ctx, id));
    recordAudit(ctx, { entity: 'filing', entityId: id, action: 'submit', summary: `「${account.display_name}」${input.type}`, after: created });
    return created;
  });
}

function transition(ctx: ServiceContext, id: number, action: FilingAction, onDate: string, opinion: string | null): Filing {
  const before = findFilingRow(ctx, id);
  const next = nextFilingState(before.state, action);
  if (!next) throw new LedgerError('CONFLICT', msg.filing.illegal(before.state, action));
  const account = findAccountRow(ctx, before.account_id);
  if (action === '重新提交') {
    if (onDate > today(ctx)) throw fieldError('submittedOn', msg.date.future);
    ctx.db.prepare('UPDATE filings SET state = ?, submitted_on = ?, updated_at = ? WHERE id = ?').run(next, onDate, nowIso(ctx), id);
  } else {
    if (action === '退回补正' && !opinion) throw fieldError('opinion', msg.filing.returnNeedsOpinion);
    assertReviewDate(ctx, before, onDate, 'reviewedOn');
    // The accepted snapshot is what later edits are compared with to find 变更未报.
    const snapshot = next === '已登记' ? JSON.stringify(currentFiledFields(account)) : null;
    ctx.db
      .prepare('UPDATE filings SET state = ?, reviewer = ?, reviewed_on = ?, opinion = ?, snapshot_json = ?, updated_at = ? WHERE id = ?')
      .run(next, ctx.actor, onDate, opinion, snapshot, nowIso(ctx), id);
  }
  addEvent(ctx, id, action, onDate, opinion);
  refreshAccount(ctx, before.account_id);
  const after = toFiling(findFilingRow(ctx, id));
  recordAudit(ctx, {
    entity: 'filing',
    entityId: id,
    action: action === '重新提交' ? 'resubmit' : 'review',
    summary: `「${account.display_name}」${before.type}：${action}`,
    before: toFiling(before),
    after,
  });
  return after;
}

export function reviewFiling(ctx: ServiceContext, { id, decision, reviewedOn, opinion }: HandlerInput<'filings.review'>): Filing {
  return inTransaction(ctx, () => transition(ctx, id, decision, reviewedOn, optionalText(opinion)));
}

export function resubmitFiling(ctx: ServiceContext, { id, submittedOn, opinion }: HandlerInput<'filings.resubmit'>): Filing {
  return inTransaction(ctx, () => transition(ctx, id, '重新提交', submittedOn, optionalText(opinion)));
}

/** Accepts several pending filings with one opinion: all of them or, if any is no longer pending, none. */
export function bulkAccept(ctx: ServiceContext, { ids, reviewedOn, opinion }: HandlerInput<'filings.bulkAccept'>): Filing[] {
  return inTransaction(ctx, () => {
    const unique = [...new Set(ids)];
    const notPending = unique.filter((id) => {
      const row = ctx.db.prepare('SELECT state FROM filings WHERE id = ?').get(id) as { state: string } | undefined;
      return row?.state !== '待审核';
    });
    if (notPending.length > 0) throw new LedgerError('CONFLICT', msg.filing.bulkNotPending(notPending.length), { ids: notPending });
    return unique.map((id) => transition(ctx, id, '登记', reviewedOn, optionalText(opinion)));
  });
}

export function filingQueue(ctx: ServiceContext, query: { organizationId?: number; states: ('待审核' | '需补正')[]; limit: number }): FilingQueueRow[] {
  const where: Clause[] = [{ sql: `f.state IN (${query.states.map(() => '?').join(',')})`, params: query.states }];
  if (query.organizationId !== undefined) where.push(organizationScope(ctx, 'a.organization_id', query.organizationId));
  const w = whereSql(where);
  const rows = ctx.db
    .prepare(
      `SELECT f.*, a.display_name AS account_display_name, a.platform, a.required_filing, m.name AS member_name,
              o.full_name AS organization_name
       FROM filings f JOIN accounts a ON a.id = f.account_id JOIN members m ON m.id = a.member_id
       JOIN organizations o ON o.id = a.organization_id
       ${w.sql} ORDER BY f.submitted_on, f.id LIMIT ?`,
    )
    .all(...w.params, query.limit) as (FilingDbRow & {
    account_display_name: string;
    platform: string;
    required_filing: FilingQueueRow['requiredFiling'];
    member_name: string;
    organization_name: string;
  })[];
  return rows.map((r) => ({
    ...toFiling(r),
    accountDisplayName: r.account_display_name,
    platform: r.platform,
    requiredFiling: r.required_filing,
    memberName: r.member_name,
    organizationName: r.organization_name,
  }));
}
