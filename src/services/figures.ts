/**
 * The register's figures for a set of organizations on a day, in one shape every consumer counts from: the
 * 首页, the 统计表 (and its 按平台 sheet) and the 催报 lists. Accounts come grouped by everything a column
 * splits on; members by organization. Every day's figures, today's included, read the periods rebuilt from the
 * register's dated events (registerAsOf.ts, member_periods): one query whatever the day.
 */
import { accountCategory, addToCounts, emptyFilingCounts, type ChaseList, type DetailListing, type FigureGroup, type FilingCounts } from '../domain/figures.js';
import { dueOn } from '../domain/filingRules.js';
import { classFacts } from '../domain/figureClass.js';
import { FOREVER } from '../domain/asOf.js';
import type { ServiceContext } from './context.js';

export interface FigureScope {
  /** Ids of the organizations counted, as JSON for `json_each`. */
  orgIds: string;
  /** The day the figures are as of. */
  day: string;
}

/** Accounts sharing every attribute a figure splits on, with their organization and platform. */
export interface AccountGroup extends FigureGroup {
  org: number;
  platform: string;
}

export interface MemberFigures {
  /** 在册 members on the day. */
  members: number;
  /** Of them, those with at least one account not 已注销 (登记有网络账号的党员数). */
  withAccounts: number;
}

/** isOverdue over an account row (or period) on `@day`: the one SQL form of the rule, for the figures and the 催报 list. */
const overdueOver = (alias: string) => `${alias}.filing_state = '未报备' AND ${alias}.due_on < @day`;
const OVERDUE_SQL = overdueOver('a');

/** The periods holding on @day: today's figures and a past day's alike. */
const HOLDS = (alias: string) => `${alias}.valid_to > @day AND ${alias}.valid_from <= @day`;
const OVERDUE = `coalesce(sum(${overdueOver('p')}), 0) AS overdue`;

/**
 * Account periods holding on @day in the scope, grouped: the current rows (valid_to = FOREVER, most of them) read in
 * the index's order so the GROUP BY streams, then the rows that ended after the day (a short range of the same
 * index). An account is in one part only, and every consumer adds groups up, so a key in both parts is harmless.
 */
function periodGroups(columns: string, groupBy: string): string {
  const part = (valid: string) => `SELECT ${columns}, count(*) AS n, ${OVERDUE} FROM account_periods p
    WHERE ${valid} AND p.valid_from <= @day AND p.organization_id IN (SELECT value FROM json_each(@orgIds)) GROUP BY ${groupBy}`;
  return `${part(`p.valid_to = '${FOREVER}'`)} UNION ALL ${part(`p.valid_to > @day AND p.valid_to < '${FOREVER}'`)}`;
}

/** By organization, figure class (domain/figureClass.ts) and platform: the order of account_periods_classes, so it streams. */
const GROUPS = periodGroups('p.organization_id AS org, p.figure_class AS class, p.platform', 'p.organization_id, p.figure_class, p.platform');

/** Only what the 报告/备案 counts split on: the 首页 needs no platform or category, and grouping by them costs ~7× more groups. */
const FILING_GROUPS = periodGroups('p.organization_id AS org, p.required_filing AS required, p.filing_state AS state', 'p.organization_id, p.required_filing, p.filing_state');

/** 在册 members of each organization on @day. */
const MEMBERS = `SELECT m.organization_id AS org, count(*) AS n FROM member_periods m
  WHERE m.organization_id IN (SELECT value FROM json_each(@orgIds)) AND m.status = '在册' AND ${HOLDS('m')} GROUP BY m.organization_id`;

/**
 * Of them, those holding an account not 已注销 then (account and owner share the organization): holding_periods
 * (migration 0020) are the days a member is 在册 with such an account, so this counts index entries instead of
 * looking up each member's accounts.
 */
const WITH_ACCOUNTS = `SELECT h.organization_id AS org, count(*) AS n FROM holding_periods h
  WHERE h.organization_id IN (SELECT value FROM json_each(@orgIds)) AND ${HOLDS('h')} GROUP BY h.organization_id`;

/** Accounts sharing what a 报告/备案 count splits on; the same accounts as accountGroups, in coarser groups. */
export type FilingGroup = Pick<AccountGroup, 'org' | 'required' | 'state' | 'n' | 'overdue'>;

export function accountGroups(ctx: ServiceContext, scope: FigureScope): AccountGroup[] {
  const rows = ctx.db.prepare(GROUPS).all(scope) as { org: number; class: number; platform: string; n: number; overdue: number }[];
  return rows.map((r) => {
    const f = classFacts(r.class);
    return { org: r.org, platform: r.platform, required: f.required, state: f.state, category: accountCategory(f.capacity, f.kind), region: f.region, n: r.n, overdue: r.overdue };
  });
}

