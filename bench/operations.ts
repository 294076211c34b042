/**
 * What the benchmark measures, each next to its baseline on the same data: the product's call (through the
 * registry, as the window calls it) against the plainest SQL or library call that yields the same answer, so a
 * ratio says how much the product adds, and an absolute target says whether a secretary waits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ATTACHMENTS_DIR, writeBackup } from '../src/db/backup.js';
import { checkRegister } from '../src/db/check.js';
import { schemaVersion } from '../src/db/migrate.js';
import { discardRestore, stageRestore, type StagedRestore } from '../src/db/restore.js';
import type { Ledger } from '../src/hosts/ledger.js';
import { writeReport } from '../src/reports/writeReport.js';
import { subtreeRange } from '../src/services/treePath.js';
import { percentiles, type Timing } from './demoRegister.js';

/** p95 under a bound in ms, or the product's median at most `ratio` times the baseline's (and peak RSS under `rssMb`). */
export type Target = { p95Ms: number } | { ratio: number; rssMb?: number };

export interface Measured {
  operation: string;
  product: Timing;
  baseline: Timing & { what: string };
  target: Target;
  peakRssMb?: number;
  baselinePeakRssMb?: number;
  note?: string;
}

export interface Case {
  operation: string;
  runs: number;
  product: (i: number) => unknown;
  baseline: { what: string; run: (i: number) => unknown };
  target: Target;
  note?: string;
  /** Untimed, after each run of either side: removes what the run wrote (a backup's 2.3 GB copy at 600k). */
  cleanup?: () => void;
}

const RUNS = 20;

/** The runs' scratch folder (backup copies, exported files), removed at the end of the run. */
export const scratch = path.join(os.tmpdir(), `netledger-bench-scratch-${process.pid}`);
const PAGE = 50;

