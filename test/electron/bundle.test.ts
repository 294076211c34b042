/**
 * The desktop build cannot be launched here (no Electron runtime), so its pieces are checked directly:
 * the bundle has what main loads at run time, the preload is CommonJS for the sandbox, and the bundled
 * export worker really writes a report when given a register.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import { startCore } from '../../src/hosts/core.js';
import { openAdminLedger } from '../support/adminLedger.js';
import type { WorkerMessage } from '../../src/jobs/jobs.js';
import { inspectWorkbook } from '../support/excel.js';
import { TEST_ADMIN } from '../support/adminLedger.js';

const root = path.join(import.meta.dirname, '../..');
const out = path.join(root, 'out');

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', 'electron.config.ts'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}, 120_000);

describe('desktop bundle', () => {
  it('puts the migrations, the export worker and the page beside main, and a CommonJS preload', () => {
    expect(fs.readdirSync(path.join(out, 'main/migrations')).filter((f) => f.endsWith('.sql')).length).toBe(fs.readdirSync(path.join(root, 'src/db/migrations')).length);
    expect(fs.existsSync(path.join(out, 'main/exportWorker.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'renderer/index.html'))).toBe(true);
    const preload = fs.readFileSync(path.join(out, 'preload/preload.cjs'), 'utf8');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^import /m);
    // The native module stays unbundled (it is loaded from node_modules, rebuilt for Electron at package time).
    const bundled = fs.readdirSync(path.join(out, 'main'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(bundled.some((f) => /from "better-sqlite3-multiple-ciphers"|require\("better-sqlite3-multiple-ciphers"\)/.test(fs.readFileSync(path.join(out, 'main', f), 'utf8')))).toBe(true);
    expect(fs.existsSync(path.join(out, 'main/coreWorker.js'))).toBe(true);
  });

  it('the bundled core answers calls and runs exports with the bundled workers, as the desktop app starts it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-bundle-core-'));
    const bundled = (name: string) => ({ file: path.join(out, 'main', name), execArgv: [] });
    const core = await startCore(dir, { migrationsDir: path.join(out, 'main/migrations'), coreWorker: bundled('coreWorker.js'), exportWorker: bundled('exportWorker.js') });
    try {
      expect(valueOf<'system.demo'>(await core.invoke('system.demo', { members: 100, seed: 3 }, TEST_ADMIN)).members).toBe(100);
      expect(valueOf<'organizations.tree'>(await core.invoke('organizations.tree', {}, TEST_ADMIN)).length).toBeGreaterThan(1);
      const job = valueOf<'reports.start'>(await core.invoke('reports.start', { type: 'report', kind: 'summary' }, TEST_ADMIN));
      await vi.waitFor(async () => expect(valueOf<'jobs.status'>(await core.invoke('jobs.status', { jobId: job.id }, TEST_ADMIN)).state).toBe('done'), { timeout: 30_000 });
      const found = await core.exportedFile(job.id);
      expect(inspectWorkbook(found!.file)[0]!.cells.find((c) => c.ref === 'A1')!.value).toBe('党员干部网络账号报备情况统计表');
    } finally {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the bundled export worker writes a report from a register', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-bundle-'));
    const ledger = openAdminLedger(dir);
    ledger.registry.invoke('system.demo', { members: 200, seed: 2 });
    await ledger.close();
    const target = path.join(dir, 'summary.xlsx');
    const messages: WorkerMessage[] = [];
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(path.join(out, 'main/exportWorker.js'), {
        workerData: { dbFile: path.join(dir, 'ledger.sqlite3'), actor: 'test', task: { type: 'report', kind: 'summary', params: {}, outPath: target } },
      });
      worker.on('message', (m: WorkerMessage) => messages.push(m));
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
    expect(messages.at(-1)).toEqual({ type: 'done' });
    expect(inspectWorkbook(target)[0]!.cells.find((c) => c.ref === 'A1')!.value).toBe('党员干部网络账号报备情况统计表');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