export function filingGroups(ctx: ServiceContext, scope: FigureScope): FilingGroup[] {
  return ctx.db.prepare(FILING_GROUPS).all(scope) as FilingGroup[];
}

export function memberFigures(ctx: ServiceContext, scope: FigureScope): Map<number, MemberFigures> {
  const out = new Map<number, MemberFigures>();
  for (const r of ctx.db.prepare(MEMBERS).all(scope) as { org: number; n: number }[]) out.set(r.org, { members: r.n, withAccounts: 0 });
  for (const r of ctx.db.prepare(WITH_ACCOUNTS).all(scope) as { org: number; n: number }[]) {
    (out.get(r.org) ?? out.set(r.org, { members: 0, withAccounts: 0 }).get(r.org)!).withAccounts = r.n;
  }
  return out;
}

/** 报告 and 备案 counts of some groups (accounts needing no filing are not counted in either). */
export function filingCounts(groups: Iterable<FilingGroup>): { report: FilingCounts; record: FilingCounts } {
  const out = { report: emptyFilingCounts(), record: emptyFilingCounts() };
  for (const g of groups) {
    if (g.required === '无') continue;
    addToCounts(g.required === '报告' ? out.report : out.record, g.state, g.n, g.overdue);
  }
  return out;
}

/**
 * Which accounts each 明细表 listing takes (needsListing, over an account row `a`): the register's accounts and a
 * submission's alike, both having these columns. `@from` is the period's start (closed accounts closed in it).
 */
export const LISTING_SQL: Record<DetailListing, string> = {
  needed: "a.required_filing <> '无' AND a.filing_state <> '已注销'",
  all: "a.filing_state <> '已注销'",
  closed: "a.filing_state = '已注销' AND a.closed_on >= @from",
};

/**
 * Which accounts each 催报 list takes, over an account row `a` on `@day` (`@until`: the 即将到期 window's last
 * day): the accounts the 首页 counts in 其中逾期未报, 需补正, 变更未报备 (only accounts needing a filing, as
 * filingCounts counts them), and isDueWithin.
 */
export const CHASE_SQL: Record<ChaseList, string> = {
  overdue: `a.required_filing <> '无' AND ${OVERDUE_SQL}`,
  correction: "a.required_filing <> '无' AND a.filing_state = '需补正'",
  changed: "a.required_filing <> '无' AND a.filing_state = '变更未报'",
  dueSoon: "a.required_filing <> '无' AND a.filing_state = '未报备' AND a.due_on >= @day AND a.due_on <= @until",
};

/** The last day of a window of `days` days from `day` (7 days from Monday: up to next Monday). */
export const windowEnd = (day: string, days: number): string => dueOn(day, days);

/** How many accounts of some organizations a 催报 list holds: the 首页's count of its rows. */
export function chaseCount(ctx: ServiceContext, list: ChaseList, scope: FigureScope & { until: string }): number {
  return (ctx.db.prepare(`SELECT count(*) AS n FROM accounts a WHERE a.organization_id IN (SELECT value FROM json_each(@orgIds)) AND ${CHASE_SQL[list]}`).get(scope) as { n: number }).n;
}

/** The periods of the accounts in `@subtree` holding on `@asOf` (one per account): the accounts ACCOUNTS_AS_OF lists. */
export const periodsAsOf = (alias: string) =>
  `${alias}.organization_id IN (SELECT value FROM json_each(@subtree)) AND ${alias}.valid_to > @asOf AND ${alias}.valid_from <= @asOf`;

/**
 * The register's accounts in `@subtree` as they stood on `@asOf`, with an account row's column names (so LISTING_SQL
 * applies): state and organization of that day's period, fields of the version then in force (the latest recorded
 * among those dated by then, else the first: as domain/asOf.ts takes it). The holder is the version's: a period
 * ends wherever the holder changes, so it is the period's own member_id, read without a look-up of the period's row
 * (which the covering index spares for everything else: a third of this query's time at 100k members). The account's
 * own row gives only opened_on, read from accounts_opened (migration 0022): SQLite would go to the table by its key,
 * the register's widest rows, and an encrypted register deciphers every page it reads.
 */
export const ACCOUNTS_AS_OF = `(SELECT p.account_id AS id, v.member_id, p.organization_id, p.required_filing, p.filing_state, p.due_on,
    v.platform, v.region, v.capacity, v.kind, v.display_name, v.account_ref, v.audience, v.administrator, v.status, v.closed_on, v.closed_reason, x.opened_on
  FROM account_periods p JOIN accounts x INDEXED BY accounts_opened ON x.id = p.account_id
  JOIN account_events v ON v.id = coalesce((SELECT max(e.id) FROM account_events e WHERE e.account_id = p.account_id AND e.on_date <= @asOf),
    (SELECT min(e.id) FROM account_events e WHERE e.account_id = p.account_id))
  WHERE ${periodsAsOf('p')})`;
