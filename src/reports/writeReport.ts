/** Writes any report through the one style module: rows, 小计 per group, 合计, signature; or previews it. */
import type { HandlerInput } from '../contract/contract.js';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import type { ReportKind, ReportPreview } from '../contract/reports.js';
import type { ServiceContext } from '../services/context.js';
import { commendationsReport } from './commendationsReport.js';
import { ReportBook, type Progress } from './book.js';
import { auditStamp, chainHead } from '../db/auditChain.js';
import { resolveScope, type ReportDefinition, type ReportParams, type ReportScope, type SheetDefinition } from './definition.js';
import { detailReport } from './detailReport.js';
import { requestsReport } from './requestsReport.js';
import { campaignReport } from './campaignReport.js';
import { columnLetter, formula, type CellValue } from './style.js';
import { summaryReport } from './summaryReport.js';

export const REPORTS: Record<ReportKind, ReportDefinition> = {
  summary: summaryReport,
  detail: detailReport,
  commendations: commendationsReport,
  requests: requestsReport,
  campaign: campaignReport,
};

/** The values of a 小计/合计 row over data rows from..to, with cached results from the running totals. */
function totalsRow(def: SheetDefinition, label: string, from: number, to: number, count: number, sums: Map<number, number>, row: number): CellValue[] {
  const values: CellValue[] = def.columns.map(() => '');
  values[0] = label;
  const range = (col: number) => `${columnLetter(col)}${from}:${columnLetter(col)}${to}`;
  if (def.tally) values[def.tally.at - 1] = count ? formula(`SUBTOTAL(3,${range(def.tally.of)})`, count) : 0;
  for (const col of def.sumColumns) values[col - 1] = count ? formula(`SUBTOTAL(9,${range(col)})`, sums.get(col) ?? 0) : 0;
  def.columns.forEach((_, i) => {
    const extra = def.totalExtra?.(i + 1, sums, row);
    if (extra !== undefined) values[i] = extra;
  });
  return values;
}

function add(sums: Map<number, number>, def: SheetDefinition, values: CellValue[]) {
  for (const col of def.sumColumns) sums.set(col, (sums.get(col) ?? 0) + (typeof values[col - 1] === 'number' ? (values[col - 1] as number) : 0));
}

async function writeSheet(book: ReportBook, def: SheetDefinition, scope: ReportScope): Promise<number> {
  const sheet = book.addSheet(def.name, { title: def.title, subtitle: def.subtitle, unit: scope.organization.fullName, reportDate: scope.reportDate, columns: def.columns });
  const formats = new Map(def.tally ? [[def.tally.at, `"共"0"${def.tally.unit}"`]] : []);
  const labelSpan = def.labelSpan ?? 1;
  const total = new Map<number, number>();
  let group = null as { name: string; start: number; count: number; sums: Map<number, number> } | null;
  let count = 0;
  const closeGroup = () => {
    if (!group) return;
    const row = sheet.lastRow + 1;
    // The group (an organization) is named once, on its 小计 row.
    sheet.addTotalRow(totalsRow(def, `${group.name}　小计`, group.start, sheet.lastRow, group.count, group.sums, row), { subtotal: true, labelSpan, formats });
  };
  for (const line of def.rows()) {
    if (line.group !== undefined && line.group !== group?.name) {
      closeGroup();
      group = { name: line.group, start: sheet.lastRow + 1, count: 0, sums: new Map() };
    }
    sheet.addRow(line.values);
    count++;
    add(total, def, line.values);
    if (group) {
      group.count++;
      add(group.sums, def, line.values);
    }
    await book.tick();
  }
  closeGroup();
  const row = sheet.lastRow + 1;
  sheet.addTotalRow(totalsRow(def, '合计', sheet.firstDataRow, sheet.lastRow, count, total, row), { labelSpan, formats });
  sheet.finish(scope.signature);
  return count;
}

export interface ReportResult {
  file: string;
  rows: number;
  sheets: number;
}

/** Writes the report to `outPath` (atomically); never leaves a partial file behind. */
export async function writeReport(ctx: ServiceContext, kind: ReportKind, params: ReportParams, outPath: string, progress: Progress = {}): Promise<ReportResult> {
  const scope = resolveScope(ctx, params);
  return writeSheets(ctx, REPORTS[kind].sheets(ctx, scope), scope, outPath, progress);
}

/** Writes sheets defined outside the report table (e.g. the 催报 list of 汇总上报) with the same style and guarantees. */
export async function writeSheets(ctx: ServiceContext, sheets: SheetDefinition[], scope: ReportScope, outPath: string, progress: Progress = {}): Promise<ReportResult> {
  if (!outPath.toLowerCase().endsWith('.xlsx')) throw new LedgerError('VALIDATION', msg.report.notXlsx);
  // The audit chain's head as the report was written: a later rewrite of the audit shows against the reports sent upward.
  const head = chainHead(ctx.db);
  const book = new ReportBook(outPath, sheets.reduce((n, s) => n + s.count(), 0), progress, { keywords: auditStamp(head), description: msg.report.auditStamp(head.entries, head.lastHash) });
  let rows = 0;
  try {
    for (const s of sheets) rows += await writeSheet(book, s, scope);
  } catch (err) {
    await book.discard();
    throw err;
  }
  await book.commit();
  return { file: outPath, rows, sheets: sheets.length };
}

const PREVIEW_ROWS = 30;

/** A cell as the preview shows it: a formula's value, a rate as the printed percentage. */
function previewValue(v: CellValue, numFmt: string | undefined): string | number | null {
  const value = v !== null && typeof v === 'object' ? v.result : v;
  return numFmt === '0.0%' && typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : value;
}

export function previewReport(ctx: ServiceContext, { kind, ...params }: HandlerInput<'reports.preview'>): ReportPreview {
  const scope = resolveScope(ctx, params);
  return {
    kind,
    unit: scope.organization.fullName,
    reportDate: scope.reportDate,
    signature: scope.signature,
    sheets: REPORTS[kind].sheets(ctx, scope).map((s) => ({
      name: s.name,
      title: s.title,
      subtitle: s.subtitle,
      headers: s.columns.map((c) => c.header),
      groups: s.columns.map((c) => c.group ?? null),
      widths: s.columns.map((c) => c.width),
      rows: [...s.rows(PREVIEW_ROWS)].map((l) => l.values.map((v, i) => previewValue(v, s.columns[i]?.numFmt))),
      total: s.count(),
    })),
  };
}
