/**
 * 100,000 members imported from a file laid out as the members template, next to the bare streaming read of the same
 * file plus a raw prepared-statement insert of the same rows — each in its own process, in the same run; the ratio is
 * the figure (target ≤ 1.5×, peak RSS < 400 MB). Run: npm run bench:import [-- --rows 100000].
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { IMPORT_FIELDS } from '../src/contract/importOutcome.js';
import { checkCharFor } from '../src/domain/idNumber.js';

const i = process.argv.indexOf('--rows');
const count = i > 0 ? Number(process.argv[i + 1]) : 100_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-bench-import-'));
const file = path.join(dir, `members-${count}.xlsx`);

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';
/** Deterministic invented members: a valid ID number each (birth dates spread over 1960–1999), names from common characters. */
async function writeFile(): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet('党员名册');
  sheet.columns = IMPORT_FIELDS.members.map((f) => ({ key: f.key, width: 16, style: f.key === 'idNumber' || f.key === 'phone' ? { numFmt: '@' } : {} }));
  sheet.addRow(IMPORT_FIELDS.members.map((f) => f.label)).commit();
  for (let n = 0; n < count; n++) {
    const birth = `${1960 + (n % 40)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`;
    const first17 = `${320500 + (Math.floor(n / 1000) % 100)}`.padStart(6, '0') + birth + String(n % 1000).padStart(3, '0');
    const name = SURNAMES[n % 20]! + GIVEN[Math.floor(n / 20) % 20]! + (n % 3 ? GIVEN[Math.floor(n / 400) % 20]! : '');
    sheet.addRow([name, first17 + checkCharFor(first17), `中共基准测试委员会第${(n % 9) + 1}支部委员会`, '示例单位', '科员', '一般干部', '正式党员', `139${String(n).padStart(8, '0')}`, `${2000 + (n % 20)}-07-01`, null]).commit();
    if (n % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await book.commit();
}

await writeFile();
console.log(`file: ${count} member rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
const builtWorker = fs.existsSync(fileURLToPath(new URL('../out/main/exportWorker.js', import.meta.url)));
console.log(builtWorker ? 'import worker: the bundled out/main/exportWorker.js' : 'import worker: TypeScript source through tsx (npm run build first to measure the bundled one)');
const child = fileURLToPath(new URL('./importChild.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const results: Record<string, { seconds: number; peakRssMb: number; rows: number }> = {};
for (const mode of ['bare', 'import'] as const) {
  const r = spawnSync(process.execPath, [tsx, child, mode, path.join(dir, `data-${mode}`), file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  results[mode] = JSON.parse(r.stdout.trim().split('\n').pop()!);
  console.log(`${mode.padEnd(7)} ${results[mode]!.seconds.toFixed(1)} s, peak RSS ${results[mode]!.peakRssMb.toFixed(0)} MB, ${results[mode]!.rows} rows`);
}
console.log(`ratio import/bare: time ${(results.import!.seconds / results.bare!.seconds).toFixed(2)}×, peak RSS ${(results.import!.peakRssMb / results.bare!.peakRssMb).toFixed(2)}×`);
if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
