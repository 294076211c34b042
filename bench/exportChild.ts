/**
 * One measured export in its own process, so its peak RSS is its own: `report` writes the 明细表 through
 * the report module; `bare` writes the same rows — the same cells, read by the 明细表's own query as of the period's
 * end — with exceljs's streaming writer and nothing else (no styles, no title, 小计 or 合计), so the ratio is what the
 * report's writing costs beyond the bare writer's; `scan` writes the accounts the 明细表 lists by default from a plain
 * scan of the current accounts (no as-of periods, versions or filings), which tells what the as-of query itself costs.
 * Prints one JSON line: seconds, CPU seconds (all threads), peak RSS in MB, rows.
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { openLedger } from '../src/hosts/ledger.js';
import { writeReport } from '../src/reports/writeReport.js';
import { detailReport } from '../src/reports/detailReport.js';
import { resolveScope } from '../src/reports/definition.js';

const [mode, dataDir, out] = process.argv.slice(2) as ['report' | 'bare' | 'scan', string, string];
// The encrypted twin of the register (bench/encrypted.ts) opens with the benchmark's key.
const key = process.env.NETLEDGER_BENCH_KEY;
const ledger = openLedger(dataDir, key ? { key } : {});
const start = performance.now();
let rows = 0;
if (mode === 'report') {
  rows = (await writeReport(ledger.ctx, 'detail', {}, out)).rows;
} else {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet('明细表');
  const lines = mode === 'bare' ? sameRows() : scannedRows();
  for (const values of lines) {
    sheet.addRow(values).commit();
    if (++rows % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await book.commit();
}

function* sameRows(): Generator<unknown[]> {
  const [sheet] = detailReport.sheets(ledger.ctx, resolveScope(ledger.ctx, {}));
  for (const line of sheet!.rows()) yield line.values;
}

function* scannedRows(): Generator<unknown[]> {
  const select = ledger.db.prepare(
    `SELECT m.name, m.id_number, o.full_name, m.position, a.platform, a.display_name, a.account_ref, a.capacity, a.kind,
            a.opened_on, a.audience, a.required_filing, a.filing_state
     FROM accounts a JOIN members m ON m.id = a.member_id JOIN organizations o ON o.id = a.organization_id
     WHERE a.required_filing <> '无' AND a.filing_state <> '已注销' ORDER BY o.code, m.name_pinyin, a.id`,
  );
  let n = 0;
  for (const r of select.raw().iterate() as Iterable<unknown[]>) yield [++n, ...r];
}
const seconds = (performance.now() - start) / 1000;
const usage = process.resourceUsage();
console.log(JSON.stringify({ mode, seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMb: usage.maxRSS / 1024, rows }));
await ledger.close();