/** The cases measured in-process against the open register. */
export function registerCases(ledger: Ledger): Case[] {
  const db = ledger.db;
  const invoke = (name: string, input: unknown) => {
    const r = ledger.registry.invoke(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  const sample = db.prepare('SELECT name, id_number AS idNumber FROM members WHERE id % 97 = 0 ORDER BY id LIMIT 30').all() as { name: string; idNumber: string }[];
  const pick = (i: number) => sample[Math.max(0, i) % sample.length]!;
  const root = db.prepare('SELECT id, tree_path FROM organizations WHERE parent_id IS NULL').get() as { id: number; tree_path: string };
  const bureau = db.prepare('SELECT id, tree_path FROM organizations WHERE parent_id = ? ORDER BY id LIMIT 1').get(root.id) as { id: number; tree_path: string };
  const range = subtreeRange(bureau.tree_path);
  const initials = ['zw', 'lj', 'wf', 'cm', 'hy'];
  const raw = (sql: string) => {
    const stmt = db.prepare(sql);
    return (...params: unknown[]) => stmt.all(...params);
  };
  const firstPage = raw(`SELECT m.*, o.full_name FROM members m JOIN organizations o ON o.id = m.organization_id ORDER BY m.name_pinyin, m.id LIMIT ${PAGE}`);
  const likeScan = raw(`SELECT * FROM members WHERE name LIKE ? LIMIT ${PAGE}`);
  const prefix = (column: string) => raw(`SELECT * FROM members WHERE ${column} >= ? AND ${column} < ? LIMIT ${PAGE}`);
  const initialsLookup = prefix('name_initials');
  const idLookup = prefix('id_number_rev');
  const subtreeLike = raw(`SELECT m.* FROM members m JOIN organizations o ON o.id = m.organization_id WHERE o.tree_path >= ? AND o.tree_path < ? AND m.name LIKE ? LIMIT ${PAGE}`);
  const groupAll = raw('SELECT required_filing, filing_state, count(*) FROM accounts GROUP BY 1, 2');
  const groupSubtree = raw(
    'SELECT required_filing, filing_state, count(*) FROM accounts WHERE organization_id IN (SELECT id FROM organizations WHERE tree_path >= ? AND tree_path < ?) GROUP BY 1, 2',
  );
  const filteredPage = raw(`SELECT * FROM accounts WHERE required_filing = '备案' AND filing_state = '未报备' ORDER BY display_name, id LIMIT ${PAGE}`);
  const figureGroups = raw(
    'SELECT organization_id, required_filing, filing_state, capacity, kind, region, platform, count(*) FROM accounts GROUP BY 1, 2, 3, 4, 5, 6, 7',
  );
  const reversed = (s: string) => [...s].reverse().join('');
  fs.mkdirSync(scratch, { recursive: true });
  const summaryFile = path.join(scratch, 'summary.xlsx');
  const pastYearEnd = `${new Date().getFullYear() - 1}-12-31`;
  return [
    { operation: '打开台账，显示第一页党员', runs: RUNS, product: () => invoke('members.search', { limit: PAGE }), baseline: { what: 'SELECT … ORDER BY name_pinyin LIMIT 50', run: () => firstPage() }, target: { p95Ms: 50 } },
    { operation: '查找：两字姓名', runs: RUNS, product: (i) => invoke('members.search', { q: pick(i).name.slice(0, 2), limit: PAGE }), baseline: { what: "name LIKE '%..%' LIMIT 50", run: (i) => likeScan(`%${pick(i).name.slice(0, 2)}%`) }, target: { p95Ms: 50 } },
    { operation: '查找：拼音首字母', runs: RUNS, product: (i) => invoke('members.search', { q: initials[Math.max(0, i) % 5], limit: PAGE }), baseline: { what: 'name_initials index range LIMIT 50', run: (i) => initialsLookup(initials[Math.max(0, i) % 5], `${initials[Math.max(0, i) % 5]}\uffff`) }, target: { p95Ms: 50 } },
    { operation: '查找：身份证号后6位', runs: RUNS, product: (i) => invoke('members.search', { q: pick(i).idNumber.slice(-6), limit: PAGE }), baseline: { what: 'id_number_rev index range LIMIT 50', run: (i) => idLookup(reversed(pick(i).idNumber.slice(-6)), `${reversed(pick(i).idNumber.slice(-6))}\uffff`) }, target: { p95Ms: 50 } },
    { operation: '查找：一个局内按姓名', runs: RUNS, product: (i) => invoke('members.search', { q: pick(i).name.slice(-1), organizationId: bureau.id, limit: PAGE }), baseline: { what: 'subtree JOIN + name LIKE LIMIT 50', run: (i) => subtreeLike(range.from, range.to, `%${pick(i).name.slice(-1)}%`) }, target: { p95Ms: 50 } },
    { operation: '首页：全市', runs: 10, product: () => invoke('dashboard.summary', {}), baseline: { what: 'one GROUP BY over accounts', run: () => groupAll() }, target: { p95Ms: 300 } },
    { operation: '首页：一个局', runs: RUNS, product: () => invoke('dashboard.summary', { organizationId: bureau.id }), baseline: { what: 'one GROUP BY over the subtree', run: () => groupSubtree(range.from, range.to) }, target: { p95Ms: 50 } },
    { operation: '首页数字背后的账号列表（备案·未报备）', runs: RUNS, product: () => invoke('accounts.search', { requiredFiling: '备案', filingStates: ['未报备'], limit: PAGE }), baseline: { what: 'filtered page ORDER BY display_name LIMIT 50', run: () => filteredPage() }, target: { p95Ms: 50 } },
    { operation: '首页数字背后的账号列表（逾期）', runs: RUNS, product: () => invoke('accounts.search', { overdue: true, limit: PAGE }), baseline: { what: 'filtered page ORDER BY display_name LIMIT 50', run: () => filteredPage() }, target: { p95Ms: 50 } },
    { operation: '统计表：全市导出', runs: 3, product: () => writeReport(ledger.ctx, 'summary', {}, summaryFile), baseline: { what: 'one GROUP BY of the same figures', run: () => figureGroups() }, target: { p95Ms: 3000 } },
    {
      operation: '统计表：上一年度',
      runs: 3,
      product: () => writeReport(ledger.ctx, 'summary', { from: pastYearEnd.replace('12-31', '01-01'), to: pastYearEnd }, summaryFile),
      baseline: { what: 'one GROUP BY of the same figures', run: () => figureGroups() },
      target: { p95Ms: 3000 },
      note: '按上一年12月31日的台账状态计算（由按日期记录的事件重建）',
    },
    {
      operation: '备份（含校验）',
      runs: 3,
      product: (i) => writeBackup(db, path.join(ledger.dataDir, ATTACHMENTS_DIR), fresh(`backup-${i}`)),
      baseline: { what: 'VACUUM INTO', run: (i) => db.prepare('VACUUM INTO ?').run(path.join(fresh(`vacuum-${i}`), 'copy.sqlite3')) },
      target: { ratio: 1.3 },
      // Kept, eight copies filled 18 GB of a shared disk at 600k and the OS's cache with them, the later runs paying for the earlier ones.
      cleanup: () => fs.rmSync(path.join(scratch, 'copies'), { recursive: true, force: true }),
    },
    restoreCase(ledger),
  ];
}

/**
 * A restore's checks of a backup made by this release, over the bytes it would install: the copy into the staging
 * folder and its check (stageRestore), then the check a restore runs on the register once swapped in, here on the
 * staging folder, which has the data folder's layout. The swap itself (renames) is left out: it would replace the
 * bench's register. The backup is written at the warm-up call, untimed.
 */
function restoreCase(ledger: Ledger): Case {
  const source = path.join(scratch, 'restore-source');
  const knownVersion = schemaVersion(ledger.db);
  let staged: StagedRestore | undefined;
  return {
    operation: '恢复前校验（复制备份并检查）',
    runs: 3,
    product: () => {
      if (!fs.existsSync(source)) writeBackup(ledger.db, path.join(ledger.dataDir, ATTACHMENTS_DIR), source);
      staged = stageRestore(ledger.dataDir, source, { knownVersion, now: new Date() });
      const report = checkRegister(staged.staging, knownVersion, {}, staged.structure);
      // The row is the untouched backup's path; a full check here would be a different measurement under the same name.
      if (staged.structure !== 'recorded' || !report.ok) throw new Error(`restore check: ${staged.structure}, ${JSON.stringify(report.problems)}`);
    },
    baseline: { what: 'VACUUM INTO', run: (i) => ledger.db.prepare('VACUUM INTO ?').run(path.join(fresh(`vacuum-${i}`), 'copy.sqlite3')) },
    target: { ratio: 1.3 },
    note: '备份记录的 SHA-256 相符，不再做 integrity_check / foreign_key_check；含恢复后对台账的检查，不含替换文件',
    cleanup: () => {
      if (staged) discardRestore(staged);
      staged = undefined;
      fs.rmSync(path.join(scratch, 'copies'), { recursive: true, force: true });
    },
  };
}

/** An empty path in the scratch folder for one run's copy. */
function fresh(name: string): string {
  const dir = path.join(scratch, 'copies', name);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  if (name.startsWith('vacuum')) fs.mkdirSync(dir);
  return dir;
}

/** One timed call, added to `into`: wall-clock and the process's CPU time, in milliseconds. */
async function timeOne(fn: () => unknown, into: { ms: number[]; cpu: number[] }): Promise<void> {
  const start = performance.now();
  const used = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(used);
  into.ms.push(performance.now() - start);
  into.cpu.push((d.user + d.system) / 1000);
}

/**
 * The product and its baseline alternate run by run (after one warm-up call each), so both meet the same machine: other
 * work on the shared cores, the OS's file cache, a disk still writing the previous copy. Run as all of one side and
 * then all of the other, whichever went second met conditions the first had left (the backups' copies, for one).
 */
export async function measure(c: Case): Promise<Measured> {
  const product = { ms: [] as number[], cpu: [] as number[] };
  const baseline = { ms: [] as number[], cpu: [] as number[] };
  for (const side of [c.product, c.baseline.run]) {
    await side(-1);
    c.cleanup?.();
  }
  for (let i = 0; i < c.runs; i++) {
    await timeOne(() => c.product(i), product);
    c.cleanup?.();
    await timeOne(() => c.baseline.run(i), baseline);
    c.cleanup?.();
  }
  return {
    operation: c.operation,
    product: percentiles(product.ms, product.cpu),
    baseline: { ...percentiles(baseline.ms, baseline.cpu), what: c.baseline.what },
    target: c.target,
    note: c.note,
  };
}
