/**
 * `netledger --smoke [--smoke-dir=DIR]`: the packaged app checks itself without a window, for
 * scripts/verify-dist.mjs on the build machine. It opens a new register in a temporary folder (never the user's data
 * folder), fills it with a little invented data, writes the 统计表 through the export worker as a real export does,
 * and writes smoke.json beside it: the versions it runs with and the report it wrote. Exit code 0 when all of that
 * worked. With --smoke-dir everything stays in DIR for the caller to inspect; without it the folder is removed.
 */
import { bindCaller, hostCaller } from '../src/hosts/hostCaller.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { valueOf } from '../src/contract/contract.js';
import type { Ledger } from '../src/hosts/ledger.js';

export const SMOKE_FLAG = '--smoke';
const DIR_FLAG = '--smoke-dir=';
const MEMBERS = 60;

export interface SmokeReport {
  ok: boolean;
  version?: string;
  schemaVersion?: number;
  sqliteVersion?: string;
  electron?: string;
  node: string;
  /** The native-module ABI this runtime loads: better-sqlite3 must have been rebuilt for it. */
  modules: string;
  platform: string;
  arch: string;
  members?: number;
  report?: { file: string; bytes: number };
  error?: string;
}

/** The folder asked for with --smoke-dir=DIR, '' for a temporary one, or null when --smoke is not given. */
export function smokeDir(argv: string[]): string | null {
  if (!argv.includes(SMOKE_FLAG)) return null;
  const dir = argv.find((a) => a.startsWith(DIR_FLAG));
  return dir ? path.resolve(dir.slice(DIR_FLAG.length)) : '';
}

async function exercise(opened: Ledger, dir: string, report: SmokeReport): Promise<void> {
  // A temporary register of its own, with no operators: the self-test acts as the host (src/hosts/hostCaller.ts).
  const ledger = { ...opened, registry: bindCaller(opened.registry, hostCaller('安装自检')) };
  const info = valueOf<'system.info'>(ledger.registry.invoke('system.info', {}));
  Object.assign(report, { version: info.version, schemaVersion: info.schemaVersion, sqliteVersion: info.sqliteVersion });
  report.members = valueOf<'system.demo'>(ledger.registry.invoke('system.demo', { members: MEMBERS, seed: 1 })).members;
  const file = path.join(dir, 'summary.xlsx');
  const started = valueOf<'reports.start'>(ledger.registry.invoke('reports.start', { type: 'report', kind: 'summary', outPath: file }));
  const finished = await ledger.jobs.wait(started.id);
  if (finished.state !== 'done') throw new Error(finished.error ?? `export ended ${finished.state}`);
  report.report = { file, bytes: fs.statSync(file).size };
}

/** Runs the check in `dir` ('' for a temporary folder); resolves to the exit code. */
export async function runSmoke(dir: string, open: (dataDir: string) => Ledger, print: (line: string) => void): Promise<number> {
  const work = dir || fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-smoke-'));
  fs.mkdirSync(work, { recursive: true });
  const report: SmokeReport = {
    ok: false,
    electron: process.versions.electron,
    node: process.versions.node,
    modules: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
  };
  let ledger: Ledger | null = null;
  try {
    ledger = open(path.join(work, 'data'));
    await exercise(ledger, work, report);
    report.ok = true;
  } catch (err) {
    report.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  } finally {
    await ledger?.close().catch(() => undefined);
  }
  print(JSON.stringify(report));
  if (dir) fs.writeFileSync(path.join(work, 'smoke.json'), JSON.stringify(report, null, 2));
  else fs.rmSync(work, { recursive: true, force: true });
  return report.ok ? 0 : 1;
}
