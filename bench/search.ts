/**
 * Member search on a large demo register, through the registry exactly as the window calls it.
 * Run: npm run bench:search [-- --members 100000]. Prints median and p95 per query kind.
 * A benchmark, not a test: figures depend on the machine; compare kinds within one run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLedger } from '../src/hosts/ledger.js';

const membersArg = process.argv.indexOf('--members');
const MEMBERS = membersArg > 0 ? Number(process.argv[membersArg + 1]) : 100_000;
const RUNS = 30;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-bench-'));
const ledger = openLedger(dir);
const t0 = performance.now();
const demo = ledger.registry.invoke('system.demo', { members: MEMBERS, seed: 1 });
if (!demo.ok) throw new Error(demo.error.message);
console.log(`demo: ${MEMBERS} members in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const sample = ledger.db.prepare('SELECT name, id_number, phone FROM members WHERE id % 997 = 0 LIMIT 30').all() as {
  name: string;
  id_number: string;
  phone: string;
}[];
const rootId = (ledger.db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL').get() as { id: number }).id;
const bureauId = (ledger.db.prepare('SELECT id FROM organizations WHERE parent_id = ? LIMIT 1').get(rootId) as { id: number }).id;

const kinds: [string, (i: number) => Record<string, unknown>][] = [
  ['first page, whole register', () => ({})],
  ['two-character name fragment', (i) => ({ q: sample[i % sample.length]!.name.slice(-2) })],
  ['two-character surname+given', (i) => ({ q: sample[i % sample.length]!.name.slice(0, 2) })],
  ['pinyin initials (2 letters)', (i) => ({ q: ['zw', 'lj', 'wf', 'cm', 'hy'][i % 5] })],
  ['ID number last 6 digits', (i) => ({ q: sample[i % sample.length]!.id_number.slice(-6) })],
  ['phone last 4 digits', (i) => ({ q: sample[i % sample.length]!.phone.slice(-4) })],
  ['subtree filter + 在册', () => ({ organizationId: bureauId, statuses: ['在册'] })],
  ['name fragment in subtree', (i) => ({ q: sample[i % sample.length]!.name.slice(-1), organizationId: bureauId })],
];

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
console.log(`\n${'query'.padEnd(32)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)} ${'rows'.padStart(8)}`);
for (const [label, input] of kinds) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = ledger.registry.invoke('members.search', { ...input(i), limit: 200 });
    times.push(performance.now() - start);
    if (!r.ok) throw new Error(r.error.message);
    total = (r.value as { total: number }).total;
  }
  console.log(`${label.padEnd(32)} ${pct(times, 0.5).toFixed(2).padStart(10)} ${pct(times, 0.95).toFixed(2).padStart(8)} ${String(total).padStart(8)}`);
}
ledger.close();
fs.rmSync(dir, { recursive: true, force: true });
