import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportBook } from '../../src/reports/book.js';
import { BodyRows } from '../../src/reports/bodyRows.js';
import { formula, type CellValue, type ColumnSpec } from '../../src/reports/style.js';

const columns: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'index' },
  { header: '姓名', width: 10 },
  { header: '身份证号', width: 20, kind: 'id' },
  { header: '粉丝数', width: 10, kind: 'number' },
  { header: '开设日期', width: 12, kind: 'date' },
  { header: '备注', width: 16 },
];

const rows: CellValue[][] = [
  [1, '甄试', '110101198001010011', 1200, '2024-03-01', ''],
  [2, '=SUM(A1)', '+86 139', null, null, 'A & B <c> "d" \'e\''],
  [3, '中共示例市望川县住房和城乡建设局办公室支部委员会', '-3', 0.5, '2024-03-02', '第一行\n第二行'],
  [4, '甄\u0000试\uFFFE', '@x', 7, '', null],
];

async function sheetXml(dir: string, name: string): Promise<{ sheet: string; styles: string }> {
  const file = path.join(dir, name);
  const book = new ReportBook(file, rows.length);
  const sheet = book.addSheet('明细表', { title: '测试表', unit: '中共测试委员会', reportDate: '2026-04-02', columns });
  for (const r of rows) sheet.addRow(r);
  sheet.addTotalRow(['合计', '', '', formula(`SUBTOTAL(9,D${sheet.firstDataRow}:D${sheet.lastRow})`, 1207.5), '', ''], { subtotal: true });
  sheet.addRow([5, '合计之后', 'x', 1, '2024-01-01', '']);
  sheet.finish({ leader: '', reviewer: '', preparer: '', phone: '' });
  await book.commit();
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return { sheet: await zip.file('xl/worksheets/sheet1.xml')!.async('string'), styles: await zip.file('xl/styles.xml')!.async('string') };
}

describe('body rows written beside exceljs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-body-'));
  afterEach(() => vi.restoreAllMocks());

  it('are byte for byte the rows exceljs writes: same cells, styles (写为文本 included), heights, and the rows after them', async () => {
    const write = vi.spyOn(BodyRows.prototype, 'write');
    const direct = await sheetXml(dir, 'direct.xlsx');
    expect(write).toHaveBeenCalledTimes(rows.length + 1);
    write.mockClear();
    vi.spyOn(BodyRows.prototype, 'accepts').mockReturnValue(false);
    const viaExceljs = await sheetXml(dir, 'exceljs.xlsx');
    expect(write).not.toHaveBeenCalled();
    expect(direct.sheet).toBe(viaExceljs.sheet);
    expect(direct.styles).toBe(viaExceljs.styles);
    expect(direct.sheet).toContain('<v>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;</v>');
    expect(direct.styles).toContain('quotePrefix="1"');
  });
});
