/**
 * Keeps each account's derived columns (required filing, filing state, due day) in step with its fields,
 * its latest filing and the unit's rules. Called inside the transaction of every change that affects them.
 */
import { dueOn, filedFields, filingState, requiredFiling, type FiledFields, type FilingRulesSettings } from '../domain/filingRules.js';
import type { AccountKind, AccountStatus, Capacity, FilingRecordState, FilingState, RequiredFiling } from '../domain/vocabulary.js';
import type { ServiceContext } from './context.js';
import { filingRules } from './storedSettings.js';

interface StateRow {
  id: number;
  member_id: number;
  capacity: Capacity;
  kind: AccountKind;
  audience: number | null;
  status: AccountStatus;
  opened_on: string | null;
  created_at: string;
  display_name: string;
  account_ref: string | null;
  administrator: string | null;
  platform: string;
  required_filing: RequiredFiling;
  filing_state: FilingState;
  due_on: string | null;
  latest_state: FilingRecordState | null;
  latest_snapshot: string | null;
}

const SELECT_STATE = `
  SELECT a.id, a.member_id, a.capacity, a.kind, a.audience, a.status, a.opened_on, a.created_at, a.display_name, a.account_ref,
         a.administrator, a.platform, a.required_filing, a.filing_state, a.due_on,
         f.state AS latest_state, f.snapshot_json AS latest_snapshot
  FROM accounts a LEFT JOIN filings f ON f.id = (SELECT max(id) FROM filings WHERE account_id = a.id)`;

export function currentFiledFields(r: { member_id: number; display_name: string; account_ref: string | null; capacity: Capacity; kind: AccountKind; administrator: string | null; platform: string }): FiledFields {
  return filedFields({
    memberId: r.member_id,
    displayName: r.display_name,
    accountRef: r.account_ref,
    capacity: r.capacity,
    kind: r.kind,
    administrator: r.administrator,
    platform: r.platform,
  });
}

function derive(r: StateRow, rules: FilingRulesSettings) {
  const required = requiredFiling({ capacity: r.capacity, kind: r.kind, audience: r.audience }, rules);
  const state = filingState({
    required,
    status: r.status,
    latest: r.latest_state ? { state: r.latest_state, snapshot: r.latest_snapshot ? (JSON.parse(r.latest_snapshot) as FiledFields) : null } : null,
    current: currentFiledFields(r),
  });
  const due = required === '无' ? null : dueOn(r.opened_on ?? r.created_at.slice(0, 10), rules.deadlineDays);
  return { required, state, due };
}

function applyTo(ctx: ServiceContext, rows: StateRow[]): number {
  const rules = filingRules(ctx);
  const update = ctx.db.prepare('UPDATE accounts SET required_filing = ?, filing_state = ?, due_on = ? WHERE id = ?');
  let changed = 0;
  for (const r of rows) {
    const d = derive(r, rules);
    if (d.required !== r.required_filing || d.state !== r.filing_state || d.due !== r.due_on) {
      update.run(d.required, d.state, d.due, r.id);
      changed++;
    }
  }
  return changed;
}

export function refreshAccount(ctx: ServiceContext, accountId: number): void {
  applyTo(ctx, ctx.db.prepare(`${SELECT_STATE} WHERE a.id = ?`).all(accountId) as StateRow[]);
}

/** After the unit changes its rules; returns how many accounts changed. */
export function refreshAllAccounts(ctx: ServiceContext): number {
  return applyTo(ctx, ctx.db.prepare(SELECT_STATE).all() as StateRow[]);
}
