/** One account as its detail page shows it: fields, derived state, what may be filed, and the whole history. */
import type { HandlerInput } from '../contract/contract.js';
import type { AccountDetail } from '../contract/accounts.js';
import type { FilingEvent } from '../contract/filings.js';
import { changedFiledFields, type FiledFields } from '../domain/filingRules.js';
import { currentFiledFields } from './accountState.js';
import { findAccountRow, toAccount } from './accounts.js';
import { listAttachments } from './attachments.js';
import { today, type ServiceContext } from './context.js';
import { filingOptions, toFiling, type FilingDbRow } from './filings.js';
import { accountHandovers } from './handover.js';

interface EventRow {
  id: number;
  filing_id: number;
  action: FilingEvent['action'];
  on_date: string;
  actor: string;
  opinion: string | null;
  at: string;
}

export function accountDetail(ctx: ServiceContext, { id }: HandlerInput<'accounts.get'>): AccountDetail {
  const row = findAccountRow(ctx, id);
  const names = ctx.db
    .prepare('SELECT m.name AS member_name, o.full_name AS organization_name FROM members m JOIN organizations o ON o.id = ? WHERE m.id = ?')
    .get(row.organization_id, row.member_id) as { member_name: string; organization_name: string };
  const filings = ctx.db.prepare('SELECT * FROM filings WHERE account_id = ? ORDER BY id DESC').all(id) as (FilingDbRow & { snapshot_json: string | null })[];
  const events = ctx.db
    .prepare('SELECT e.* FROM filing_events e JOIN filings f ON f.id = e.filing_id WHERE f.account_id = ? ORDER BY e.id')
    .all(id) as EventRow[];
  const lastAccepted = filings.find((f) => f.state === '已登记' && f.snapshot_json);
  const options = filingOptions(ctx, row);
  return {
    ...toAccount(row, today(ctx)),
    memberName: names.member_name,
    organizationName: names.organization_name,
    lastFiling: filings[0] ? { type: filings[0].type, state: filings[0].state, submittedOn: filings[0].submitted_on } : null,
    filings: filings.map((f) => ({
      ...toFiling(f),
      events: events
        .filter((e) => e.filing_id === f.id)
        .map((e) => ({ id: e.id, action: e.action, onDate: e.on_date, actor: e.actor, opinion: e.opinion, at: e.at })),
      attachments: listAttachments(ctx, f.id),
    })),
    allowedFilingTypes: options.allowed,
    filingBlockedReason: options.reason,
    changedFields: lastAccepted ? changedFiledFields(JSON.parse(lastAccepted.snapshot_json!) as FiledFields, currentFiledFields(row)) : [],
    handovers: accountHandovers(ctx, id),
  };
}
