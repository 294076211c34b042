/**
 * THE report style: every upward report is laid out here and nowhere else — merged title, 填报单位/填报日期
 * line, header rows repeated on each printed page, thin borders, 宋体/仿宋 body and 黑体 title (charset
 * GB2312 so a PC without the font substitutes a Chinese one), A4 landscape fit to one page wide, centred,
 * 第&P页 共&N页, frozen header, totals as formulas with their cached values, IDs as text, and the signature
 * line. Every text cell is made safe to write: characters XML cannot hold (and the others the contract refuses,
 * in text stored before it did) are shown as �, and text that starts like a formula is written as text.
 */
import { chineseDate } from '../domain/dates.js';
import { markUnsafeChars } from '../domain/text.js';
import type { AddWorksheetOptions, Borders, Cell, Fill, Font, Row, Style, Worksheet } from 'exceljs';
import { BodyRows } from './bodyRows.js';
import { enableQuotePrefix, quotedStyle } from './quotePrefix.js';

/** `index`: the 序号 column; `centred`: short codes (境内/境外); `id`: text that must stay text (ID numbers, account IDs, 文号). */
export type ColumnKind = 'text' | 'id' | 'number' | 'date' | 'index' | 'centred';

export interface ColumnSpec {
  header: string;
  /** The upper header over consecutive columns with the same group (two-level header), with its unit: 报告（个）. */
  group?: string;
  /** Width in Excel character units (a Chinese character is about 2). */
  width: number;
  kind?: ColumnKind;
  /** Excel number format, e.g. '0.0%'. */
  numFmt?: string;
}

export interface Signature {
  leader: string;
  reviewer: string;
  preparer: string;
  phone: string;
}

export interface SheetHeading {
  title: string;
  /** 填报单位（盖章）：… */
  unit: string;
  /** YYYY-MM-DD, printed as 2026年4月12日. */
  reportDate: string;
  /** A line under the title, e.g. the period. */
  subtitle?: string;
  columns: ColumnSpec[];
}

const CHARSET_GB2312 = 134;
export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 18, bold: true, charset: CHARSET_GB2312 };
export const INFO_FONT: Partial<Font> = { name: '宋体', size: 11, charset: CHARSET_GB2312 };
export const HEADER_FONT: Partial<Font> = { name: '黑体', size: 10.5, charset: CHARSET_GB2312 };
export const BODY_FONT: Partial<Font> = { name: '仿宋', size: 10.5, charset: CHARSET_GB2312 };
const TOTAL_FONT: Partial<Font> = { name: '黑体', size: 10.5, charset: CHARSET_GB2312 };
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const SUBTOTAL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };

/** Text starting with these could be taken for a formula (or a DDE command) when a person re-enters the cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * What a text cell holds: any character XML 1.0 cannot carry (U+FFFE, U+FFFF, C0 controls — exceljs drops
 * those silently and writes the others into a file Excel and openpyxl refuse to open) or that the contract
 * refuses (bidi overrides, C1 controls…) becomes a visible �, so the report opens and shows where it was.
 */
export const cellText = markUnsafeChars;

/** Whether text would be taken for a formula if re-entered: such a cell is written with Excel's 写为文本 (quotePrefix). */
export const startsLikeFormula = (text: string) => FORMULA_START.test(text);

export { chineseDate };

export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The first column-header row: after the title, the optional subtitle and the 填报单位 line. */
function headerRowOf(heading: SheetHeading): number {
  return heading.subtitle ? 4 : 3;
}

const twoLevel = (heading: SheetHeading) => heading.columns.some((c) => c.group);

/** The last header row: one below the first when the header has two levels. */
export function lastHeaderRow(heading: SheetHeading): number {
  return headerRowOf(heading) + (twoLevel(heading) ? 1 : 0);
}

