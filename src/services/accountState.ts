/**
 * Keeps each account's derived columns (required filing, filing state, due day) in step with its fields,
 * its filings, its owner and the unit's rules: its periods through time are rebuilt (registerAsOf.ts) and the
 * current one is copied onto the account. Called inside the transaction of every change that affects them.
 */
import { FOREVER, type RuleVersion } from '../domain/asOf.js';
import { filedFields, type FiledFields, type FilingRulesSettings } from '../domain/filingRules.js';
import type { AccountKind, Capacity } from '../domain/vocabulary.js';
import { statement, type ServiceContext } from './context.js';
import { accountsChangedBy, rebuildAllPeriods, rebuildPeriods } from './registerAsOf.js';

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

/** The current row of each account's periods is its current state: the derived columns are copied from it. */
const SYNC = `UPDATE accounts SET required_filing = p.required_filing, filing_state = p.filing_state, due_on = p.due_on
  FROM account_periods p WHERE p.account_id = accounts.id AND p.valid_to = '${FOREVER}'
    AND (accounts.required_filing IS NOT p.required_filing OR accounts.filing_state IS NOT p.filing_state OR accounts.due_on IS NOT p.due_on)`;

export function refreshAccount(ctx: ServiceContext, accountId: number): void {
  rebuildPeriods(ctx, [accountId]);
  statement(ctx, `${SYNC} AND accounts.id = ?`).run(accountId);
}

/** After an upgrade or the demo; returns how many accounts' current state changed. */
export function refreshAllAccounts(ctx: ServiceContext): number {
  rebuildAllPeriods(ctx);
  return ctx.db.prepare(SYNC).run().changes;
}

/**
 * Past this share of the accounts, rebuilding them all at once (streamed, indexes rebuilt once) costs less than
 * one by one: at 100k members (bench/ruleSave.ts) all 232k accounts take 23.5 s CPU, 5,000 one by one 1.0 s — twice
 * the cost per account.
 */
const ONE_BY_ONE_SHARE = 0.5;

/**
 * After a 报备规则 version is saved (in force from `from`; `before`: the versions saved until then): only the accounts
 * it can change are rebuilt (registerAsOf.ts accountsChangedBy) — a threshold moved touches the accounts between
 * the old and the new one, a basis alone none. Returns how many accounts' current state changed.
 */
export function refreshForRules(ctx: ServiceContext, from: string, before: readonly RuleVersion[], after: FilingRulesSettings): number {
  const ids = accountsChangedBy(ctx, from, before, after);
  const all = (ctx.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  if (ids === null || ids.length > all * ONE_BY_ONE_SHARE) return refreshAllAccounts(ctx);
  rebuildPeriods(ctx, ids);
  return ctx.db.prepare(`${SYNC} AND accounts.id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids)).changes;
}

/**
 * After an upgrade that added the periods (migration 0010), the host builds them once, before any report reads them;
 * `starting` is told first, as a big register takes tens of seconds.
 */
export function refreshPendingAccounts(ctx: ServiceContext, starting?: () => void): boolean {
  if (!ctx.db.prepare("SELECT 1 FROM settings WHERE key = 'periodsPending'").get()) return false;
  starting?.();
  ctx.db.transaction(() => refreshAllAccounts(ctx))();
  return true;
}
