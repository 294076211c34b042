/** What a report is: its sheets, each a heading, columns and rows pulled lazily, and how it totals. */
import { may } from '../contract/access.js';
import { LedgerError } from '../contract/errors.js';
import { chineseDate } from '../domain/dates.js';
import type { LedgerSettings } from '../contract/settings.js';
import type { ReportKind } from '../contract/reports.js';
import { msg } from '../i18n/messages.js';
import { today, type ServiceContext } from '../services/context.js';
import { defaultScopeId, findOrganizationRow, subtreeOrganizationIds } from '../services/organizations.js';
import { getSettings } from '../services/settings.js';
import { DEFAULT_DUE_WITHIN_DAYS, type DetailListing } from '../domain/figures.js';
import type { ReportTemplate } from '../domain/reportTemplates.js';
import { getTemplate } from '../services/reportTemplates.js';
import { ruleVersionOn } from '../services/storedSettings.js';
import type { CellValue, ColumnSpec } from './style.js';

export interface ReportParams {
  organizationId?: number;
  from?: string;
  to?: string;
  campaignId?: number;
  /** The 填报日期 printed on the report (default: today). */
  reportDate?: string;
  /** What the 明细表 lists (default: accounts needing 报告 or 备案, not 已注销). */
  listing?: DetailListing;
  /** 统计表 and 明细表: also the sub-units' current 上报数据包 of this period (汇总上报), each row with its source. */
  consolidatedPeriod?: string;
  /** 明细表 with whole ID numbers (default: masked). */
  fullIdNumbers?: boolean;
  /** Lists of people to call (未报送, 催报, 交接): whole phones. Decided by the caller's role where one is known. */
  wholePhones?: boolean;
  /** 明细表: a saved column template; its own choice of whole or masked ID numbers replaces fullIdNumbers. */
  templateId?: number;
  /** 催报名单: the 即将到期 sheet's window in days (default DEFAULT_DUE_WITHIN_DAYS). */
  dueWithinDays?: number;
}

export interface ReportScope {
  organization: { id: number; code: string; fullName: string };
  /** Ids of the organization and its whole subtree, as JSON for `json_each`. */
  subtree: string;
  from: string;
  to: string;
  /** The day the register's figures are as of: the period's end, or today while the period is still running. */
  asOf: string;
  today: string;
  /** 填报日期. */
  reportDate: string;
  campaignId?: number;
  listing: DetailListing;
  consolidatedPeriod?: string;
  /** ID numbers printed whole (asked for explicitly); masked otherwise. */
  fullIdNumbers: boolean;
  /** Phones printed whole: for those who may edit the member (they see them on the member's page). */
  wholePhones: boolean;
  /** 明细表: the columns chosen, ordered and named by a saved template; null for the default columns. */
  template: ReportTemplate | null;
  dueWithinDays: number;
  signature: LedgerSettings['signature'];
  /** 依据：《…》（文号）: the 细则 in force on `asOf`, which the figures were judged by (null when none is named). */
  basis: string | null;
}

export interface ReportLine {
  values: CellValue[];
  /** Rows with the same group are followed by a 小计 row (明细表: the organization). */
  group?: string;
}

export interface SheetDefinition {
  name: string;
  title: string;
  subtitle: string;
  columns: ColumnSpec[];
  count(): number;
  rows(limit?: number): Iterable<ReportLine>;
  /** 1-based columns summed in 小计/合计 (SUBTOTAL 9). */
  sumColumns: number[];
  /** Rows counted in 小计/合计 (SUBTOTAL 3 over column `of`), shown in column `at` as 共N{unit}. */
  tally?: { of: number; at: number; unit: string };
  /** How many leading columns the 小计/合计 label spans (merged); default 1. */
  labelSpan?: number;
  /** False for a sheet whose rows cannot be added up (an overview of different kinds of items): no 合计 row. */
  total?: false;
  /** The line to sign under the table, when not 报备规则's 单位负责人/审核人/填表人 (e.g. a handover's 移交人/接收人). */
  signature?: string;
  /** A computed column of the 合计 row, from the totals of others (e.g. a rate). */
  totalExtra?: (column: number, totals: Map<number, number>, row: number) => CellValue | undefined;
}

