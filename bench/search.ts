/**
 * Member search on a large demo register, through the registry exactly as the window calls it.
 * Run: npm run bench:search [-- --members 100000]. Prints median and p95 per query kind.
 * A benchmark, not a test: figures depend on the machine; compare kinds within one run.
 */
import { demoRegister, membersArg, time } from './demoRegister.js';

const ledger = demoRegister(membersArg());
const RUNS = 30;
const sample = ledger.db.prepare('SELECT name, id_number, phone FROM members WHERE id % 997 = 0 LIMIT 30').all() as {
  name: string;
  id_number: string;
  phone: string;
}[];
const rootId = (ledger.db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL').get() as { id: number }).id;
const bureauId = (ledger.db.prepare('SELECT id FROM organizations WHERE parent_id = ? LIMIT 1').get(rootId) as { id: number }).id;
const pick = (i: number) => sample[i % sample.length]!;

const kinds: [string, (i: number) => Record<string, unknown>][] = [
  ['first page, whole register', () => ({})],
  ['two-character name fragment', (i) => ({ q: pick(i).name.slice(-2) })],
  ['two-character surname+given', (i) => ({ q: pick(i).name.slice(0, 2) })],
  ['pinyin initials (2 letters)', (i) => ({ q: ['zw', 'lj', 'wf', 'cm', 'hy'][i % 5] })],
  ['ID number last 6 digits', (i) => ({ q: pick(i).id_number.slice(-6) })],
  ['phone last 4 digits', (i) => ({ q: pick(i).phone.slice(-4) })],
  ['subtree filter + 在册', () => ({ organizationId: bureauId, statuses: ['在册'] })],
  ['name fragment in subtree', (i) => ({ q: pick(i).name.slice(-1), organizationId: bureauId })],
];

console.log(`\n${'members.search'.padEnd(32)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)} ${'rows'.padStart(8)}`);
for (const [label, input] of kinds) {
  let total = 0;
  const t = time(RUNS, (i) => {
    const r = ledger.registry.invoke('members.search', { ...input(i), limit: 200 });
    if (!r.ok) throw new Error(r.error.message);
    total = (r.value as { total: number }).total;
  });
  console.log(`${label.padEnd(32)} ${t.median.toFixed(2).padStart(10)} ${t.p95.toFixed(2).padStart(8)} ${String(total).padStart(8)}`);
}
ledger.close();
