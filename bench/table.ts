/** The benchmark's printed form: a Markdown table, so the README's performance section is exactly what a run printed. */
import os from 'node:os';

export interface Row {
  operation: string;
  /** False for an operation another issue delivers: the row says which, and has no figures. */
  measured: boolean;
  runs?: number;
  medianMs?: number;
  p95Ms?: number;
  /** CPU time, median: the product's own cost even when other work shares the cores. */
  cpuMedianMs?: number;
  baselineCpuMedianMs?: number;
  baseline?: string;
  baselineMedianMs?: number;
  baselineP95Ms?: number;
  ratio?: number;
  peakRssMb?: number;
  baselinePeakRssMb?: number;
  target: string;
  met: boolean;
  note?: string;
}

const ms = (v: number | undefined) => (v === undefined ? '' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
const mb = (v: number | undefined) => (v === undefined ? '' : `，${v.toFixed(0)} MB`);

export function machine(): string {
  // The load average says whether other work shared the cores during the run (figures are wall-clock times).
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? '?'}，${Math.round(os.totalmem() / 2 ** 30)} GiB，${os.platform()} ${os.release()}，Node ${process.versions.node}，结束时负载 ${load}`;
}

export function formatTable(members: number, counts: unknown, rows: Row[]): string {
  const lines = [
    `${new Date().toISOString().slice(0, 10)}，${members} 名党员 ${JSON.stringify(counts)}；${machine()}`,
    '',
    '| 操作 | 次数 | 中位数 | p95 | CPU 中位数 | 基线（同一次运行、同一数据） | 基线中位数 | 基线 p95 | 基线 CPU | 倍数 | 目标 | 结果 |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) =>
      r.measured
        ? `| ${r.operation} | ${r.runs} | ${ms(r.medianMs)}${mb(r.peakRssMb)} | ${ms(r.p95Ms)} | ${ms(r.cpuMedianMs)} | ${r.baseline} | ${ms(r.baselineMedianMs)}${mb(r.baselinePeakRssMb)} | ${ms(r.baselineP95Ms)} | ${ms(r.baselineCpuMedianMs)} | ${r.ratio!.toFixed(2)}× | ${r.target} | ${r.met ? '达到' : '未达到'}${r.note ? `；${r.note}` : ''} |`
        : `| ${r.operation} | | | | | | | | | | ${r.target} | ${r.note} |`,
    ),
  ];
  return lines.join('\n');
}
