/**
 * What saving a 报备规则 version costs on a city register (issue 12 point 3): a threshold changed from a day in the
 * past (the accounts whose periods reach that day are re-derived) and the deadline changed from today, timed as the
 * settings page saves them. `npx tsx bench/ruleSave.ts --members 100000 [--dir /tmp/x]`.
 */
import { demoRegister, numberArg, stringArg, time } from './demoRegister.js';
import os from 'node:os';

const members = numberArg('--members', 20_000);
const ledger = demoRegister(members, stringArg('--dir') ?? os.tmpdir());
const invoke = (name: string, input: unknown) => {
  const r = ledger.registry.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
};
const call = (input: Record<string, unknown>) => invoke('settings.update', input);
const settings = invoke('settings.get', {}) as { deadlineDays: number; groupMemberThreshold: number | null };
const day = (d: Date) => d.toISOString().slice(0, 10);
const ago = (days: number) => day(new Date(Date.now() - days * 86_400_000));
const fmt = (t: { median: number; cpuMedian?: number }) => `${(t.median / 1000).toFixed(2)} s (CPU ${((t.cpuMedian ?? 0) / 1000).toFixed(2)} s)`;
const deadline = await time(3, (i) => call({ deadlineDays: settings.deadlineDays + ((i + 2) % 2) + 1 }));
console.log(`${members} members: deadline from today ${fmt(deadline)}`);
const threshold = await time(3, (i) => call({ groupMemberThreshold: 150 + i + 1, effectiveFrom: ago(30) }));
console.log(`${members} members: group threshold from 30 days ago ${fmt(threshold)}`);
call({ deadlineDays: settings.deadlineDays, groupMemberThreshold: settings.groupMemberThreshold });
ledger.close();
