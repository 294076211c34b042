/**
 * The window never waits on the register (issue 9): while a whole-tree 统计表 preview and a 报备规则 save (which
 * re-derives every account) run in the core, how long does a `system.info` call take? Measured through the core the
 * desktop app and browser mode use, against the same call with the core idle, in the same run.
 * Run: npm run bench:responsiveness [-- --members 100000]. A benchmark, not a test.
 */
import { performance } from 'node:perf_hooks';
import { valueOf } from '../src/contract/contract.js';
import { startCore } from '../src/hosts/core.js';
import { demoRegister, membersArg } from './demoRegister.js';

const SAMPLES = 100;
const GAP_MS = 20;

function percentiles(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! };
}

const members = membersArg();
const prepared = demoRegister(members);
const dataDir = prepared.dataDir;
await prepared.close();
const core = await startCore(dataDir);

async function infoLatencies(while_: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (times.length < SAMPLES && while_()) {
    const t0 = performance.now();
    valueOf<'system.info'>(await core.invoke('system.info', {}));
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  return times;
}

const idle = percentiles(await infoLatencies(() => true));

// Busy: the 统计表 preview over the whole tree in a loop on a reader, and 报备规则 saves in a loop on the writer.
let busy = true;
let previews = 0;
let saves = 0;
const settings = valueOf<'settings.get'>(await core.invoke('settings.get', {}));
const loops = [
  (async () => {
    while (busy) {
      const t0 = performance.now();
      valueOf<'reports.preview'>(await core.invoke('reports.preview', { kind: 'summary' }));
      if (previews++ === 0) console.log(`whole-tree 统计表 preview: ${(performance.now() - t0).toFixed(0)} ms`);
    }
  })(),
  (async () => {
    for (let i = 0; busy; i++) {
      const t0 = performance.now();
      valueOf<'settings.update'>(await core.invoke('settings.update', { deadlineDays: settings.deadlineDays + (i % 2) }));
      if (saves++ === 0) console.log(`报备规则 save (re-derives every account): ${(performance.now() - t0).toFixed(0)} ms`);
    }
  })(),
];
const loaded = percentiles(await infoLatencies(() => true));
busy = false;
await Promise.all(loops);
await core.invoke('settings.update', { deadlineDays: settings.deadlineDays });
await core.close();

console.log(`\nmembers: ${members}; ${SAMPLES} system.info calls each, ${GAP_MS} ms apart; during the busy run ${previews} previews and ${saves} saves ran`);
console.log(`${'system.info'.padEnd(40)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)}`);
console.log(`${'idle core'.padEnd(40)} ${idle.median.toFixed(2).padStart(10)} ${idle.p95.toFixed(2).padStart(8)}`);
console.log(`${'during preview + rules save'.padEnd(40)} ${loaded.median.toFixed(2).padStart(10)} ${loaded.p95.toFixed(2).padStart(8)}`);
console.log(`target: p95 < 50 ms while busy — ${loaded.p95 < 50 ? 'met' : 'missed'}`);
