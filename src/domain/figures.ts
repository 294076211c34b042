/**
 * The one definition of every figure the 首页 and the reports show: which accounts count, in which column,
 * and the words a state is shown with. The dashboard, the 统计表, the 明细表 and the 催报 lists all count
 * through these functions, so their figures agree by construction (and test/integration/figures.test.ts
 * checks that they do).
 */
import type { AccountKind, Capacity, FilingState, RequiredFiling } from './vocabulary.js';

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
