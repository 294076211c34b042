/**
 * A form a member fills in or checks and signs: A4 portrait, fit to one page wide, a grid of label/value pairs in
 * four columns under section headings, and blocks with room to sign and stamp. The fonts, borders and the safety
 * of every text cell (cellText, 写为文本) are the report style's own (style.ts); this lays out a form instead of a
 * table.
 */
import type { AddWorksheetOptions, Row, Worksheet } from 'exceljs';
import { BODY_FONT, BORDERS, HEADER_FILL, HEADER_FONT, INFO_FONT, LINE_HEIGHT, MAX_ROW_HEIGHT, TITLE_FONT, commitRow, lineCount } from './style.js';

/** Label, value, label, value: about 90 characters wide, which fits A4 portrait at 100%. */
const WIDTHS = [16, 30, 16, 30];
const TOTAL = WIDTHS.reduce((a, b) => a + b, 0);

export const FORM_SHEET_OPTIONS: Partial<AddWorksheetOptions> = {
  pageSetup: {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
  },
};

const LABEL = { font: HEADER_FONT, border: BORDERS, fill: HEADER_FILL, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } as const;
const VALUE = { font: BODY_FONT, border: BORDERS, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 } } as const;
const BLOCK = { font: BODY_FONT, border: BORDERS, alignment: { horizontal: 'left', vertical: 'top', wrapText: true, indent: 1 } } as const;

/** Points for text wrapped in a width, never less than a comfortable line. */
const heightFor = (text: string, width: number, min = 24) => Math.min(MAX_ROW_HEIGHT, Math.max(min, lineCount(text, width - 2) * LINE_HEIGHT + 10));

export class FormSheet {
  private n = 0;

  constructor(private readonly sheet: Worksheet) {
    sheet.columns = WIDTHS.map((width) => ({ width }));
  }

  private row(height: number): Row {
    const row = this.sheet.getRow(++this.n);
    row.height = height;
    return row;
  }

  /** One text across the whole width, without borders (title, basis, the 编号 line, the note under the form). */
  line(text: string, kind: 'title' | 'info' | 'note' = 'info'): void {
    const font = kind === 'title' ? TITLE_FONT : INFO_FONT;
    const row = this.row(kind === 'title' ? 40 : heightFor(text, TOTAL, 22));
    row.getCell(1).value = text;
    row.getCell(1).style = { font, alignment: { horizontal: kind === 'title' ? 'center' : 'left', vertical: 'middle', wrapText: true } };
    this.sheet.mergeCells(row.number, 1, row.number, 4);
    commitRow(row);
  }

  /** A section heading across the grid: 一、本人基本情况. */
  section(text: string): void {
    const row = this.row(24);
    row.getCell(1).value = text;
    for (let c = 1; c <= 4; c++) row.getCell(c).style = { ...LABEL, alignment: { horizontal: 'left', vertical: 'middle', indent: 1 } };
    this.sheet.mergeCells(row.number, 1, row.number, 4);
    commitRow(row);
  }

  /** Two label/value pairs side by side. */
  pairs(l1: string, v1: string | number | null, l2: string, v2: string | number | null): void {
    const values = [v1, v2].map((v) => (v === null ? '' : String(v)));
    const row = this.row(Math.max(heightFor(values[0]!, WIDTHS[1]!, 30), heightFor(values[1]!, WIDTHS[3]!, 30)));
    [l1, values[0], l2, values[1]].forEach((v, i) => {
      row.getCell(i + 1).value = v!;
      row.getCell(i + 1).style = i % 2 === 0 ? LABEL : VALUE;
    });
    commitRow(row);
  }

  /** One label and a value over the other three columns; `minHeight` leaves room to write by hand. */
  wide(label: string, value: string | null, minHeight = 30): void {
    const text = value ?? '';
    const row = this.row(heightFor(text, TOTAL - WIDTHS[0]!, minHeight));
    row.getCell(1).value = label;
    row.getCell(1).style = LABEL;
    row.getCell(2).value = text;
    for (let c = 2; c <= 4; c++) row.getCell(c).style = VALUE;
    this.sheet.mergeCells(row.number, 2, row.number, 4);
    commitRow(row);
  }

  /** A bordered block across the grid (a pledge, a declaration, the signature and stamp area), tall enough to sign in. */
  block(text: string, minHeight: number, { label, bottom = false }: { label?: string; bottom?: boolean } = {}): void {
    const from = label ? 2 : 1;
    const row = this.row(heightFor(text, label ? TOTAL - WIDTHS[0]! : TOTAL, minHeight));
    if (label) {
      row.getCell(1).value = label;
      row.getCell(1).style = LABEL;
    }
    row.getCell(from).value = text;
    // Signing lines at the bottom leave the space above for the opinion to be written by hand.
    const style = bottom ? { ...BLOCK, alignment: { ...BLOCK.alignment, vertical: 'bottom' as const } } : BLOCK;
    for (let c = from; c <= 4; c++) row.getCell(c).style = style;
    this.sheet.mergeCells(row.number, from, row.number, 4);
    commitRow(row);
  }

  /** The print area, now that the last row is known. */
  finish(): void {
    this.sheet.pageSetup.printArea = `A1:D${this.n}`;
  }
}
