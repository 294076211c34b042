/**
 * The register's figures for a set of organizations on a day, in one shape every consumer counts from: the
 * 首页, the 统计表 (and its 按平台 sheet) and the 催报 lists. Accounts come grouped by everything a column
 * splits on; members by organization. Today's figures read the derived columns kept on each account; a past
 * day's are reconstructed from dated events (registerAsOf.ts) — the same groups either way.
 */
import { accountCategory, addToCounts, emptyFilingCounts, type ChaseList, type DetailListing, type FigureGroup, type FilingCounts } from '../domain/figures.js';
import { dueOn } from '../domain/filingRules.js';
import type { AccountKind, Capacity } from '../domain/vocabulary.js';
import { today, type ServiceContext } from './context.js';

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

/** isOverdue over an account row `a` on `@day`: the one SQL form of the rule, for the figures and the 催报 list. */
const OVERDUE_SQL = "a.filing_state = '未报备' AND a.due_on < @day";

const TODAY_GROUPS = `
  SELECT a.organization_id AS org, a.required_filing AS required, a.filing_state AS state, a.capacity, a.kind, a.region, a.platform,
         count(*) AS n, coalesce(sum(${OVERDUE_SQL}), 0) AS overdue
  FROM accounts a WHERE a.organization_id IN (SELECT value FROM json_each(@orgIds))
  GROUP BY a.organization_id, a.required_filing, a.filing_state, a.capacity, a.kind, a.region, a.platform`;

const TODAY_MEMBERS = `
  SELECT o.value AS org,
    (SELECT count(*) FROM members m WHERE m.organization_id = o.value AND m.status = '在册') AS members,
    (SELECT count(DISTINCT a.member_id) FROM accounts a JOIN members m ON m.id = a.member_id
      WHERE a.organization_id = o.value AND a.status <> '已注销' AND m.status = '在册') AS withAccounts
  FROM json_each(@orgIds) o`;

/** Only what the 报告/备案 counts split on: the 首页 needs no platform or category, and grouping by them costs ~7× more groups. */
const TODAY_FILING_GROUPS = `
  SELECT a.organization_id AS org, a.required_filing AS required, a.filing_state AS state,
         count(*) AS n, coalesce(sum(${OVERDUE_SQL}), 0) AS overdue
  FROM accounts a WHERE a.organization_id IN (SELECT value FROM json_each(@orgIds))
  GROUP BY a.organization_id, a.required_filing, a.filing_state`;

/** Accounts sharing what a 报告/备案 count splits on; the same accounts as accountGroups, in coarser groups. */
export type FilingGroup = Pick<AccountGroup, 'org' | 'required' | 'state' | 'n' | 'overdue'>;

/** Whether `day` is today (or later): the derived columns hold the answer, nothing needs reconstructing. */
export const isCurrent = (ctx: ServiceContext, day: string): boolean => day >= today(ctx);

export function accountGroups(ctx: ServiceContext, scope: FigureScope): AccountGroup[] {
  const rows = ctx.db.prepare(TODAY_GROUPS).all(scope) as (Omit<AccountGroup, 'category'> & { capacity: Capacity; kind: AccountKind })[];
  return rows.map(({ capacity, kind, ...r }) => ({ ...r, category: accountCategory(capacity, kind) }));
}

export function filingGroups(ctx: ServiceContext, scope: FigureScope): FilingGroup[] {
  return ctx.db.prepare(TODAY_FILING_GROUPS).all(scope) as FilingGroup[];
}

export function memberFigures(ctx: ServiceContext, scope: FigureScope): Map<number, MemberFigures> {
  const rows = ctx.db.prepare(TODAY_MEMBERS).all(scope) as ({ org: number } & MemberFigures)[];
  return new Map(rows.map(({ org, ...f }) => [org, f]));
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
