/**
 * The window never waits on the register (issue 9): while a whole-tree 统计表 export, an import of a members file
 * (its preview: every row read, checked and written in a transaction that is then rolled back, so the benchmark's
 * register stays as generated) and a 报备规则 save (which re-derives every account) run in the core, how long does a
 * `system.info` call take? Measured through the core the desktop app and browser mode use (src/hosts/core.ts),
 * against the same call with the core idle, in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { valueOf, type CallName, type CallOutput } from '../src/contract/contract.js';
import { IMPORT_FIELDS } from '../src/contract/importOutcome.js';
import { startCore } from '../src/hosts/core.js';
import { percentiles, type Timing } from './demoRegister.js';
import { hostCaller } from '../src/hosts/hostCaller.js';

/** The benchmark measures the register, not sign-in: it calls as the host would. */
const BENCH = hostCaller('基准测试');

const GAP_MS = 20;

export interface Responsiveness {
  idle: Timing;
  busy: Timing;
  exports: number;
  imports: number;
  saves: number;
}

/** `importFile`: a members file laid out as the template (bench/importMeasure.ts); `scratch`: where exports go. */
export async function measureResponsiveness(dataDir: string, samples: number, importFile: string, scratch: string): Promise<Responsiveness> {
  const core = await startCore(dataDir);
  const call = async <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => valueOf<N>(await core.invoke(name, input, BENCH));
  const finish = async (jobId: string): Promise<void> => {
    for (;;) {
      const status = await call('jobs.status', { jobId });
      if (status.state === 'done') return;
      if (status.state !== 'queued' && status.state !== 'running') throw new Error(status.error ?? status.state);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const infoLatencies = async (): Promise<Timing> => {
    const times: number[] = [];
    while (times.length < samples) {
      const t0 = performance.now();
      await call('system.info', {});
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    return percentiles(times);
  };
  try {
    const idle = await infoLatencies();
    let busy = true;
    const counts = { exports: 0, imports: 0, saves: 0 };
    const settings = await call('settings.get', {});
    const { uploadId } = await call('imports.upload', { fileName: path.basename(importFile), contentBase64: fs.readFileSync(importFile).toString('base64') });
    // The file's 所在党组织 are not the benchmark register's: every row goes to its first organization instead.
    const organizationId = (await call('organizations.tree', {}))[0]!.id;
    const mapping = Object.fromEntries(IMPORT_FIELDS.members.map((f, i) => [f.key, f.key === 'organization' ? null : i]));
    const loops = [
      (async () => {
        for (; busy; counts.exports++) {
          const outPath = path.join(scratch, `responsiveness-${counts.exports}.xlsx`);
          await finish((await call('reports.start', { type: 'report', kind: 'summary', outPath })).id);
          fs.rmSync(outPath, { force: true });
        }
      })(),
      (async () => {
        for (; busy; counts.imports++) await finish((await call('imports.start', { kind: 'members', uploadId, mode: 'preview', mapping, organizationId, writeErrors: false })).id);
      })(),
      (async () => {
        for (; busy; counts.saves++) await call('settings.update', { deadlineDays: settings.deadlineDays + (counts.saves % 2) });
      })(),
    ];
    const loaded = await infoLatencies();
    busy = false;
    await Promise.all(loops);
    await call('settings.update', { deadlineDays: settings.deadlineDays });
    return { idle, busy: loaded, ...counts };
  } finally {
    await core.close();
  }
}
