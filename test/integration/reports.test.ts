import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import type { ReportKind } from '../../src/contract/reports.js';
import { writeReport } from '../../src/reports/writeReport.js';
import { cellAt, inspectWorkbook, pdfPages, type InspectedSheet } from '../support/excel.js';
import { caller } from '../support/ledger.js';
import { validId } from '../support/ids.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-reports-'));
let ledger: Ledger;
const files: Partial<Record<ReportKind, string>> = {};
const sheets: Partial<Record<ReportKind, InspectedSheet[]>> = {};
const HOSTILE = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)'];

beforeAll(async () => {
  ledger = openAdminLedger(path.join(dir, 'data'));
  const call = caller(ledger.registry);
  call('system.demo', { members: 400, seed: 3 });
  call('settings.update', { signature: { leader: '测试负责人', reviewer: '测试审核人', preparer: '测试填表人', phone: '0512-65221234' } });
  const branch = call('organizations.tree', {}).find((o) => o.type === '党支部')!;
  HOSTILE.forEach((name, i) => {
    const m = call('members.create', { name, organizationId: branch.id, idNumber: validId('1980-01-0' + (i + 1), 900 + i) });
    call('accounts.create', { memberId: m.id, platform: '微博', region: '境内', capacity: '个人', kind: '公众账号', displayName: name, accountRef: name, administrator: name });
  });
  for (const kind of ['summary', 'detail', 'commendations', 'requests', 'campaign'] as const) {
    files[kind] = path.join(dir, `${kind}.xlsx`);
    // The 明细表 masks ID numbers by default (masking.test.ts); here the whole numbers are checked as text cells.
    await writeReport(ledger.ctx, kind, kind === 'detail' ? { fullIdNumbers: true } : {}, files[kind]);
    sheets[kind] = inspectWorkbook(files[kind]);
  }
}, 180_000);
afterAll(async () => {
  await ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('upward reports read back by openpyxl', () => {
  it.each(['summary', 'detail', 'commendations', 'requests', 'campaign'] as const)('%s: merged title, header and signature; A4 landscape, one page wide, centred, footer, frozen header', (kind) => {
    for (const s of sheets[kind]!) {
      const last = String.fromCharCode(64 + s.maxColumn);
      expect(s.merged).toContain(`A1:${last}1`);
      expect(cellAt(s, 'A1')!.font).toBe('黑体');
      expect(s.orientation).toBe('landscape');
      expect(s.paperSize).toBe(9);
      expect([s.fitToPage, s.fitToWidth, s.fitToHeight]).toEqual([true, 1, 0]);
      expect(s.horizontalCentered).toBe(true);
      expect(s.footer).toBe('第&P页 共&N页');
      // Two-level headers (统计表, 核查完成情况表) take rows 4 and 5; both repeat on every page.
      const twoLevel = s.printTitleRows === '$4:$5';
      expect(s.printTitleRows).toBe(twoLevel ? '$4:$5' : '$4:$4');
      expect(s.freeze).toBe(twoLevel ? 'A6' : 'A5');
      expect(String(s.printArea)).toContain(`$A$1:$${last}$${s.maxRow}`);
      const text = s.cells.map((c) => String(c.value)).join('\n');
      expect(text).toContain('填报单位（盖章）：中共示例市');
      expect(text).toMatch(/填报日期：\d{4}年\d{1,2}月\d{1,2}日/);
      expect(text).toContain('单位负责人（签字）：测试负责人');
      expect(text).toContain('联系电话：0512-65221234');
      const header = s.cells.filter((c) => (twoLevel ? /^[A-Z]+[45]$/ : /^[A-Z]+4$/).test(c.ref));
      expect(new Set(header.map((c) => c.ref.replace(/\d+$/, ''))).size).toBe(s.maxColumn);
      expect(header.every((c) => c.border && c.font === '黑体')).toBe(true);
    }
  });

  it('明细表: one row per account needing 报告/备案, 小计 per organization (named on it) and 合计 as formulas whose cached values are right; IDs are 18-character text', () => {
    const [s] = sheets.detail!;
    const accounts = (ledger.db.prepare("SELECT count(*) AS n FROM accounts WHERE required_filing <> '无' AND status <> '已注销'").get() as { n: number }).n;
    expect(s!.cells.filter((c) => /^A\d+$/.test(c.ref) && String(c.value).endsWith('　小计')).every((c) => String(c.value).startsWith('中共'))).toBe(true);
    const formulas = s!.cells.filter((c) => c.type === 'f');
    const total = formulas[formulas.length - 1]!;
    expect(total.value).toMatch(/^=SUBTOTAL\(3,B5:B\d+\)$/);
    expect(total.numFmt).toBe('"共"0"个"');
    expect(total.cached).toBe(accounts);
    const subtotals = formulas.slice(0, -1);
    expect(subtotals.length).toBeGreaterThan(3);
    expect(subtotals.reduce((a, c) => a + Number(c.cached), 0)).toBe(accounts);
    const ids = s!.cells.filter((c) => /^C\d+$/.test(c.ref) && Number(c.ref.slice(1)) > 4 && c.type !== 'f' && c.value !== '');
    expect(ids.length).toBeGreaterThanOrEqual(accounts);
    expect(ids.every((c) => c.type === 's' && typeof c.value === 'string' && /^\d{17}[\dX]$/.test(c.value) && c.numFmt === '@')).toBe(true);
    const refs = s!.cells.filter((c) => /^H\d+$/.test(c.ref) && Number(c.ref.slice(1)) > 4 && c.value !== '' && c.type !== 'f');
    expect(refs.every((c) => c.type === 's')).toBe(true);
  });

  it('统计表: 合计 sums the organizations with cached values equal to the register', () => {
    const [s] = sheets.summary!;
    const members = (ledger.db.prepare("SELECT count(*) AS n FROM members WHERE status = '在册'").get() as { n: number }).n;
    const accounts = (ledger.db.prepare("SELECT count(*) AS n FROM accounts WHERE status <> '已注销'").get() as { n: number }).n;
    const totalRow = s!.cells.find((c) => c.value === '合计')!.ref.slice(1);
    // The 合计 label spans 序号 and 党组织.
    expect(s!.merged).toContain(`A${totalRow}:B${totalRow}`);
    expect(cellAt(s!, `C${totalRow}`)).toMatchObject({ type: 'f', value: `=SUBTOTAL(9,C6:C${Number(totalRow) - 1})`, cached: members });
    expect(cellAt(s!, `E${totalRow}`)!.cached).toBe(accounts);
  });

  it('年度核查完成情况表: totals and the overall rate as formulas', () => {
    const [s] = sheets.campaign!;
    const totalRow = s!.cells.find((c) => c.value === '合计')!.ref.slice(1);
    const expected = Number(cellAt(s!, `C${totalRow}`)!.cached);
    const responded = Number(cellAt(s!, `F${totalRow}`)!.cached);
    expect(expected).toBeGreaterThan(0);
    expect(cellAt(s!, `H${totalRow}`)).toMatchObject({ type: 'f', value: `=IF(C${totalRow}=0,1,F${totalRow}/C${totalRow})`, numFmt: '0.0%' });
    expect(Number(cellAt(s!, `H${totalRow}`)!.cached)).toBeCloseTo(responded / expected, 6);
    // A 党委-level 小计 for each branch, and the 未报送名单 sheet.
    expect(s!.cells.filter((c) => String(c.value).endsWith('　小计')).length).toBeGreaterThan(0);
    expect(sheets.campaign!.map((x) => x.name)).toEqual(['完成情况表', '未报送名单']);
    expect(cellAt(s!, 'A1')!.value).toMatch(/^\d{4}年度报备核查完成情况表$/);
  });

  it('表彰激励和保护支持情况表 has both sheets', () => {
    expect(sheets.commendations!.map((s) => s.name)).toEqual(['表彰激励', '保护支持']);
    // One row per commended member in the scope, with 时任职务.
    const [c] = sheets.commendations!;
    const recipients = (ledger.db.prepare('SELECT count(*) AS n FROM commendation_members').get() as { n: number }).n;
    expect(c!.cells.find((x) => x.ref === 'D4')!.value).toBe('时任职务');
    const total = c!.cells.filter((x) => x.type === 'f').at(-1)!;
    expect(total.cached).toBe(recipients);
  });

  it('no cell is a formula unless it is in a 小计 or 合计 row, and hostile text is neutralised', () => {
    for (const kind of Object.keys(sheets) as ReportKind[]) {
      for (const s of sheets[kind]!) {
        const labels = new Map(s.cells.filter((c) => /^A\d+$/.test(c.ref)).map((c) => [c.ref.slice(1), String(c.value)]));
        const stray = s.cells.filter((c) => c.type === 'f' && !/(^合计|小计)$/.test(labels.get(c.ref.replace(/^[A-Z]+/, '')) ?? ''));
        expect(stray).toEqual([]);
      }
    }
    const detail = sheets.detail![0]!.cells;
    for (const name of HOSTILE) {
      const found = detail.filter((c) => c.value === name);
      expect(found.length).toBeGreaterThanOrEqual(3); // 姓名, 账号名称, 账号ID
      expect(found.every((c) => c.type === 's' && c.quotePrefix)).toBe(true);
    }
  });
});

describe('upward reports opened by LibreOffice', () => {
  it('converts 统计表 to a one-page PDF and 明细表 to a sane number of pages', () => {
    // 统计表 and its 按平台 sheet: one page each.
    expect(pdfPages(files.summary!)).toBe(2);
    const rows = sheets.detail![0]!.maxRow;
    const pages = pdfPages(files.detail!);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThan(rows / 10);
  });

  it.each(['commendations', 'requests', 'campaign'] as const)('converts %s without error', (kind) => {
    expect(pdfPages(files[kind]!)).toBeGreaterThanOrEqual(1);
  });
});
