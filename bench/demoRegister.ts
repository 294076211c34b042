/**
 * A demo register for benchmarks, generated once per size and kept in the OS temp folder so several
 * benchmarks (and reruns) measure the same data without regenerating 100k members each time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadMigrations } from '../src/db/migrate.js';
import { openLedger, type Ledger } from '../src/hosts/ledger.js';
import { bindCaller, hostCaller } from '../src/hosts/hostCaller.js';

export function membersArg(fallback = 100_000): number {
  const i = process.argv.indexOf('--members');
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Benchmarks measure the register, not sign-in: they act as the host (src/hosts/hostCaller.ts). */
function benchLedger(dir: string): Ledger {
  const ledger = openLedger(dir);
  ledger.registry = bindCaller(ledger.registry, hostCaller('基准测试'));
  return ledger;
}

export function demoRegister(members: number): Ledger {
  const dir = path.join(os.tmpdir(), `netledger-bench-${members}-v${loadMigrations().length}`);
  const ready = path.join(dir, 'ready');
  if (!fs.existsSync(ready)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const ledger = benchLedger(dir);
    const t0 = performance.now();
    const r = ledger.registry.invoke('system.demo', { members, seed: 1 });
    if (!r.ok) throw new Error(r.error.message);
    console.log(`demo register generated: ${JSON.stringify(r.value)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    ledger.close();
    fs.writeFileSync(ready, '');
  }
  return benchLedger(dir);
}

/** Median and 95th percentile of `runs` timings of fn, in milliseconds. */
export function time(runs: number, fn: (i: number) => void): { median: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))]! };
}
