/**
 * The one reader of files from outside (members, accounts — and any other import that reads a sheet): rows as plain
 * values with their original row numbers, from an .xlsx through exceljs's streaming reader (never the in-memory
 * workbook, which needs gigabytes for 100,000 rows) after the zip checks, or from a .csv in UTF-8 or GBK/GB18030.
 * Bounds rows and columns as it goes, and stops when the signal aborts.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { msg } from '../i18n/messages.js';
import { ImportRefused, LIMITS } from './limits.js';
import { checkWorkbookFile, refuseForeignFormat } from './zipCheck.js';
import { decodeExceljsStreamsWhole } from './exceljsUtf8.js';

decodeExceljsStreamsWhole();

/** A cell as read: text, a number (also what Excel made of a long ID), a date (a date-formatted cell), or empty. */
export type Cell = string | number | Date | boolean | null;

export interface SheetRow {
  /** The row number the person sees in WPS/Excel (1-based). */
  row: number;
  cells: Cell[];
}

export interface ReadOptions {
  signal?: AbortSignal;
}

/** An instructions sheet (our template's 填写说明) is never the data. */
const INSTRUCTION_SHEET = /说明|填表|instructions?/i;

export class ImportCancelled extends Error {}

export function readSheet(file: string, fileName: string, options: ReadOptions = {}): AsyncGenerator<SheetRow> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv') return readCsv(file, options);
  if (ext === '.xls' || ext === '.et') throw new ImportRefused(msg.imports.oldFormat);
  if (ext !== '.xlsx') throw new ImportRefused(msg.imports.extension);
  checkWorkbookFile(file);
  return readXlsx(file, options);
}

function plainValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  // A formula's cached result is what the person saw in the cell.
  if ('result' in v) return plainValue(v.result);
  if (v.text !== undefined) return plainValue(v.text);
  return null;
}

function checkBounds(rowNumber: number, width: number): void {
  if (rowNumber > LIMITS.rows + LIMITS.headerSearchRows) throw new ImportRefused(msg.imports.tooManyRows(LIMITS.rows));
  if (width > LIMITS.columns) throw new ImportRefused(msg.imports.tooManyColumns(LIMITS.columns));
}

async function* readXlsx(file: string, { signal }: ReadOptions): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
  let done = false;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      // Sheets after the data sheet are still read to their end, so exceljs leaves no temporary file behind.
      const wanted = !done && !INSTRUCTION_SHEET.test(name);
      for await (const row of sheet) {
        if (signal?.aborted) throw new ImportCancelled();
        if (!wanted) continue;
        const values = row.values as unknown[];
        checkBounds(row.number, values.length - 1);
        // Dense: exceljs leaves holes for empty cells, which map() and forEach() would skip.
        const cells = values.slice(1) as Cell[];
        for (let i = 0; i < cells.length; i++) cells[i] = plainValue(cells[i]);
        yield { row: row.number, cells };
      }
      if (wanted) done = true;
    }
  } catch (err) {
    if (err instanceof ImportRefused || err instanceof ImportCancelled) throw err;
    // exceljs met something it cannot read (a part that is not XML, a broken inflate): the file, not the program.
    throw new ImportRefused(msg.imports.unreadable);
  }
  if (!done) throw new ImportRefused(msg.imports.noSheet);
}

/** UTF-8 (BOM or not) first — strict, so a GBK file never passes as garbled UTF-8 — then GB18030 (a superset of GBK). */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

/** RFC 4180 fields: quotes around fields with commas, line breaks or quotes ("" inside). */
export function* csvRows(text: string): Generator<string[]> {
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      yield row;
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    yield row;
  }
}

async function* readCsv(file: string, { signal }: ReadOptions): AsyncGenerator<SheetRow> {
  const size = fs.statSync(file).size;
  if (size === 0) throw new ImportRefused(msg.imports.empty);
  if (size > LIMITS.fileBytes) throw new ImportRefused(msg.imports.tooLarge(LIMITS.fileBytes));
  const buf = fs.readFileSync(file);
  // A workbook renamed to .csv is still a workbook: say what it is.
  if (buf[0] === 0x50 && buf[1] === 0x4b) throw new ImportRefused(msg.imports.workbookAsCsv);
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) refuseForeignFormat(buf, () => buf);
  const text = decodeText(buf);
  if (text.includes('\u0000')) throw new ImportRefused(msg.imports.notText);
  let n = 0;
  for (const cells of csvRows(text)) {
    n++;
    if (signal?.aborted) throw new ImportCancelled();
    checkBounds(n, cells.length);
    yield { row: n, cells };
  }
}
