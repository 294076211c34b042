/**
 * The city-scale demo register the benchmark measures (issue 13's shape: ~2.5 accounts a member, a 4-level tree of
 * ~1 organization per 120 members), generated once per size and kept in the OS temp folder so reruns measure the
 * same data without regenerating 600k members each time. The generator is seeded: the same size gives the same
 * register on every machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDemo } from '../src/demo/generate.js';
import { openLedger, type Ledger } from '../src/hosts/ledger.js';
import { bindCaller, hostCaller } from '../src/hosts/hostCaller.js';

export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Benchmarks measure the register, not sign-in: they act as the host (src/hosts/hostCaller.ts). */
function benchLedger(dir: string): Ledger {
  const ledger = openLedger(dir);
  ledger.registry = bindCaller(ledger.registry, hostCaller('基准测试'));
  return ledger;
}

export function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The register's folder for a size, under `parent` (the OS temp folder by default); a newer schema upgrades it on open. */
export function demoRegister(members: number, parent = os.tmpdir(), log: (line: string) => void = console.log): Ledger {
  const dir = path.join(parent, `netledger-bench-city-${members}`);
  const ready = path.join(dir, 'ready');
  if (!fs.existsSync(ready)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const ledger = benchLedger(dir);
    const t0 = performance.now();
    const made = generateDemo(ledger.ctx, { members, seed: 1, city: true });
    log(`demo register generated: ${JSON.stringify(made)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    ledger.close();
    fs.writeFileSync(ready, '');
  }
  return benchLedger(dir);
}

export interface Timing {
  median: number;
  p95: number;
  runs: number;
  /**
   * Median CPU time of the process per run, where it was measured: unlike the wall-clock figures it does not grow
   * when other work shares the cores, so it tells the product's own cost on a busy machine.
   */
  cpuMedian?: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function percentiles(times: number[], cpu?: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
  return { median: median(times), p95, runs: sorted.length, ...(cpu ? { cpuMedian: median(cpu) } : {}) };
}

/** Median and 95th percentile of `runs` timings of fn (after one unmeasured warm-up call), in milliseconds. */
export async function time(runs: number, fn: (i: number) => unknown): Promise<Timing> {
  await fn(-1);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await fn(i);
    const d = process.cpuUsage(used);
    times.push(performance.now() - start);
    cpu.push((d.user + d.system) / 1000);
  }
  return percentiles(times, cpu);
}
