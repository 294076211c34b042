/**
 * What saving a 报备规则 version costs on a city register (issue 12): the accounts it can change are rebuilt, not all
 * of them. Times, as the settings page saves them, a basis alone (no account), a group threshold from 30 days ago
 * (the groups between the old and the new one) and the deadline from today (every account needing a filing), against
 * rebuilding every account (what each save did before); and the cost per account of rebuilding one by one against
 * all at once, which sets where accountState.ts switches. `npx tsx bench/ruleSave.ts --members 100000 [--dir /tmp/x]`.
 */
import os from 'node:os';
import { refreshAllAccounts } from '../src/services/accountState.js';
import { accountsChangedBy, rebuildPeriods } from '../src/services/registerAsOf.js';
import { ruleVersions } from '../src/services/storedSettings.js';
import { demoRegister, numberArg, stringArg, time, type Timing } from './demoRegister.js';

const members = numberArg('--members', 20_000);
const ledger = demoRegister(members, stringArg('--dir') ?? os.tmpdir());
const invoke = (name: string, input: unknown) => {
  const r = ledger.registry.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
};
const save = (input: Record<string, unknown>) => invoke('settings.update', input);
const settings = invoke('settings.get', {}) as { deadlineDays: number; groupMemberThreshold: number | null; basisName: string | null };
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const cpu = (t: Timing) => `${((t.cpuMedian ?? 0) / 1000).toFixed(2)} s CPU (${(t.median / 1000).toFixed(2)} s)`;
const accounts = (ledger.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
const touched = (rules: Record<string, unknown>, from: string) => {
  const before = ruleVersions(ledger.ctx);
  return accountsChangedBy(ledger.ctx, from, before, { ...before.at(-1)!.rules, ...rules })?.length ?? accounts;
};

console.log(`${members} members, ${accounts} accounts`);
console.log(`  basis only:            ${cpu(await time(3, (i) => save({ basisName: `基准细则${i + 2}` })))}`);
// 群组 from 200 members: a version moving it to 300 and back, in force from 30 days ago.
save({ groupMemberThreshold: 200, effectiveFrom: ago(30) });
const groups = touched({ groupMemberThreshold: 300 }, ago(30));
console.log(`  group threshold 200 ↔ 300, from ${ago(30)} (${groups} accounts): ${cpu(await time(3, (i) => save({ groupMemberThreshold: i % 2 === 0 ? 300 : 200, effectiveFrom: ago(30) })))}`);
console.log(`  deadline ±1, from today (${touched({ deadlineDays: settings.deadlineDays + 1 }, ago(0))} accounts): ${cpu(await time(3, (i) => save({ deadlineDays: settings.deadlineDays + ((i + 2) % 2) + 1 })))}`);
console.log(`  every account rebuilt (each save before): ${cpu(await time(3, () => ledger.db.transaction(() => refreshAllAccounts(ledger.ctx))()))}`);
const sample = (ledger.db.prepare('SELECT id FROM accounts ORDER BY random() LIMIT 5000').all() as { id: number }[]).map((a) => a.id);
const oneByOne = await time(3, () => ledger.db.transaction(() => rebuildPeriods(ledger.ctx, sample))());
console.log(`  5,000 accounts one by one: ${cpu(oneByOne)}`);
save({ deadlineDays: settings.deadlineDays, groupMemberThreshold: settings.groupMemberThreshold, basisName: settings.basisName });
ledger.close();
