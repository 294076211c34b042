/**
 * City scale in one run (issue 13): builds or reuses the deterministic demo register at the chosen size and prints,
 * per operation, median and p95 of several runs, the baseline measured in the same run on the same data, their
 * ratio, the target and met/missed. `--json` prints one object per operation instead (with "met": true|false).
 * Run: npm run bench [-- --members 600000] [--json] [--data PARENT_FOLDER] [--only PART_OF_A_NAME]. A benchmark, not a test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoRegister, numberArg, percentiles, stringArg } from './demoRegister.js';
import { measure, registerCases, scratch, type Measured, type Target } from './operations.js';
import { measureImport, writeMembersFile, type ImportRun } from './importMeasure.js';
import { measureResponsiveness } from './responsiveness.js';
import { formatTable, machine, type Row } from './table.js';
import { encryptedCases, encryptedDetail, encryptedTwin, exportChild, openEncrypted } from './encrypted.js';

const members = numberArg('--members', 600_000);
const json = process.argv.includes('--json');
// `--only 统计表` measures the operations whose name holds the text: one operation can be rerun while it is worked on.
const only = stringArg('--only');
const wanted = (operation: string) => only === undefined || operation.includes(only);
const log = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

function row(m: Measured): Row {
  const ratio = m.product.median / m.baseline.median;
  const met = 'p95Ms' in m.target ? m.product.p95 < m.target.p95Ms : ratio <= m.target.ratio && (m.target.rssMb === undefined || (m.peakRssMb ?? Infinity) < m.target.rssMb);
  return {
    operation: m.operation,
    measured: true,
    runs: m.product.runs,
    medianMs: m.product.median,
    p95Ms: m.product.p95,
    ...(m.product.cpuMedian === undefined ? {} : { cpuMedianMs: m.product.cpuMedian, baselineCpuMedianMs: m.baseline.cpuMedian }),
    baseline: m.baseline.what,
    baselineMedianMs: m.baseline.median,
    baselineP95Ms: m.baseline.p95,
    ratio,
    ...(m.peakRssMb === undefined ? {} : { peakRssMb: m.peakRssMb, baselinePeakRssMb: m.baselinePeakRssMb }),
    target: describe(m.target),
    met,
    ...(m.note ? { note: m.note } : {}),
  };
}

function describe(t: Target): string {
  return 'p95Ms' in t ? `p95 < ${t.p95Ms} ms` : `≤ ${t.ratio}× 基线${t.rssMb ? `，峰值内存 < ${t.rssMb} MB` : ''}`;
}

/**
 * The 明细表 and exceljs's bare streaming writer on the same rows (the same cells from the same query), each in its own
 * process so its peak RSS is its own; then once the bare writer over a plain scan of the current accounts, whose time
 * the note gives: the difference is what reading the rows as of the period's end costs.
 */
function detailExport(dataDir: string, runs: number): Measured {
  const one = (mode: 'bare' | 'report') => exportChild(mode, dataDir);
  const results = { bare: [] as ReturnType<typeof one>[], report: [] as ReturnType<typeof one>[] };
  for (let i = 0; i < runs; i++) for (const mode of ['bare', 'report'] as const) results[mode].push(one(mode));
  const scan = exportChild('scan', dataDir);
  const timing = (list: ReturnType<typeof one>[]) => percentiles(list.map((r) => r.seconds * 1000), list.map((r) => r.cpuSeconds * 1000));
  return {
    operation: `明细表导出 .xlsx（${results.report[0]!.rows} 行）`,
    product: timing(results.report),
    baseline: { ...timing(results.bare), what: 'exceljs 流式写入同样的行（同一查询读出），无样式' },
    target: { ratio: 1.2, rssMb: 300 },
    peakRssMb: Math.max(...results.report.map((r) => r.peakRssMb)),
    baselinePeakRssMb: Math.max(...results.bare.map((r) => r.peakRssMb)),
    note: `对照：按当前账号表直接查询 ${scan.rows} 行再无样式写入 ${scan.seconds.toFixed(2)} s（CPU ${scan.cpuSeconds.toFixed(2)} s）`,
  };
}

