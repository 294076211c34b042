/**
 * The one definition of every figure the 首页 and the reports show: which accounts count, in which column,
 * and the words a state is shown with. The dashboard, the 统计表, the 明细表 and the 催报 lists all count
 * through these functions, so their figures agree by construction (and test/integration/figures.test.ts
 * checks that they do).
 */
import { isOverdue } from './filingRules.js';
import type { AccountKind, Capacity, FilingState, Region, RequiredFiling } from './vocabulary.js';

/** Where an account needing a filing stands; the five parts add up to 应报告/应备案 (closed accounts are out). */
export interface FilingCounts {
  needed: number;
  filed: number;
  pending: number;
  correction: number;
  notFiled: number;
  /** Part of notFiled: past the due day. */
  overdue: number;
  changed: number;
  closed: number;
}

export const emptyFilingCounts = (): FilingCounts => ({ needed: 0, filed: 0, pending: 0, correction: 0, notFiled: 0, overdue: 0, changed: 0, closed: 0 });

const FIELD_BY_STATE: Partial<Record<FilingState, keyof FilingCounts>> = {
  已登记: 'filed',
  待审核: 'pending',
  需补正: 'correction',
  未报备: 'notFiled',
  变更未报: 'changed',
  已注销: 'closed',
};

/** Adds n accounts in `state` (of which `overdue` are past due) to the counts of their filing. */
export function addToCounts(counts: FilingCounts, state: FilingState, n: number, overdue: number): void {
  const field = FIELD_BY_STATE[state];
  if (field) counts[field] += n;
  if (state !== '已注销') counts.needed += n;
  counts.overdue += overdue;
}

/** 报告率/备案率: accepted and unchanged over needed (1 when nothing is needed: nothing is missing). */
export const filedRate = (c: Pick<FilingCounts, 'needed' | 'filed'>): number => (c.needed === 0 ? 1 : c.filed / c.needed);

/** Whether the 明细表 lists an account by default: it needs 报告 or 备案 and is not 已注销. */
export const needsListing = (required: RequiredFiling, state: FilingState): boolean => required !== '无' && state !== '已注销';

/** What the 明细表 lists: accounts needing a filing (default), every account still open, or the closed ones. */
export const DETAIL_LISTINGS = ['needed', 'all', 'closed'] as const;
export type DetailListing = (typeof DETAIL_LISTINGS)[number];

/**
 * The 统计表's account categories: they partition the accounts, so 账号总数 is their sum. Official capacity
 * first (all need 报告), then personal accounts by kind (公众账号 and groups may need 备案, the rest none).
 */
export const ACCOUNT_CATEGORIES = ['以职务身份开设', '个人公众账号', '个人群组', '个人其他账号'] as const;
export type AccountCategory = (typeof ACCOUNT_CATEGORIES)[number];

export function accountCategory(capacity: Capacity, kind: AccountKind): AccountCategory {
  if (capacity === '以职务身份') return '以职务身份开设';
  if (kind === '公众账号') return '个人公众账号';
  if (kind === '群组') return '个人群组';
  return '个人其他账号';
}

/**
 * The word for a filing state, the same in the window and every report: an accepted filing reads 已报告 or
 * 已备案 by the filing the account needed; a change after it reads 变更未报备. Stored values stay as they are.
 */
export function filingStateLabel(state: FilingState, required: RequiredFiling): string {
  if (state === '已登记') return required === '备案' ? '已备案' : required === '报告' ? '已报告' : '已登记';
  if (state === '变更未报') return '变更未报备';
  return state;
}

/** The 逾期未报 label beside a state, when the filing is past its due day. */
export const OVERDUE_LABEL = '逾期未报';

/**
 * The 统计表's figure columns, in its order: a row of figures prints as a 统计表 row, whatever it was counted
 * from (the register's account groups, or a sub-unit's 上报数据包). Rates are 已…/应… of the same row.
 */
