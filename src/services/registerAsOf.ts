/**
 * The register as it stood on a day: each account's periods (account_periods) rebuilt from its dated events — its
 * versions, its owner's organizations, its filings' steps — and the 报备规则 versions. Rebuilt inside the transaction
 * of every change that can move them (the same places that keep the account's current columns), so a report for a
 * past period reads them with one indexed query, the same query as today's figures.
 */
import { accountPeriods, judgedDifferently, ruleInForce, type AccountHistory, type AccountPeriod, type AccountVersion, type FilingStep, type MemberPlace, type RuleVersion } from '../domain/asOf.js';
import { figureClass } from '../domain/figureClass.js';
import type { AccountFacts, FiledFields, FilingRulesSettings } from '../domain/filingRules.js';
import { ruleVersions } from './storedSettings.js';
import { statement, type ServiceContext } from './context.js';

const ACCOUNTS = `SELECT id, member_id AS memberId, coalesce(opened_on, date(created_at, 'localtime')) AS start FROM accounts`;
const VERSIONS = `SELECT id, account_id AS accountId, on_date AS "on", member_id AS memberId, platform, region, capacity, kind, display_name AS displayName,
  account_ref AS accountRef, audience, administrator, status FROM account_events`;
const PLACES = 'SELECT id, member_id AS memberId, on_date AS "on", organization_id AS organizationId FROM member_events';
/**
 * The day each member is 在册 from: the start of their first 在册 period (migration 0017's rule). A member who left on
 * the day their presence began and came back later is here from their return; one never 在册 (a leave dated on
 * their first day) keeps the start of their periods, as no day of theirs is better known.
 */
const PRESENT_FROM = `SELECT member_id AS memberId, coalesce(min(valid_from) FILTER (WHERE status = '在册'), min(valid_from)) AS since FROM member_periods`;
const STEPS = `SELECT e.id, f.account_id AS accountId, e.filing_id AS filingId, e.on_date AS "on", e.action, f.snapshot_json AS snapshot
  FROM filing_events e JOIN filings f ON f.id = e.filing_id`;

type Row<T> = T & { accountId: number };
type StepRow = Row<Omit<FilingStep, 'snapshot'> & { snapshot: string | null }>;

