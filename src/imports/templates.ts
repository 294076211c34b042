/**
 * The import templates: a data sheet with our column names (which the importer maps without asking), dropdowns
 * for every closed list — platforms from 报备规则, the vocabulary, organizations by full name — ID number and account
 * ID columns formatted as text (so Excel never turns an ID into 3.2E+17), and a 填写说明 sheet. Written with the
 * streaming writer like every other workbook: exceljs's in-memory writer hands its XML to JSZip as a string, which
 * encodes it in 16K-character chunks and turns a 4-byte character split between two chunks (𠮷 in an organization's
 * name, an emoji) into two �.
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
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
  const data = book.addWorksheet(msg.imports.template.sheet[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = fields.map((f) => ({
    header: f.label,
    key: f.key,
    width: f.key === 'idNumber' || f.key === 'ownerIdNumber' ? 22 : 16,
    style: TEXT_FIELDS.has(f.key) ? { numFmt: '@' } : {},
  }));
  const header = data.getRow(1);
  header.font = { bold: true };
  fields.forEach((f, i) => {
    if (f.required) header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
  });
  header.commit();
  // Lists live on a hidden sheet: an inline list is limited to 255 characters, a platform list is not.
  const listsByField = choices(ctx, kind);
  const listed = fields.flatMap((f, i) => {
    const values = listsByField[f.key];
    return values?.length ? [{ field: f, column: i + 1, values }] : [];
  });
  listed.forEach(({ field: f, column, values }, n) => {
    const col = columnLetter(column);
    const listCol = columnLetter(n + 1);
    const length = values.length;
    // exceljs has the range form but does not declare it.
    (data as unknown as { dataValidations: { add(range: string, v: unknown): void } }).dataValidations.add(`${col}2:${col}${FORMATTED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${msg.imports.template.listsSheet}'!$${listCol}$1:$${listCol}$${length}`],
      showErrorMessage: f.key !== 'organization',
      errorTitle: msg.imports.template.choiceTitle,
      error: msg.imports.template.choiceError,
    });
  });
  data.commit();
  const notes = book.addWorksheet(msg.imports.template.notesSheet);
  notes.columns = [{ width: 100 }];
  msg.imports.template.notes[kind].forEach((line, i) => {
    const row = notes.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
    row.commit();
  });
  notes.commit();
  const lists = book.addWorksheet(msg.imports.template.listsSheet, { state: 'veryHidden' });
  const longest = Math.max(0, ...listed.map((l) => l.values.length));
  for (let r = 0; r < longest; r++) lists.addRow(listed.map((l) => l.values[r] ?? null)).commit();
  lists.commit();
  await book.commit();
  fs.renameSync(temp, outPath);
  return fields.length;
}