export const FIGURE_KEYS = [
  'members', 'withAccounts', 'accounts', 'official', 'personalPublic', 'personalGroups', 'personalOther', 'overseas',
  'reportNeeded', 'reportFiled', 'reportPending', 'reportCorrection', 'reportChanged', 'reportNotFiled', 'reportOverdue', 'reportRate',
  'recordNeeded', 'recordFiled', 'recordPending', 'recordCorrection', 'recordChanged', 'recordNotFiled', 'recordOverdue', 'recordRate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number>;

/** The rate columns and the two counts each is computed from: never summed, always recomputed. */
export const RATE_KEYS: Partial<Record<FigureKey, readonly [needed: FigureKey, filed: FigureKey]>> = {
  reportRate: ['reportNeeded', 'reportFiled'],
  recordRate: ['recordNeeded', 'recordFiled'],
};

/** Accounts sharing everything a figure splits on (n of them, `overdue` of which are 未报备 past due). */
export interface FigureGroup {
  required: RequiredFiling;
  state: FilingState;
  category: AccountCategory;
  region: Region;
  n: number;
  overdue: number;
}

/** What one 统计表 row is counted into. */
export interface FigureCounts {
  /** 在册 members. */
  members: number;
  /** 在册 members holding an account not 已注销 (登记有网络账号的党员). */
  withAccounts: number;
  /** Accounts not 已注销, by category and 境外. */
  categories: Record<AccountCategory, number>;
  overseas: number;
  report: FilingCounts;
  record: FilingCounts;
}

export const emptyFigureCounts = (): FigureCounts => ({
  members: 0,
  withAccounts: 0,
  categories: Object.fromEntries(ACCOUNT_CATEGORIES.map((c) => [c, 0])) as Record<AccountCategory, number>,
  overseas: 0,
  report: emptyFilingCounts(),
  record: emptyFilingCounts(),
});

/** Whether a member counts in 在册党员 (and, holding an open account, in 登记有网络账号的党员). */
export const isCountedMember = (status: string): boolean => status === '在册';

/** Adds accounts to a row: 已注销 ones leave the account columns, and count in 报告/备案 only as closed. */
export function addGroup(counts: FigureCounts, g: FigureGroup): void {
  if (g.state !== '已注销') {
    counts.categories[g.category] += g.n;
    if (g.region === '境外') counts.overseas += g.n;
  }
  if (g.required !== '无') addToCounts(g.required === '报告' ? counts.report : counts.record, g.state, g.n, g.overdue);
}

/** One account as a group of one, counted as of `asOf` (a package's accounts, one by one). */
export function accountGroup(a: { requiredFiling: RequiredFiling; filingState: FilingState; capacity: Capacity; kind: AccountKind; region: Region; dueOn: string | null }, asOf: string): FigureGroup {
  const overdue = isOverdue(a.filingState, a.dueOn, asOf) ? 1 : 0;
  return { required: a.requiredFiling, state: a.filingState, category: accountCategory(a.capacity, a.kind), region: a.region, n: 1, overdue };
}

const filingFigures = (c: FilingCounts): number[] => [c.needed, c.filed, c.pending, c.correction, c.changed, c.notFiled, c.overdue, filedRate(c)];

/** A row's figures, keyed in FIGURE_KEYS order (账号总数 is the sum of the categories). */
export function figuresOf(c: FigureCounts): Figures {
  const categories = ACCOUNT_CATEGORIES.map((k) => c.categories[k]);
  const values = [c.members, c.withAccounts, categories.reduce((a, b) => a + b, 0), ...categories, c.overseas, ...filingFigures(c.report), ...filingFigures(c.record)];
  return Object.fromEntries(FIGURE_KEYS.map((k, i) => [k, values[i]])) as Figures;
}

/** The figures of several rows together: counts summed, rates recomputed from the sums. */
export function sumFigures(rows: Iterable<Figures>): Figures {
  const total = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;
  for (const r of rows) for (const k of FIGURE_KEYS) if (!RATE_KEYS[k]) total[k] += r[k];
  for (const [rate, [needed, filed]] of Object.entries(RATE_KEYS) as [FigureKey, [FigureKey, FigureKey]][]) {
    total[rate] = filedRate({ needed: total[needed], filed: total[filed] });
  }
  return total;
}

/** The 首页's and the 催报名单's window for accounts about to fall due, unless the person sets another. */
export const DEFAULT_DUE_WITHIN_DAYS = 7;

/**
 * The 催报 lists, each the accounts behind one 首页 figure: 逾期未报 (overdue), 需补正 (correction), 变更未报备
 * (changed) — and 即将到期 (dueSoon): 未报备, not yet overdue, due within the window.
 */
export const CHASE_LISTS = ['overdue', 'correction', 'changed', 'dueSoon'] as const;
export type ChaseList = (typeof CHASE_LISTS)[number];

/** Whether an account is 未报备 and falls due between `today` and `until` (both inclusive): not overdue yet. */
export function isDueWithin(state: FilingState, due: string | null, today: string, until: string): boolean {
  return state === '未报备' && due !== null && due >= today && due <= until;
}
