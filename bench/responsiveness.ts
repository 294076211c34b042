/**
 * The window never waits on the register (issue 9): while a whole-tree 统计表 preview and a 报备规则 save (which
 * re-derives every account) run in the core, how long does a `system.info` call take? Measured through the core the
 * desktop app and browser mode use (src/hosts/core.ts), against the same call with the core idle, in the same run.
 */
import { performance } from 'node:perf_hooks';
import { valueOf } from '../src/contract/contract.js';
import { startCore } from '../src/hosts/core.js';
import { percentiles, type Timing } from './demoRegister.js';
import { hostCaller } from '../src/hosts/hostCaller.js';

/** The benchmark measures the register, not sign-in: it calls as the host would. */
const BENCH = hostCaller('基准测试');

const GAP_MS = 20;

export interface Responsiveness {
  idle: Timing;
  busy: Timing;
  previews: number;
  saves: number;
}

export async function measureResponsiveness(dataDir: string, samples: number): Promise<Responsiveness> {
  const core = await startCore(dataDir);
  const infoLatencies = async (): Promise<Timing> => {
    const times: number[] = [];
    while (times.length < samples) {
      const t0 = performance.now();
      valueOf<'system.info'>(await core.invoke('system.info', {}, BENCH));
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    return percentiles(times);
  };
  try {
    const idle = await infoLatencies();
    // Busy: the 统计表 preview over the whole tree in a loop on a reader, and 报备规则 saves in a loop on the writer.
    let busy = true;
    let previews = 0;
    let saves = 0;
    const settings = valueOf<'settings.get'>(await core.invoke('settings.get', {}, BENCH));
    const loops = [
      (async () => {
        for (; busy; previews++) valueOf<'reports.preview'>(await core.invoke('reports.preview', { kind: 'summary' }, BENCH));
      })(),
      (async () => {
        for (; busy; saves++) valueOf<'settings.update'>(await core.invoke('settings.update', { deadlineDays: settings.deadlineDays + (saves % 2) }, BENCH));
      })(),
    ];
    const loaded = await infoLatencies();
    busy = false;
    await Promise.all(loops);
    await core.invoke('settings.update', { deadlineDays: settings.deadlineDays }, BENCH);
    return { idle, busy: loaded, previews, saves };
  } finally {
    await core.close();
  }
}
