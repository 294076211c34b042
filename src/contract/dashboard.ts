/** 首页: filing figures for an organization subtree. */
import { z } from 'zod';
import { id, integer, query } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const dashboardQuery = z.object({
  organizationId: id.optional(),
  /** The window of 即将到期 (default DEFAULT_DUE_WITHIN_DAYS), as the 催报名单's. */
  dueWithinDays: integer(words.reports.dueWithinDays, 1, 365).optional(),
});

/** Counts for one kind of filing (报告 or 备案) in a scope: the one definition every report counts with too. */
export type { FilingCounts } from '../domain/figures.js';
import type { FilingCounts } from '../domain/figures.js';

export interface DashboardRow {
  organizationId: number;
  organizationName: string;
  report: FilingCounts;
  record: FilingCounts;
}

export interface Dashboard {
  organizationId: number | null;
  today: string;
  accounts: number;
  report: FilingCounts;
  record: FilingCounts;
  /** One row per direct child of the scope (its whole subtree), plus the scope's own direct accounts. */
  breakdown: DashboardRow[];
  /** The newest open annual review, counted within the scope. */
  campaign: { id: number; title: string; deadline: string; expected: number; responded: number; notResponded: number; overdue: boolean } | null;
  openProtectionCases: number;
  /** 未报备 accounts falling due from today to `until` (the 催报名单's 即将到期 sheet has exactly these rows). */
  dueSoon: { days: number; until: string; count: number };
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const dashboardCalls = {
  'dashboard.summary': query<Dashboard>()(dashboardQuery),
};
