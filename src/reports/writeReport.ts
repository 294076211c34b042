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
import { chaseReport } from './chaseReport.js';
import { handoverReport } from './handoverReport.js';
import { columnLetter, formula, type CellValue } from './style.js';
import { summaryReport } from './summaryReport.js';

export const REPORTS: Record<ReportKind, ReportDefinition> = {
  summary: summaryReport,
  detail: detailReport,
  commendations: commendationsReport,
  requests: requestsReport,
  campaign: campaignReport,
  chase: chaseReport,
  handover: handoverReport,
};

/** Rows a sheet holds in Excel and WPS; a longer table continues on further sheets. */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Rows a sheet keeps free below its data: a group's 小计, the 本表合计 or 合计, the gap and the signature line. */
const CLOSING_ROWS = 4;

/** A 小计 or 本表合计 row on an earlier sheet of the same table, added into the total that continues it. */
interface Carried {
  sheet: string;
  row: number;
}

/**
 * The values of a 小计/合计 row over data rows from..to, with cached results from the running totals, plus the
 * same cells of `carried` rows on earlier sheets (a group or a table that began there).
 */
function totalsRow(def: SheetDefinition, label: string, from: number, to: number, count: number, sums: Map<number, number>, row: number, carried: Carried[] = []): CellValue[] {
  const values: CellValue[] = def.columns.map(() => '');
  values[0] = label;
  const range = (col: number) => `${columnLetter(col)}${from}:${columnLetter(col)}${to}`;
  const plus = (col: number) => carried.map((c) => `+'${c.sheet}'!${columnLetter(col)}${c.row}`).join('');
  if (def.tally) values[def.tally.at - 1] = count ? formula(`SUBTOTAL(3,${range(def.tally.of)})${plus(def.tally.at)}`, count) : 0;
  for (const col of def.sumColumns) values[col - 1] = count ? formula(`SUBTOTAL(9,${range(col)})${plus(col)}`, sums.get(col) ?? 0) : 0;
  def.columns.forEach((_, i) => {
    const extra = def.totalExtra?.(i + 1, sums, row);
    if (extra !== undefined) values[i] = extra;
  });
  return values;
}

function add(sums: Map<number, number>, def: SheetDefinition, values: CellValue[]) {
  for (const col of def.sumColumns) sums.set(col, (sums.get(col) ?? 0) + (typeof values[col - 1] === 'number' ? (values[col - 1] as number) : 0));
}

/** Rows counted and summed since some row: a group's part on this sheet, the whole group, this sheet, the table. */
const tally = () => ({ count: 0, sums: new Map<number, number>() });
type Tally = ReturnType<typeof tally>;
function count(t: Tally, def: SheetDefinition, values: CellValue[]) {
  t.count++;
  add(t.sums, def, values);
}

/**
 * One table, on as many sheets as Excel's row limit needs: each continuation sheet repeats the title and header
 * (its name says 续), a group cut by the break gets a 小计 of its part and its final 小计 adds that part in, and
 * each sheet but the last ends with 本表合计, which the 合计 on the last sheet adds in — so every figure stays
 * right as a formula, not only as a cached value.
 */
