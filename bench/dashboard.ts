/**
 * The dashboard and the accounts list behind its numbers, on a large demo register, through the registry.
 * Run: npm run bench:dashboard [-- --members 100000]. A benchmark, not a test.
 */
import { demoRegister, membersArg, time } from './demoRegister.js';

const ledger = demoRegister(membersArg());
const invoke = (name: string, input: unknown) => {
  const r = ledger.registry.invoke(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Record<string, unknown>;
};
const counts = ledger.db.prepare('SELECT (SELECT count(*) FROM members) AS members, (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM filings) AS filings').get();
console.log('register:', JSON.stringify(counts));
const rootId = (ledger.db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL').get() as { id: number }).id;
const bureauId = (ledger.db.prepare('SELECT id FROM organizations WHERE parent_id = ? LIMIT 1').get(rootId) as { id: number }).id;

const cases: [string, () => unknown][] = [
  ['dashboard, whole tree', () => invoke('dashboard.summary', {})],
  ['dashboard, one bureau subtree', () => invoke('dashboard.summary', { organizationId: bureauId })],
  ['accounts behind 未报备 (first page)', () => invoke('accounts.search', { requiredFiling: '备案', filingStates: ['未报备'], limit: 200 })],
  ['accounts behind 逾期 (first page)', () => invoke('accounts.search', { overdue: true, limit: 200 })],
  ['filing review queue (500)', () => invoke('filings.queue', { limit: 500 })],
];
console.log(`\n${'call'.padEnd(36)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)}`);
for (const [label, fn] of cases) {
  const t = time(20, fn);
  console.log(`${label.padEnd(36)} ${t.median.toFixed(2).padStart(10)} ${t.p95.toFixed(2).padStart(8)}`);
}
const d = invoke('dashboard.summary', {}) as { report: unknown; record: unknown };
console.log('\nwhole-tree figures:', JSON.stringify({ report: d.report, record: d.record }));
ledger.close();
