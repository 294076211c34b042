/**
 * Sheets for import tests, written by three different programs so the importer is not tested only against files of
 * its own writer: exceljs, openpyxl (Debian's python3) and LibreOffice (a flat .fods converted to .xlsx headless).
 * Plus CSV in the encodings WPS and Excel write, and hostile files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type SpecCell = string | number | null | { date: string };

const PYTHON = '/usr/bin/python3';
const MAKER = path.join(import.meta.dirname, 'make_sheets.py');

function python(spec: object): void {
  const r = spawnSync(PYTHON, [MAKER], { input: JSON.stringify(spec), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make_sheets.py failed: ${r.stderr}`);
}

export function writeWithOpenpyxl(file: string, rows: SpecCell[][], merges: string[] = []): string {
  python({ kind: 'openpyxl', path: file, rows, merges });
  return file;
}

export async function writeWithExceljs(file: string, rows: SpecCell[][], merges: string[] = [], sheetName = '名册'): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row.map((c) => (c && typeof c === 'object' ? new Date(`${c.date}T00:00:00Z`) : c)));
  sheet.eachRow((r) => r.eachCell((c) => c.value instanceof Date && (c.numFmt = 'yyyy-mm-dd')));
  for (const m of merges) sheet.mergeCells(m);
  await book.xlsx.writeFile(file);
  return file;
}

function fodsCell(c: SpecCell): string {
  if (c === null) return '<table:table-cell/>';
  if (typeof c === 'number') return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
  if (typeof c === 'object') return `<table:table-cell table:style-name="date" office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`;
  const text = c.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;
}

/** LibreOffice writes the .xlsx: a flat ODS (string cells stay text, dates are dates) converted headless. */
export function writeWithLibreOffice(file: string, rows: SpecCell[][]): string {
  const dir = path.dirname(file);
  const base = path.basename(file, '.xlsx');
  const fods = path.join(dir, `${base}.fods`);
  fs.writeFileSync(
    fods,
    `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="d"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="d"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="名册">
${rows.map((r) => `<table:table-row>${r.map(fodsCell).join('')}</table:table-row>`).join('\n')}
</table:table></office:spreadsheet></office:body></office:document>`,
  );
  const profile = path.join(dir, 'lo-profile');
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', dir, fods], { encoding: 'utf8', timeout: 120_000 });
  if (!fs.existsSync(path.join(dir, `${base}.xlsx`))) throw new Error(`soffice failed: ${r.stderr}`);
  return file;
}

export function writeCsv(file: string, rows: string[][], encoding: 'utf8' | 'utf8-bom' | 'gbk' | 'gb18030'): string {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  const bytes = encoding === 'utf8' ? Buffer.from(text) : encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : iconv.encode(text, encoding);
  fs.writeFileSync(file, bytes);
  return file;
}

export type HostileKind = 'truncated' | 'renamed-xls' | 'encrypted' | 'bomb' | 'lying-bomb' | 'random' | 'dimension' | 'doctype' | 'encrypted-entry';

/** A file that must be refused with a message; `valid` is a sound .xlsx to cut short for 'truncated'. */
export function writeHostile(file: string, kind: HostileKind, valid: string): string {
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (kind === 'truncated') fs.writeFileSync(file, fs.readFileSync(valid).subarray(0, Math.floor(fs.statSync(valid).size / 2)));
  else if (kind === 'renamed-xls') fs.writeFileSync(file, Buffer.concat([ole, Buffer.alloc(4096, 0x20), Buffer.from('Workbook', 'utf16le')]));
  else if (kind === 'encrypted') fs.writeFileSync(file, Buffer.concat([ole, Buffer.alloc(2048), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(2048)]));
  else if (kind === 'random') {
    // Deterministic noise (a linear congruential sequence): the same bytes every run.
    const b = Buffer.alloc(64 * 1024);
    let x = 12345;
    for (let i = 0; i < b.length; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    fs.writeFileSync(file, b);
  } else python({ kind: 'hostile', path: file, what: kind });
  return file;
}
