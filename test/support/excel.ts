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

/** Converts with LibreOffice headless (its own profile, so parallel runs do not collide) and returns the PDF's page count. */
export function pdfPages(file: string): number {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-pdf-'));
  const profile = `file://${fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-lo-'))}`;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { encoding: 'utf8', timeout: 180_000 });
  const pdf = path.join(outDir, path.basename(file).replace(/\.xlsx$/, '.pdf'));
  if (r.status !== 0 || !fs.existsSync(pdf)) throw new Error(`LibreOffice could not convert ${file}: ${r.stderr}`);
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
  return pages;
}

export const cellAt = (sheet: InspectedSheet, ref: string) => sheet.cells.find((c) => c.ref === ref);
