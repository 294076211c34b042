import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { QUEUED_XML_BYTES, ReportBook } from '../../src/reports/book.js';
import type { ColumnSpec } from '../../src/reports/style.js';

const columns: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'index' },
  { header: '姓名', width: 10 },
  { header: '身份证号', width: 20, kind: 'id' },
  { header: '账号名称', width: 18 },
  { header: '所在党组织', width: 50 },
  { header: '备注', width: 16 },
];

/** What waits in front of deflate: the zip entry's input stream of the sheet being written (exceljs/archiver internals). */
function queued(book: ReportBook): number {
  const sheet = (book as unknown as { sheets: { _stream?: { pipes?: { _writableState?: { length: number } }[] } }[] }).sheets.at(-1);
  return sheet?._stream?.pipes?.[0]?._writableState?.length ?? 0;
}

describe('a long report written as fast as rows come', () => {
  it('keeps the sheet XML queued for deflate bounded, and the file whole', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-backpressure-'));
    const file = path.join(dir, 'long.xlsx');
    const rows = 20_000;
    const book = new ReportBook(file, rows);
    const sheet = book.addSheet('明细表', { title: '测试表', unit: '中共测试委员会', reportDate: '2026-04-02', columns });
    const remark = '备注'.repeat(200);
    let most = 0;
    for (let i = 1; i <= rows; i++) {
      // About 1.5 KB of XML a row (30 MB in all): more than deflate takes in a turn of the event loop between ticks.
      sheet.addRow([i, `甄试${i}`, `1101011980010${String(i).padStart(5, '0')}`, `示例账号名称${i}号`, `中共示例市望川县住房和城乡建设局第${i % 97}党支部委员会`, remark]);
      await book.tick();
      most = Math.max(most, queued(book));
    }
    sheet.finish('单位负责人：');
    await book.commit();
    // The loop checks every 100 rows, so up to 100 rows' XML (150 KB here) may land on top of the bound. Without the
    // wait the queue grew to ~20 MB.
    expect(most).toBeGreaterThan(QUEUED_XML_BYTES / 2);
    expect(most).toBeLessThanOrEqual(QUEUED_XML_BYTES + 256 * 1024);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain(`<v>甄试${rows}</v>`);
    // Title, 填报单位 line and header above; the gap and signature line below.
    expect(xml.match(/<row /g)?.length).toBe(rows + 5);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
