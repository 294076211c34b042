/**
 * 明细表 export at scale: the report (styles, borders, 小计/合计, print setup) next to exceljs's bare streaming
 * writer writing the same rows, each in its own process, in the same run — the ratio is the figure.
 * Also the 统计表 over the whole demo tree. Run: npm run bench:report [-- --accounts 300000].
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeReport } from '../src/reports/writeReport.js';
import { demoRegister } from './demoRegister.js';

const i = process.argv.indexOf('--accounts');
const accounts = i > 0 ? Number(process.argv[i + 1]) : 300_000;
// The demo declares about 0.8 accounts per member.
const members = Math.ceil(accounts / 0.8);
const ledger = demoRegister(members);
const dataDir = ledger.dataDir;
const actual = (ledger.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
console.log(`register: ${members} members, ${actual} accounts`);

const t0 = performance.now();
const summaryFile = path.join(os.tmpdir(), 'netledger-bench-summary.xlsx');
await writeReport(ledger.ctx, 'summary', {}, summaryFile);
console.log(`统计表 over the whole tree: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
await ledger.close();

const child = fileURLToPath(new URL('./exportChild.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const results: Record<string, { seconds: number; peakRssMb: number; rows: number }> = {};
for (const mode of ['bare', 'report'] as const) {
  const out = path.join(os.tmpdir(), `netledger-bench-${mode}.xlsx`);
  const r = spawnSync(process.execPath, [tsx, child, mode, dataDir, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  results[mode] = JSON.parse(r.stdout.trim().split('\n').pop()!);
  console.log(`${mode.padEnd(7)} ${results[mode]!.seconds.toFixed(1)} s, peak RSS ${results[mode]!.peakRssMb.toFixed(0)} MB, ${results[mode]!.rows} rows, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB file`);
}
console.log(`ratio report/bare: time ${(results.report!.seconds / results.bare!.seconds).toFixed(2)}×, peak RSS ${(results.report!.peakRssMb / results.bare!.peakRssMb).toFixed(2)}×`);
