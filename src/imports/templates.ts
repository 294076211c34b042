/**
 * The import templates: a data sheet with our column names (which the importer maps without asking), dropdowns
 * for every closed list — platforms from 报备规则, the vocabulary, organizations by full name — ID number and account
 * ID columns formatted as text (so Excel never turns an ID into 3.2E+17), and a 填写说明 sheet. Our own small file,
 * so the in-memory workbook is fine here.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { IMPORT_FIELDS, type ImportKind } from '../contract/importOutcome.js';
import { ACCOUNT_KINDS, CAPACITIES, PARTY_STATUSES, RANKS, REGIONS } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import type { ServiceContext } from '../services/context.js';
import { getSettings } from '../services/settings.js';

/** Rows that carry the dropdowns and text format: beyond what one branch fills in by hand. */
const FORMATTED_ROWS = 5000;
const TEXT_FIELDS = new Set(['idNumber', 'ownerIdNumber', 'accountRef', 'phone']);

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

function choices(ctx: ServiceContext, kind: ImportKind): Record<string, readonly string[]> {
  if (kind === 'members') {
    const orgs = ctx.db.prepare('SELECT full_name FROM organizations ORDER BY tree_path').all() as { full_name: string }[];
    return { organization: orgs.map((o) => o.full_name), rank: RANKS, partyStatus: PARTY_STATUSES };
  }
  return { platform: getSettings(ctx).platforms, region: REGIONS, capacity: CAPACITIES, kind: ACCOUNT_KINDS, filingState: ['已登记', '待审核', '未报备'] };
}

export async function writeTemplate(ctx: ServiceContext, kind: ImportKind, outPath: string, temp: string): Promise<number> {
  const fields = IMPORT_FIELDS[kind];
  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet(msg.imports.template.sheet[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  const notes = book.addWorksheet(msg.imports.template.notesSheet);
  // Lists live on a hidden sheet: an inline list is limited to 255 characters, a platform list is not.
  const lists = book.addWorksheet(msg.imports.template.listsSheet, { state: 'veryHidden' });
  data.columns = fields.map((f) => ({ header: f.label, key: f.key, width: f.key === 'idNumber' || f.key === 'ownerIdNumber' ? 22 : 16 }));
  const header = data.getRow(1);
  header.font = { bold: true };
  fields.forEach((f, i) => {
    if (f.required) header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
  });
  const listsByField = choices(ctx, kind);
  let listColumn = 0;
  fields.forEach((f, i) => {
    const col = columnLetter(i + 1);
    if (TEXT_FIELDS.has(f.key)) data.getColumn(i + 1).numFmt = '@';
    const values = listsByField[f.key];
    if (!values?.length) return;
    listColumn++;
    const listCol = columnLetter(listColumn);
    values.forEach((v, r) => (lists.getCell(`${listCol}${r + 1}`).value = v));
    // exceljs has the range form but does not declare it.
    (data as unknown as { dataValidations: { add(range: string, v: unknown): void } }).dataValidations.add(`${col}2:${col}${FORMATTED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${msg.imports.template.listsSheet}'!$${listCol}$1:$${listCol}$${values.length}`],
      showErrorMessage: f.key !== 'organization',
      errorTitle: msg.imports.template.choiceTitle,
      error: msg.imports.template.choiceError,
    });
  });
  notes.columns = [{ width: 100 }];
  for (const line of msg.imports.template.notes[kind]) notes.addRow([line]);
  notes.getRow(1).font = { bold: true, size: 14 };
  await book.xlsx.writeFile(temp);
  fs.renameSync(temp, outPath);
  return fields.length;
}
