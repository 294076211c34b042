/**
 * Text that reaches a report from the register as it is stored — including characters written before the
 * contract refused them, put here with raw SQL — makes a workbook that openpyxl and LibreOffice open, shows
 * where such a character was, and prints text that starts like a formula as it was typed, written as text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/reports/writeReport.js';
import { inspectWorkbook, libreOfficeCells, type InspectedCell, type InspectedSheet } from '../support/excel.js';
import { publicAccount, registerWithMembers } from '../support/register.js';

const STORED = 'A\uFFFEB\uFFFFC\u0001D\u202EE\u007FF';
const SHOWN = 'A\uFFFDB\uFFFDC\uFFFDD\uFFFDE\uFFFDF';
const FORMULAS = ['=1+1', '+1+1', '-2+3', '@SUM(A1)', '=HYPERLINK("http://x")'];

const r = registerWithMembers();
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-report-text-')), 'detail.xlsx');
let sheet: InspectedSheet;
let shown: string[][];

beforeAll(async () => {
  r.db.prepare('UPDATE members SET name = ? WHERE id = ?').run(STORED, r.m1);
  const stored = r.call('accounts.create', publicAccount(r.m1, { accountRef: 'stored_1' }));
  r.db.prepare('UPDATE accounts SET display_name = ? WHERE id = ?').run(`账号${STORED}`, stored.id);
  FORMULAS.forEach((text) => r.call('accounts.create', publicAccount(r.m2, { displayName: text, accountRef: text })));
  r.call('organizations.update', { id: r.root, fullName: '=中共测试委员会', type: '党委' });
  r.call('settings.update', { signature: { leader: '=1+1', reviewer: '@审核', preparer: '-填表', phone: '+86 139 1234 5678' } });
  await writeReport(r.ctx, 'detail', {}, file);
  [sheet] = inspectWorkbook(file) as [InspectedSheet];
  shown = libreOfficeCells(file);
}, 120_000);

const cellsWith = (value: string): InspectedCell[] => sheet.cells.filter((c) => c.value === value);

describe('text cells of a report', () => {
  it('opens in openpyxl with every character XML cannot hold (and every other unsafe one) shown as �', () => {
    expect(cellsWith(SHOWN).map((c) => c.ref.replace(/\d+/, ''))).toEqual(['B']);
    expect(cellsWith(`账号${SHOWN}`)).toHaveLength(1);
    expect(sheet.cells.some((c) => ['\uFFFE', '\uFFFF', '\u0001', '\u007F', '\u202E'].some((ch) => String(c.value).includes(ch)))).toBe(false);
  });

  it('shows the same in LibreOffice', () => {
    const row = shown.find((cells) => cells[1] === SHOWN);
    expect(row?.[6]).toBe(`账号${SHOWN}`);
  });

  it('writes text that starts like a formula as text (写为文本), with no apostrophe to print', () => {
    for (const text of FORMULAS) {
      const cells = cellsWith(text);
      expect(cells.map((c) => c.ref.replace(/\d+/, ''))).toEqual(['G', 'H']);
      expect(cells.every((c) => c.type === 's' && c.quotePrefix)).toBe(true);
    }
    expect(sheet.cells.some((c) => String(c.value).includes("'"))).toBe(false);
    // Ordinary text is not marked: only cells whose first character could start a formula.
    expect(cellsWith('示例读书笔记').every((c) => !c.quotePrefix)).toBe(true);
  });

  it('prints =1+1 as =1+1 in LibreOffice, not computed', () => {
    // Columns G and H (账号名称, 账号ID) of the five accounts: as typed, never a computed 2, 1, #NAME? or link.
    const accounts = shown.filter((cells) => FORMULAS.includes(cells[7]!)).map((cells) => [cells[6], cells[7]]);
    expect(accounts.sort()).toEqual(FORMULAS.map((text) => [text, text]).sort());
  });

  it('puts no apostrophe mid-line in the 填报单位 and signature lines, and marks them not', () => {
    const unit = sheet.cells.find((c) => String(c.value).startsWith('填报单位'))!;
    expect(unit.value).toBe('填报单位（盖章）：=中共测试委员会');
    const signature = sheet.cells.find((c) => String(c.value).startsWith('单位负责人'))!;
    const line = '单位负责人（签字）：=1+1　　　　　审核人：@审核　　　　　填表人：-填表　　　　　联系电话：+86 139 1234 5678';
    expect(signature.value).toBe(line);
    expect([unit.quotePrefix, signature.quotePrefix]).toEqual([false, false]);
    expect(shown.flat()).toContain(line);
  });
});
