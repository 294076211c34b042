/** 首页: filing figures for an organization subtree. */
import { z } from 'zod';
import { id, query } from './common.js';

export const dashboardQuery = z.object({ organizationId: id.optional() });

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
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const dashboardCalls = {
  'dashboard.summary': query<Dashboard>()(dashboardQuery),
};