/** Issue 10's import of members from the template: 100k rows (fewer in a smaller run), one run each, own processes. */
/** The import against its bare baseline (issue 10), and the same import encrypted against plain (issue 11). */
async function templateImport(): Promise<Measured[]> {
  const count = Math.min(100_000, members);
  const r = await measureImport(count, log);
  const timing = (x: ImportRun) => percentiles([x.seconds * 1000], [x.cpuSeconds * 1000]);
  const imported: Measured = {
    operation: `从模板导入 ${count} 名党员`,
    product: timing(r.import),
    baseline: { ...timing(r.bare), what: 'exceljs 流式读取同一文件 + 预编译 INSERT 同样的行' },
    target: { ratio: 1.5, rssMb: 400 },
    peakRssMb: r.import.peakRssMb,
    baselinePeakRssMb: r.bare.peakRssMb,
    ...(r.bundledWorker ? {} : { note: '导入工作线程为 TypeScript 源码（out/ 不存在或比源码旧；先 npm run build 则测打包后的）' }),
  };
  const encrypted: Measured = {
    operation: `加密台账 · 从模板导入 ${count} 名党员`,
    product: timing(r.encrypted),
    baseline: { ...timing(r.import), what: '同一台账不加密：从模板导入' },
    target: { ratio: 1.5 },
    peakRssMb: r.encrypted.peakRssMb,
    baselinePeakRssMb: r.import.peakRssMb,
  };
  return [imported, encrypted];
}

const ledger = demoRegister(members, stringArg('--data') ?? os.tmpdir(), log);
const counts = ledger.db.prepare('SELECT (SELECT count(*) FROM members) AS members, (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM organizations) AS organizations').get();
log(`register: ${JSON.stringify(counts)}`);
const rows: Row[] = [];
try {
  // The encrypted twin is made only when an encrypted operation is measured: it is a copy of the whole register.
  const encrypted = only === undefined || only.includes('加密') ? openEncrypted(encryptedTwin(ledger.dataDir)) : undefined;
  for (const c of [...registerCases(ledger), ...(encrypted ? encryptedCases(ledger, encrypted) : [])].filter((c) => wanted(c.operation))) {
    rows.push(row(await measure(c)));
    log(`measured ${c.operation}`);
  }
  const dataDir = ledger.dataDir;
  await Promise.all([ledger.close(), encrypted?.close()]);
  if (wanted('明细表导出 .xlsx')) {
    rows.push(row(detailExport(dataDir, members > 200_000 ? 1 : 3)));
    log('measured 明细表');
  }
  if (encrypted && wanted('加密台账 · 明细表导出 .xlsx')) {
    rows.push(row(encryptedDetail(dataDir, encrypted.dataDir, members > 200_000 ? 1 : 3)));
    log('measured 加密台账 · 明细表');
  }
  if (wanted('从模板导入') || wanted('加密台账 · 从模板导入')) {
    rows.push(...(await templateImport()).map(row));
    log('measured 导入');
  }
  const busyOperation = '导出、导入与保存规则进行中，窗口调用 system.info';
  if (wanted(busyOperation)) {
    const importFile = path.join(scratch, 'responsiveness-members.xlsx');
    await writeMembersFile(importFile, Math.min(5000, members));
    const r = await measureResponsiveness(dataDir, 100, importFile, scratch);
    rows.push({
      ...row({ operation: busyOperation, product: r.busy, baseline: { ...r.idle, what: '空闲时的 system.info' }, target: { p95Ms: 50 } }),
      note: `期间运行了 ${r.exports} 次全市统计表导出、${r.imports} 次 ${Math.min(5000, members)} 行党员名册导入（预览）、${r.saves} 次报备规则保存`,
    });
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
// With --json the table still goes to stderr, so one run gives both the objects and the README's table.
if (json) console.log(JSON.stringify({ date: new Date().toISOString(), machine: machine(), members, counts, operations: rows }, null, 1));
log(formatTable(members, counts, rows));