async function writeSheet(book: ReportBook, def: SheetDefinition, scope: ReportScope, maxRows: number): Promise<{ rows: number; sheets: number }> {
  const heading = { title: def.title, subtitle: def.subtitle, unit: scope.organization.fullName, reportDate: scope.reportDate, columns: def.columns };
  const formats = new Map(def.tally ? [[def.tally.at, `"共"0"${def.tally.unit}"`]] : []);
  const labelSpan = def.labelSpan ?? 1;
  const nameOf = (part: number) => (part === 0 ? def.name : `${def.name}（续${part}）`);
  let part = 0;
  let sheet = book.addSheet(def.name, heading);
  const table = tally();
  let onSheet = tally();
  const sheetTotals: Carried[] = [];
  let group = null as { name: string; start: number; whole: Tally; part: Tally; carried: Carried[] } | null;
  const closeGroup = () => {
    if (!group) return;
    const row = sheet.lastRow + 1;
    // The group (an organization) is named once, on its 小计 row.
    sheet.addTotalRow(totalsRow(def, `${group.name}　小计`, group.start, sheet.lastRow, group.whole.count, group.whole.sums, row, group.carried), { subtotal: true, labelSpan, formats });
  };
  const continueOnNextSheet = () => {
    if (group) {
      const row = sheet.lastRow + 1;
      sheet.addTotalRow(totalsRow(def, `${group.name}　小计（本表部分）`, group.start, sheet.lastRow, group.part.count, group.part.sums, row), { subtotal: true, labelSpan, formats });
      group.carried.push({ sheet: nameOf(part), row });
    }
    const row = sheet.lastRow + 1;
    sheet.addTotalRow(totalsRow(def, '本表合计（续下表）', sheet.firstDataRow, sheet.lastRow, onSheet.count, onSheet.sums, row), { labelSpan, formats });
    sheetTotals.push({ sheet: nameOf(part), row });
    sheet.finish(def.signature ?? scope.signature);
    book.commitSheets();
    sheet = book.addSheet(nameOf(++part), heading);
    onSheet = tally();
    if (group) Object.assign(group, { start: sheet.lastRow + 1, part: tally() });
  };
  for (const line of def.rows()) {
    if (line.group !== undefined && line.group !== group?.name) {
      closeGroup();
      group = { name: line.group, start: sheet.lastRow + 1, whole: tally(), part: tally(), carried: [] };
    }
    if (sheet.lastRow + 1 + CLOSING_ROWS > maxRows) continueOnNextSheet();
    sheet.addRow(line.values);
    for (const t of [table, onSheet, group?.whole, group?.part]) if (t) count(t, def, line.values);
    await book.tick();
  }
  closeGroup();
  const row = sheet.lastRow + 1;
  if (def.total !== false) sheet.addTotalRow(totalsRow(def, '合计', sheet.firstDataRow, sheet.lastRow, table.count, table.sums, row, sheetTotals), { labelSpan, formats });
  sheet.finish(def.signature ?? scope.signature);
  return { rows: table.count, sheets: part + 1 };
}

export interface ReportResult {
  file: string;
  rows: number;
  sheets: number;
}

/** Writes the report to `outPath` (atomically); never leaves a partial file behind. */
export async function writeReport(ctx: ServiceContext, kind: ReportKind, params: ReportParams, outPath: string, progress: Progress = {}, maxRows = EXCEL_MAX_ROWS): Promise<ReportResult> {
  const scope = resolveScope(ctx, params);
  return writeSheets(ctx, REPORTS[kind].sheets(ctx, scope), scope, outPath, progress, maxRows);
}

/** Writes sheets defined outside the report table (e.g. the 催报 list of 汇总上报) with the same style and guarantees. */
export async function writeSheets(ctx: ServiceContext, sheets: SheetDefinition[], scope: ReportScope, outPath: string, progress: Progress = {}, maxRows = EXCEL_MAX_ROWS): Promise<ReportResult> {
  if (!outPath.toLowerCase().endsWith('.xlsx')) throw new LedgerError('VALIDATION', msg.report.notXlsx);
  // The audit chain's head as the report was written: a later rewrite of the audit shows against the reports sent upward.
  const head = chainHead(ctx.db);
  const book = new ReportBook(outPath, sheets.reduce((n, s) => n + s.count(), 0), progress, { keywords: auditStamp(head), description: msg.report.auditStamp(head.entries, head.lastHash) });
  let rows = 0;
  let written = 0;
  try {
    for (const s of sheets) {
      const r = await writeSheet(book, s, scope, maxRows);
      rows += r.rows;
      written += r.sheets;
    }
  } catch (err) {
    await book.discard();
    throw err;
  }
  await book.commit();
  return { file: outPath, rows, sheets: written };
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
      signature: s.signature ?? null,
    })),
  };
}
