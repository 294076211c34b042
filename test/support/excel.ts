/** Independent readers for exported workbooks: openpyxl (Debian's python3) and LibreOffice headless. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface InspectedCell {
  ref: string;
  type: 's' | 'n' | 'f' | 'd' | 'b';
  value: string | number;
  cached: string | number | null;
  font: string;
  numFmt: string;
  border: boolean;
  quotePrefix: boolean;
}

export interface InspectedSheet {
  name: string;
  merged: string[];
  printArea: string[] | string | null;
  printTitleRows: string | null;
  orientation: string;
  paperSize: number;
  fitToWidth: number;
  fitToHeight: number;
  fitToPage: boolean;
  horizontalCentered: boolean;
  footer: string;
  freeze: string;
  maxRow: number;
  /** Row number → height in points, where one is set. */
  rowHeights: Record<string, number>;
  maxColumn: number;
  cells: InspectedCell[];
}

const SCRIPT = path.join(import.meta.dirname, '../excel/inspect_xlsx.py');

/** Debian's interpreter: the one that has python3-openpyxl (a `python3` on PATH may be another). */
export function inspectWorkbook(file: string): InspectedSheet[] {
  const r = spawnSync('/usr/bin/python3', [SCRIPT, file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${file}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { sheets: InspectedSheet[] }).sheets;
}

/** Converts with LibreOffice headless (its own profile, so parallel runs do not collide); returns the file written. */
function convert(file: string, to: string, ext: string): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-lo-out-'));
  const profile = `file://${fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-lo-'))}`;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { encoding: 'utf8', timeout: 180_000 });
  const out = path.join(outDir, path.basename(file).replace(/\.xlsx$/, ext));
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`LibreOffice could not convert ${file}: ${r.stderr}`);
  return out;
}

/** The first sheet as LibreOffice shows it (its CSV export in UTF-8), as rows of cells. */
export function libreOfficeCells(file: string): string[][] {
  const csv = fs.readFileSync(convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76', '.csv'), 'utf8');
  const rows: string[][] = [[]];
  for (const [, quoted, plain, end] of csv.matchAll(/(?:"((?:[^"]|"")*)"|([^,\n"]*))(,|\r?\n|$)/g)) {
    rows.at(-1)!.push(quoted !== undefined ? quoted.replace(/""/g, '"') : plain!);
    if (end!.endsWith('\n')) rows.push([]);
    if (end === '') break;
  }
  return rows.filter((r) => r.some((c) => c !== ''));
}

/** Converts to PDF with LibreOffice and returns the page count. */
export function pdfPages(file: string): number {
  const pdf = convert(file, 'pdf', '.pdf');
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
  return pages;
}

export const cellAt = (sheet: InspectedSheet, ref: string) => sheet.cells.find((c) => c.ref === ref);

const rowOf = (ref: string) => Number(ref.replace(/^[A-Z]+/, ''));
const colOf = (ref: string) => ref.replace(/\d+$/, '');

/** A 统计表 sheet as openpyxl reads it: column labels 组/列 from its two header rows, then each row's values. */
export interface SummaryTable {
  /** The labels of the columns after 序号 and the name, e.g. 报告（个）/待审核 (a column without a group: its header). */
  labels: string[];
  rows: { name: string; values: (string | number)[] }[];
}

/** Reads a 统计表-shaped sheet (headers on the print-title rows, 合计 label merged over 序号 and the name). */
export function summaryTable(sheet: InspectedSheet): SummaryTable {
  const [top, bottom] = /^\$(\d+):\$(\d+)$/.exec(sheet.printTitleRows ?? '')!.slice(1).map(Number) as [number, number];
  const at = new Map(sheet.cells.map((c) => [c.ref, c]));
  const columns = [...new Set(sheet.cells.filter((c) => rowOf(c.ref) === top || rowOf(c.ref) === bottom).map((c) => colOf(c.ref)))]
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .slice(2);
  let group = '';
  const labels = columns.map((col) => {
    const upper = at.get(`${col}${top}`)?.value;
    const lower = top === bottom ? undefined : at.get(`${col}${bottom}`)?.value;
    // A group heading sits over the first of its merged columns; a column without a group spans both rows.
    if (lower === undefined) group = '';
    else if (upper !== undefined) group = String(upper);
    return lower === undefined ? String(upper) : `${group}/${lower}`;
  });
  const rows: SummaryTable['rows'] = [];
  for (let r = bottom + 1; at.has(`A${r}`); r++) {
    const total = at.get(`A${r}`)!.value === '合计';
    rows.push({ name: total ? '合计' : String(at.get(`B${r}`)?.value), values: columns.map((col) => at.get(`${col}${r}`)?.cached ?? at.get(`${col}${r}`)?.value ?? '') });
    if (total) break;
  }
  return { labels, rows };
}