/** Print setup, footer and frozen header: given when the sheet is created (the streaming writer takes them only then). */
export function sheetOptions(heading: SheetHeading): Partial<AddWorksheetOptions> {
  const headerRow = headerRowOf(heading);
  const lastRow = lastHeaderRow(heading);
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${lastRow}`,
    },
    headerFooter: { oddFooter: '&C第&P页 共&N页' } as AddWorksheetOptions['headerFooter'],
    views: [{ state: 'frozen', xSplit: 0, ySplit: lastRow }],
  };
}

export type CellValue = string | number | null | { formula: string; result: number };

/**
 * Writes one report table onto a worksheet, row by row, so the streaming writer can commit rows as they
 * are written (memory stays flat however long the table). `finish` sets the print area and signature.
 */
export class ReportSheet {
  private rowNumber = 0;
  readonly firstDataRow: number;
  private readonly width: number;
  private readonly bodyStyles: Partial<Style>[];
  /** Plain body rows bypass exceljs's Row objects (bodyRows.ts). */
  private readonly body: BodyRows;

  constructor(
    private readonly sheet: Worksheet,
    private readonly heading: SheetHeading,
  ) {
    enableQuotePrefix(sheet.workbook);
    this.width = heading.columns.length;
    this.bodyStyles = heading.columns.map((c) => ({
      font: BODY_FONT,
      border: BORDERS,
      alignment: alignmentOf(c.kind),
      numFmt: c.kind === 'id' ? '@' : c.numFmt,
    }));
    this.body = new BodyRows(sheet, this.bodyStyles, heading.columns.map((_, i) => columnLetter(i + 1)));
    const last = columnLetter(this.width);
    this.firstDataRow = lastHeaderRow(heading) + 1;
    sheet.columns = heading.columns.map((c) => ({ width: c.width }));

    const title = this.nextRow([heading.title]);
    title.height = 36;
    this.style(title, TITLE_FONT, { horizontal: 'center', vertical: 'middle' });
    sheet.mergeCells(`A${title.number}:${last}${title.number}`);
    this.commit(title);

    if (heading.subtitle) {
      const sub = this.nextRow([heading.subtitle]);
      this.style(sub, INFO_FONT, { horizontal: 'center', vertical: 'middle' });
      sheet.mergeCells(`A${sub.number}:${last}${sub.number}`);
      this.commit(sub);
    }

    const split = Math.max(1, Math.floor(this.width / 2));
    const info = this.nextRow([]);
    info.getCell(1).value = `填报单位（盖章）：${heading.unit}`;
    info.getCell(split + 1).value = `填报日期：${chineseDate(heading.reportDate)}`;
    this.style(info, INFO_FONT, { vertical: 'middle' });
    info.getCell(split + 1).alignment = { horizontal: 'right', vertical: 'middle' };
    info.height = 22;
    sheet.mergeCells(`A${info.number}:${columnLetter(split)}${info.number}`);
    if (split + 1 < this.width) sheet.mergeCells(`${columnLetter(split + 1)}${info.number}:${last}${info.number}`);
    this.commit(info);

    this.writeHeader(heading.columns);
  }

  /**
   * One header row, or two when columns are grouped: the group's name merged across its columns above, and a
   * column without a group merged down through both rows.
   */
  private writeHeader(columns: ColumnSpec[]): void {
    const style = (row: Row) => this.style(row, HEADER_FONT, { horizontal: 'center', vertical: 'middle', wrapText: true }, HEADER_FILL, true);
    if (!columns.some((c) => c.group)) {
      const header = this.nextRow(columns.map((c) => c.header));
      header.height = Math.max(30, headerHeight(columns));
      style(header);
      this.commit(header);
      return;
    }
    const upper = this.nextRow(columns.map((c) => c.group ?? c.header));
    const lower = this.nextRow(columns.map((c) => (c.group ? c.header : null)));
    upper.height = 24;
    lower.height = Math.max(30, headerHeight(columns));
    style(upper);
    style(lower);
    for (let i = 0; i < columns.length; ) {
      let j = i;
      while (columns[i]!.group && columns[j + 1]?.group === columns[i]!.group) j++;
      if (!columns[i]!.group) this.sheet.mergeCells(upper.number, i + 1, lower.number, i + 1);
      else if (j > i) this.sheet.mergeCells(upper.number, i + 1, upper.number, j + 1);
      i = j + 1;
    }
    this.commit(upper);
    this.commit(lower);
  }

  get lastRow(): number {
    return this.rowNumber;
  }

  private nextRow(values: CellValue[]): Row {
    this.rowNumber++;
    const row = this.sheet.getRow(this.rowNumber);
    values.forEach((v, i) => (row.getCell(i + 1).value = v));
    return row;
  }

  private style(row: Row, font: Partial<Font>, alignment: Cell['alignment'], fill?: Fill, borders = false): void {
    for (let c = 1; c <= this.width; c++) {
      const cell = row.getCell(c);
      cell.font = font;
      cell.alignment = alignment;
      if (fill) cell.fill = fill;
      if (borders) cell.border = BORDERS;
    }
  }

  /**
   * Every row is written out here (the streaming writer writes a row when committed), so every text cell —
   * title, header, body, totals, signature — passes the same two rules: cellText, and 写为文本 where it
   * starts like a formula (only the cell's first character matters: `单位负责人：=x` is no formula).
   */
  private commit(row: Row): void {
    // Body rows gathered beside exceljs go first: its row writes straight into the same stream.
    this.body.flush();
    commitRow(row);
  }

  /** A body row: IDs and account IDs as text, numbers right-aligned. */
  addRow(values: CellValue[]): number {
    const cells = values.map((v, i) => v ?? (this.heading.columns[i]?.kind === 'number' ? null : ''));
    // Viewers do not reliably grow a row for wrapped text (LibreOffice keeps the default height), so the
    // height is set from the longest wrapped cell: a long organization name takes two or three lines.
    const height = rowHeight(values, this.heading.columns);
    if (this.body.accepts(cells)) {
      // The same two rules as commit(): safe characters, and 写为文本 where the text starts like a formula.
      const texts = cells.map((v) => (typeof v === 'string' ? cellText(v) : v));
      this.body.write(++this.rowNumber, height, texts, texts.map((v) => typeof v === 'string' && startsLikeFormula(v)));
      return this.rowNumber;
    }
    const row = this.nextRow(cells);
    row.height = height;
    // One shared style object per column: exceljs recognises a style object it has seen and skips
    // re-serialising it, which makes a 300k-row sheet several times faster than per-cell styles.
    this.bodyStyles.forEach((style, i) => (row.getCell(i + 1).style = style));
    this.commit(row);
    return row.number;
  }

  /**
   * 小计 / 合计: the label merged across the first `labelSpan` columns (so it never sits alone in 序号), then
   * formula cells that carry their computed value for viewers that do not recalculate. `formats` gives a cell
   * its own number format (a count shown as 共12个).
   */
  addTotalRow(values: CellValue[], { subtotal = false, labelSpan = 1, formats = new Map<number, string>() } = {}): number {
    const row = this.nextRow(values);
    const label = String(values[0] ?? '');
    const labelWidth = this.heading.columns.slice(0, labelSpan).reduce((w, c) => w + c.width, 0);
    row.height = Math.max(22, lineCount(label, labelWidth) * LINE_HEIGHT + 7);
    this.style(row, TOTAL_FONT, { horizontal: 'center', vertical: 'middle', wrapText: true }, subtotal ? SUBTOTAL_FILL : undefined, true);
    this.heading.columns.forEach((c, i) => {
      const numFmt = formats.get(i + 1) ?? c.numFmt;
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
    });
    if (labelSpan > 1) this.sheet.mergeCells(row.number, 1, row.number, labelSpan);
    this.commit(row);
    return row.number;
  }

  /** The signature line under the table (报备规则's, or a sheet's own words), and the print area now that the last row is known. */
  finish(signature: Signature | string): void {
    this.rowNumber++;
    const gap = this.sheet.getRow(this.rowNumber);
    gap.height = 12;
    this.commit(gap);
    const row = this.nextRow([typeof signature === 'string' ? signature : signatureLine(signature)]);
    this.style(row, INFO_FONT, { vertical: 'bottom' });
    // Room to sign by hand above the line: a signature takes more than one printed line.
    row.height = 42;
    this.sheet.mergeCells(`A${row.number}:${columnLetter(this.width)}${row.number}`);
    this.commit(row);
    this.sheet.pageSetup.printArea = `A1:${columnLetter(this.width)}${row.number}`;
  }
}

/** Makes a row's text cells safe (cellText, 写为文本 where it starts like a formula) and hands it to the streaming writer. */
export function commitRow(row: Row): void {
  row.eachCell((cell) => {
    // A merged range's other cells show its first cell's value: that one is checked.
    if (cell.master !== cell || typeof cell.value !== 'string') return;
    const text = cellText(cell.value);
    if (text !== cell.value) cell.value = text;
    if (startsLikeFormula(text)) {
      // Whichever sheet the row is on (a report's, a form's): its workbook learns the attribute before using it.
      enableQuotePrefix((row as Row & { worksheet: { workbook: unknown } }).worksheet.workbook);
      cell.style = quotedStyle(cell.style);
    }
  });
  (row as Row & { commit?: () => void }).commit?.();
}

/** Each signer's blank is wide enough to sign in; a name set in 报备规则 is printed in it. */
export function signatureLine(s: Signature): string {
  const blank = (name: string) => (name ? `${name}　　　` : '　　　　　　');
  return `单位负责人（签字）：${blank(s.leader)}　　审核人：${blank(s.reviewer)}　　填表人：${blank(s.preparer)}　　联系电话：${s.phone || '　　　　　　　'}`;
}

function alignmentOf(kind: ColumnKind | undefined): Partial<Cell['alignment']> {
  if (kind === 'number') return { horizontal: 'right', vertical: 'middle', indent: 1 };
  if (kind === 'date' || kind === 'index' || kind === 'centred') return { horizontal: 'center', vertical: 'middle' };
  // Indented, so text never touches the cell border when printed.
  return { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 };
}

/** Width of text in Excel column units: a Chinese character takes about two, Latin letters and digits one. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

export const LINE_HEIGHT = 14;
/** The tallest row Excel and WPS accept (points); a taller one is refused or printed across pages. */
export const MAX_ROW_HEIGHT = 409;

/** Printed lines of a wrapped text in a column: its own line breaks, each wrapped at the column's usable width (less the indent). */
export function lineCount(text: string, width: number): number {
  const usable = Math.max(1, width);
  // No character is wider than two units: most cells fit on one line without measuring them (a 300k-row 明细表).
  if (text.length * 2 <= usable && !text.includes('\n')) return 1;
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
}

/** Points for a body row: enough lines for the longest wrapped text cell, never less than one comfortable line. */
export function rowHeight(values: CellValue[], columns: ColumnSpec[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    const column = columns[i];
    if (typeof v !== 'string' || !column || column.kind === 'number' || column.kind === 'date' || column.kind === 'index' || column.kind === 'centred') return;
    lines = Math.max(lines, lineCount(v, column.width));
  });
  return lines === 1 ? 20 : Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 6);
}

/** The header row's height: its longest header wrapped in its column. */
function headerHeight(columns: ColumnSpec[]): number {
  return Math.max(...columns.map((c) => lineCount(c.header, c.width))) * LINE_HEIGHT + 8;
}

/** A SUM/SUBTOTAL formula cell with its cached value. */
export function formula(expression: string, result: number): CellValue {
  return { formula: expression, result };
}