export interface ReportDefinition {
  kind: ReportKind;
  title: string;
  sheets(ctx: ServiceContext, scope: ReportScope): SheetDefinition[];
}

const EARLIEST = '1900-01-01';

/** The organization (default: the top of the tree), the period (default: everything up to today) and the signature. */
export function resolveScope(ctx: ServiceContext, params: ReportParams): ReportScope {
  const day = today(ctx);
  const organizationId = params.organizationId ?? defaultScopeId(ctx);
  if (organizationId === undefined) throw new LedgerError('NOT_FOUND', msg.report.noOrganization);
  const org = findOrganizationRow(ctx, organizationId);
  const from = params.from ?? EARLIEST;
  const to = params.to ?? day;
  if (from > to) throw new LedgerError('VALIDATION', msg.report.badPeriod, { fields: { from: msg.report.badPeriod } });
  const asOf = to < day ? to : day;
  // Whole ID numbers only for those who may see them on the member's page. Checked where the call arrives (preview,
  // export start); the export worker, which has no caller, runs only what was checked there: the job carries that
  // decision, and a template changed to whole numbers while the job waited cannot widen it.
  const template = params.templateId === undefined ? null : getTemplate(ctx, params.templateId);
  const checkedHere = ctx.caller !== undefined;
  const fullIdNumbers = template ? template.fullIdNumbers && (checkedHere || params.fullIdNumbers === true) : (params.fullIdNumbers ?? false);
  if (fullIdNumbers && ctx.caller !== undefined && !may(ctx.caller, 'members.update')) {
    throw new LedgerError('FORBIDDEN', template ? msg.paper.template.fullIdsForbidden : msg.report.fullIdsForbidden);
  }
  return {
    organization: { id: org.id, code: org.code, fullName: org.full_name },
    subtree: JSON.stringify(subtreeOrganizationIds(ctx, org.id)),
    from,
    to,
    asOf,
    today: day,
    reportDate: params.reportDate ?? day,
    campaignId: params.campaignId,
    listing: params.listing ?? 'needed',
    consolidatedPeriod: params.consolidatedPeriod,
    fullIdNumbers,
    wholePhones: checkedHere ? may(ctx.caller ?? null, 'members.update') : params.wholePhones === true,
    template,
    dueWithinDays: params.dueWithinDays ?? DEFAULT_DUE_WITHIN_DAYS,
    signature: getSettings(ctx).signature,
    basis: basisLine(ruleVersionOn(ctx, asOf)),
  };
}

/** “统计期间：2026年1月1日至2026年12月31日”, or “截至…” when no start was chosen (one date format: 年月日). */
export function periodLine(scope: ReportScope): string {
  return scope.from === EARLIEST ? `截至${chineseDate(scope.to)}` : `统计期间：${chineseDate(scope.from)}至${chineseDate(scope.to)}`;
}

function basisLine(v: { basisName: string | null; basisNumber: string | null }): string | null {
  if (!v.basisName) return null;
  return msg.report.basis(v.basisName, v.basisNumber);
}

/**
 * The subtitle of the reports the 报备规则 judge and that can hold sub-units' packages (统计表, 明细表): the period,
 * which packages, and the 细则 in force at the period's end.
 */
export function consolidatedPeriodLine(scope: ReportScope): string {
  const period = scope.consolidatedPeriod === undefined ? periodLine(scope) : `${periodLine(scope)}${msg.consolidation.reportIncludes(scope.consolidatedPeriod)}`;
  return scope.basis ? `${period}　　${scope.basis}` : period;
}

/** A report line from selected columns (an absent column is an empty cell). */
export function line(values: (CellValue | undefined)[], group?: string): ReportLine {
  return { values: values.map((v) => v ?? null), group };
}