const INSERT = `INSERT INTO account_periods (account_id, valid_from, valid_to, member_id, organization_id, required_filing, filing_state,
  capacity, kind, region, platform, due_on, figure_class) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function write(ctx: ServiceContext, account: { id: number }, h: AccountHistory): AccountPeriod[] {
  const insert = statement(ctx, INSERT);
  const periods = accountPeriods(h);
  for (const p of periods) {
    insert.run(account.id, p.from, p.to, p.memberId, p.organizationId, p.required, p.state, p.capacity, p.kind, p.region, p.platform, p.dueOn, figureClass(p));
  }
  return periods;
}

interface HeldPeriod {
  memberId: number;
  from: string;
  to: string;
  open: boolean;
}
const OPEN_PERIODS = `SELECT member_id AS memberId, valid_from AS "from", valid_to AS "to", filing_state <> '已注销' AS open
  FROM account_periods WHERE account_id = ? ORDER BY valid_from`;

/** The days an account was open, by holder, as merged intervals: what holding_periods depend on. */
function heldDays(periods: readonly HeldPeriod[]): string {
  const out: HeldPeriod[] = [];
  for (const p of periods) {
    if (!p.open) continue;
    const last = out[out.length - 1];
    if (last && last.memberId === p.memberId && last.to === p.from) last.to = p.to;
    else out.push({ ...p, open: true });
  }
  return JSON.stringify(out);
}

/** Rebuilds the holding periods (migration 0020) of members whose accounts' periods changed. */
function restateHoldings(ctx: ServiceContext, memberIds: Iterable<number>): void {
  const queue = statement(ctx, 'INSERT OR IGNORE INTO holding_stale (member_id) VALUES (?)');
  for (const id of memberIds) queue.run(id);
}

/** When the account's first holder is 在册 from (its first recorded version's holder). */
function presentFrom(ctx: ServiceContext, versions: readonly AccountVersion[]): string | undefined {
  if (versions.length === 0) return undefined;
  return presentSince(ctx, versions.reduce((a, b) => (b.id < a.id ? b : a)).memberId) ?? undefined;
}

const step = (r: StepRow): FilingStep => ({ id: r.id, on: r.on, filingId: r.filingId, action: r.action, snapshot: r.snapshot ? (JSON.parse(r.snapshot) as FiledFields) : null });

/** Rebuilds the periods of some accounts (after a change to them, their filings or their owner). */
export function rebuildPeriods(ctx: ServiceContext, accountIds: readonly number[]): void {
  const rules = ruleVersions(ctx);
  // Whoever held the account before or after, when the days it was open under each holder changed (a filing
  // step only splits a period: nothing to rebuild).
  const holders = new Set<number>();
  for (const id of accountIds) {
    const before = statement(ctx, OPEN_PERIODS).all(id) as HeldPeriod[];
    statement(ctx, 'DELETE FROM account_periods WHERE account_id = ?').run(id);
    const account = statement(ctx, `${ACCOUNTS} WHERE id = ?`).get(id) as { id: number; start: string } | undefined;
    if (!account) continue;
    const versions = statement(ctx, `${VERSIONS} WHERE account_id = ?`).all(id) as AccountVersion[];
    const versionHolders = [...new Set(versions.map((v) => v.memberId))];
    const periods = write(ctx, account, {
      start: account.start,
      holderFrom: presentFrom(ctx, versions),
      versions,
      places: new Map(versionHolders.map((m) => [m, statement(ctx, `${PLACES} WHERE member_id = ?`).all(m) as MemberPlace[]])),
      steps: (statement(ctx, `${STEPS} WHERE f.account_id = ?`).all(id) as StepRow[]).map(step),
      rules,
    });
    const after = periods.map((p) => ({ memberId: p.memberId, from: p.from, to: p.to, open: p.state !== '已注销' }));
    if (heldDays(before) !== heldDays(after)) for (const p of [...before, ...after]) holders.add(p.memberId);
  }
  restateHoldings(ctx, holders);
}

/** When the member is 在册 from (PRESENT_FROM): their accounts' periods start there. */
export function presentSince(ctx: ServiceContext, memberId: number): string | null {
  return (statement(ctx, `${PRESENT_FROM} WHERE member_id = ?`).get(memberId) as { since: string | null }).since;
}

/** The periods of every account the member ever held, after the member moved (an account is counted where its holder of each day was). */
export function rebuildMemberPeriods(ctx: ServiceContext, memberId: number): void {
  rebuildPeriods(ctx, (statement(ctx, 'SELECT DISTINCT account_id AS id FROM account_events WHERE member_id = ?').all(memberId) as { id: number }[]).map((a) => a.id));
}

/** Walks a query ordered by account id alongside the accounts, handing each account its rows. */
function cursor<T extends { accountId: number }>(rows: Iterator<T>) {
  let next = rows.next();
  return (accountId: number): T[] => {
    const out: T[] = [];
    while (!next.done && next.value.accountId < accountId) next = rows.next();
    while (!next.done && next.value.accountId === accountId) {
      out.push(next.value);
      next = rows.next();
    }
    return out;
  };
}

/**
 * Every account's periods at once (a 报备规则 version saved, the register upgraded, the demo generated): each query
 * streamed once in account order rather than three look-ups per account. The readers run on the writer's
 * connection while it writes account_periods, which none of them reads.
 */
export function rebuildAllPeriods(ctx: ServiceContext, rules: readonly RuleVersion[] = ruleVersions(ctx)): void {
  // Hundreds of thousands of rows: inserted in primary-key order into a bare table, their indexes built afterwards in
  // one pass each (about 3× faster than keeping them up to date row by row, measured at 100k members).
  const indexes = ctx.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'account_periods' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const i of indexes) ctx.db.exec(`DROP INDEX "${i.name}"`);
  ctx.db.prepare('DELETE FROM account_periods').run();
  const places = new Map<number, MemberPlace[]>();
  for (const p of ctx.db.prepare(`${PLACES} ORDER BY member_id, id`).iterate() as Iterable<MemberPlace & { memberId: number }>) {
    const { memberId, ...place } = p;
    (places.get(memberId) ?? places.set(memberId, []).get(memberId)!).push(place);
  }
  const since = new Map((ctx.db.prepare(`${PRESENT_FROM} GROUP BY member_id`).all() as { memberId: number; since: string }[]).map((r) => [r.memberId, r.since]));
  const versions = cursor(ctx.db.prepare(`${VERSIONS} ORDER BY account_id, id`).all()[Symbol.iterator]() as Iterator<Row<AccountVersion>>);
  const steps = cursor(ctx.db.prepare(`${STEPS} ORDER BY f.account_id, e.id`).all()[Symbol.iterator]() as Iterator<StepRow>);
  for (const account of ctx.db.prepare(`${ACCOUNTS} ORDER BY id`).all() as { id: number; start: string }[]) {
    const own = versions(account.id);
    const holders = new Map([...new Set(own.map((v) => v.memberId))].map((m) => [m, places.get(m) ?? []]));
    write(ctx, account, { start: account.start, holderFrom: own.length > 0 ? since.get(own[0]!.memberId) : undefined, versions: own, places: holders, steps: steps(account.id).map(step), rules });
  }
  for (const i of indexes) ctx.db.exec(i.sql);
  ctx.db.prepare('DELETE FROM holding_periods').run();
  restateHoldings(ctx, ctx.db.prepare('SELECT DISTINCT member_id FROM account_periods ORDER BY member_id').pluck().all() as number[]);
  ctx.db.prepare("DELETE FROM settings WHERE key = 'periodsPending'").run();
}

/**
 * The accounts a 报备规则 version in force from `from` can change, given the versions saved before it: those with a
 * version the new rules judge differently from the rules they replace on that day (judgedDifferently) — a closed
 * account too, whose last period (已注销) still carries what it needed. The new version holds from `from` until the
 * next later one, over which the replaced rules were one version: ruleInForce(before, from). Null when the new
 * version is the earliest (it would then also stand for the days before any version): every account then.
 */
export function accountsChangedBy(ctx: ServiceContext, from: string, before: readonly RuleVersion[], after: FilingRulesSettings): number[] | null {
  if (before.every((v) => v.on > from)) return null;
  const replaced = ruleInForce(before, from).rules;
  // A basis alone (or the same rules saved again) judges no account differently: nothing to read.
  if (JSON.stringify({ ...replaced, ...after }) === JSON.stringify(replaced)) return [];
  const touched = new Set<number>();
  const versions = ctx.db.prepare('SELECT account_id AS accountId, capacity, kind, audience FROM account_events');
  for (const v of versions.iterate() as Iterable<AccountFacts & { accountId: number }>) {
    if (!touched.has(v.accountId) && judgedDifferently(v, replaced, after)) touched.add(v.accountId);
  }
  return [...touched];
}
