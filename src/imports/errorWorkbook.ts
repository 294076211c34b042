/**
 * The refused rows, for the sub-unit to correct and send back: the file's own columns plus 错误说明, written with the
 * streaming writer (atomically: a temporary file renamed when complete). ID numbers stay text.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { RowProblem } from '../contract/importOutcome.js';
import { msg } from '../i18n/messages.js';
import { cellText } from './cellValues.js';
import type { Cell } from './sheetReader.js';

export interface RefusedRow {
  row: number;
  label: string;
  cells: Cell[];
  problems: RowProblem[];
}

export function explain(problems: RowProblem[]): string {
  return problems.map((p) => `${p.column ? `【${p.column}】` : ''}${p.problem}${p.suggestion ? ` ${p.suggestion}` : ''}`).join('\n');
}

export async function writeErrorWorkbook(outPath: string, temp: string, columns: string[], rows: RefusedRow[]): Promise<void> {
  try {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    const sheet = book.addWorksheet(msg.imports.errorSheet);
    const width = Math.max(columns.length, ...rows.map((r) => r.cells.length));
    // Every column is text: an ID number must come back exactly as it went out.
    sheet.columns = [...Array.from({ length: width }, (_, i) => ({ width: 16, style: { numFmt: '@' }, key: `c${i}` })), { width: 60, key: 'err' }];
    const header = sheet.addRow([...Array.from({ length: width }, (_, i) => columns[i] ?? ''), msg.imports.errorColumn, msg.imports.rowColumn]);
    header.font = { bold: true };
    header.commit();
    for (const r of rows) {
      const line = sheet.addRow([...Array.from({ length: width }, (_, i) => cellText(r.cells[i] ?? null)), explain(r.problems), r.row]);
      line.getCell(width + 1).alignment = { wrapText: true, vertical: 'top' };
      line.commit();
    }
    await sheet.commit();
    await book.commit();
    fs.renameSync(temp, outPath);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
