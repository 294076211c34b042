import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/hosts/ledger.js';
import { rawDb } from '../support/dataFolder.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { msg } from '../../src/i18n/messages.js';
import { writePackage } from '../../src/reports/upwardPackage.js';
import { readPackage } from '../../src/imports/packageFile.js';
import { submissionOf } from '../../src/imports/packageRows.js';
import { sumFigures } from '../../src/domain/figures.js';
import { today } from '../../src/services/context.js';
import { startServer } from '../../src/hosts/http.js';
import { firstStart } from '../support/server.js';
import { caller } from '../support/ledger.js';
import { Mounts } from '../support/mounts.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-exports-'));
const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const mounts = new Mounts(dir);
let ledger: Ledger;
let call: ReturnType<typeof caller>;

beforeAll(() => {
  ledger = openAdminLedger(path.join(dir, 'data'));
  call = caller(ledger.registry);
  call('system.demo', { members: 20_000, seed: 5 });
  // The first start, here rather than in the CLI below: it encrypts the register in place, which needs the file to
  // itself (this process keeps it open).
  expect(ledger.registry.invoke('auth.setup', { name: '管理员', password: process.env.NETLEDGER_PASSWORD }).ok).toBe(true);
}, 120_000);
afterAll(async () => {
  await ledger.close();
  mounts.unmountAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string) => (ledger.db.prepare(sql).get() as { n: number }).n;
const leftovers = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith('.part'));

describe('export jobs in a worker thread', () => {
  it('writes a report off the main thread and reports its progress to the end', async () => {
    const out = path.join(dir, 'detail.xlsx');
    const started = call('reports.start', { type: 'report', kind: 'detail', outPath: out });
    expect(started.state).toBe('running');
    const done = await ledger.jobs.wait(started.id);
    expect(done).toMatchObject({ state: 'done', file: out });
    // The 明细表 lists the accounts needing 报告 or 备案 that are not 已注销.
    expect(done.total).toBe(count("SELECT count(*) AS n FROM accounts WHERE required_filing <> '无' AND status <> '已注销'"));
    expect(fs.statSync(out).size).toBeGreaterThan(100_000);
  });

  it('cancels: no file under the chosen name and no partial file left', async () => {
    const out = path.join(dir, 'cancelled.xlsx');
    const started = call('reports.start', { type: 'report', kind: 'detail', outPath: out });
    // Cancelled at once: the worker sees it at its first yield, long before 16k rows are written.
    call('jobs.cancel', { jobId: started.id });
    const end = await ledger.jobs.wait(started.id);
    expect(end).toMatchObject({ state: 'cancelled', error: msg.report.cancelled });
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  // Issue 8: this very export (16k rows onto 600 KB) used to wait forever, its .part keeping the disk full.
  it.skipIf(!mounts.available)('fails a 明细表 export to a full disk within seconds, says so in Chinese, and frees the disk', async () => {
    const full = mounts.tmpfs('full', 'size=600k')!;
    const started = call('reports.start', { type: 'report', kind: 'detail', outPath: path.join(full, '明细表.xlsx') });
    const end = await Promise.race([ledger.jobs.wait(started.id), new Promise((r) => setTimeout(() => r('hung'), 15_000))]);
    expect(end).toMatchObject({ state: 'failed', error: msg.files.diskFull(full) });
    expect(fs.readdirSync(full)).toEqual([]);
  });

  it('refuses a path that is not an .xlsx file, and an unknown job', () => {
    const r = ledger.registry.invoke('reports.start', { type: 'report', kind: 'summary', outPath: path.join(dir, 'x.txt') });
    expect(r).toMatchObject({ ok: false, error: { message: msg.report.notXlsx } });
    expect(ledger.registry.invoke('jobs.status', { jobId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { message: msg.report.jobNotFound } });
  });
});

describe('backup', () => {
  it('copies the register consistently into a backup folder in backups/, listed newest first, and the copy opens with the same data', async () => {
    const started = call('system.backup', {});
    const done = await ledger.jobs.wait(started.id);
    expect(done.state).toBe('done');
    expect(done.file).toMatch(/backups[\\/]ledger-\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(call('system.backups', {})[0]!.fileName).toBe(path.basename(done.file!));
    // Encrypted with the register's key, and opened with it (from the backup's own keys.json).
    const copy = rawDb(path.join(done.file!, 'ledger.sqlite3'), { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n).toBe(count('SELECT count(*) AS n FROM members'));
    expect(copy.pragma('user_version', { simple: true })).toBe(ledger.db.pragma('user_version', { simple: true }));
    copy.close();
    expect(leftovers(path.dirname(done.file!))).toEqual([]);
  });
});

describe('upward data package', () => {
  it('carries counts and a SHA-256 of its data that the receiving side can verify; a changed byte is caught', async () => {
    const out = path.join(dir, 'package.json');
    const result = await writePackage(ledger.ctx, { period: '2026年度' }, out);
    const text = fs.readFileSync(out, 'utf8');
    const pkg = JSON.parse(text);
    expect(pkg).toMatchObject({ format: 'netledger-upward-package', formatVersion: 2, period: { label: '2026年度' }, source: { code: '001' } });
    expect(pkg.counts).toEqual(result.counts);
    expect(pkg.counts.members).toBe(count('SELECT count(*) AS n FROM members'));
    expect(pkg.counts.accounts).toBe(count('SELECT count(*) AS n FROM accounts'));
    // Masked by default, and no whole number anywhere in the file.
    expect(pkg.data.members[0].idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(text).not.toMatch(/(?<![\da-f])\d{17}[\dX](?![\da-f])/);
    expect(readPackage(Buffer.from(text)).counts).toEqual(result.counts);
    const tampered = text.replace(pkg.data.members[0].name, '改名');
    expect(() => readPackage(Buffer.from(tampered))).toThrow(msg.pkg.checksum);
    expect(() => readPackage(Buffer.from('{"format":"other"}'))).toThrow(msg.consolidation.notPackage);
  });

  it('reads a package written before accounts carried dueOn and the period asOf: nothing counts as overdue', async () => {
    const out = path.join(dir, 'package-now.json');
    await writePackage(ledger.ctx, { period: '2026年度' }, out);
    const pkg = JSON.parse(fs.readFileSync(out, 'utf8'));
    const counted = submissionOf(readPackage(Buffer.from(JSON.stringify(pkg))), 'now.json');
    const now = sumFigures(counted.organizations.map((o) => o.figures));
    expect(now.reportOverdue + now.recordOverdue).toBeGreaterThan(0);
    expect(counted.period.asOf).toBe(today(ledger.ctx));

    for (const a of pkg.data.accounts) delete a.dueOn;
    delete pkg.period.asOf;
    pkg.sha256 = crypto.createHash('sha256').update(JSON.stringify(pkg.data)).digest('hex');
    const older = submissionOf(readPackage(Buffer.from(JSON.stringify(pkg))), 'older.json');
    expect(older.period.asOf).toBe(pkg.period.to);
    expect(older.accounts.every((a) => a.dueOn === null)).toBe(true);
    const then = sumFigures(older.organizations.map((o) => o.figures));
    expect(then).toEqual({ ...now, reportOverdue: 0, recordOverdue: 0 });
  });
});

describe('CLI report and export-package', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--data-dir', path.join(dir, 'data')], { encoding: 'utf8' });

  it('exports a report and a package, and refuses bad arguments without writing anything', () => {
    const out = path.join(dir, 'cli', 'summary.xlsx');
    // A folder named on the command line is not created behind the user's back.
    const noFolder = run('report', 'summary', '--out', out);
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toContain(msg.files.noFolder(path.join(dir, 'cli')));
    expect(fs.existsSync(path.join(dir, 'cli'))).toBe(false);
    fs.mkdirSync(path.join(dir, 'cli'));
    const ok = run('report', 'summary', '--org', '001', '--out', out);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`已导出：${out}`);
    expect(fs.existsSync(out)).toBe(true);
    const pkg = path.join(dir, 'cli', 'pkg.json');
    expect(run('export-package', '--period', '2026年第四季度', '--from', '2026-10-01', '--to', '2026-12-31', '--out', pkg).status).toBe(0);
    // Figures are as of the period's end, or today while the period runs.
    const asOf = ['2026-12-31', today(ledger.ctx)].sort()[0];
    expect(JSON.parse(fs.readFileSync(pkg, 'utf8')).period).toEqual({ label: '2026年第四季度', from: '2026-10-01', to: '2026-12-31', asOf });

    const bad = path.join(dir, 'cli', 'bad.xlsx');
    const badDate = run('report', 'detail', '--from', '2026-02-30', '--out', bad);
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain('日期格式应为');
    expect(run('report', 'detail', '--org', '999', '--out', bad).stderr).toContain(msg.cli.unknownOrgCode('999'));
    expect(run('report', 'weekly', '--out', bad).status).toBe(1);
    expect(run('report', 'detail').stderr).toContain(msg.cli.missingValue('--out'));
    expect(run('report', 'summary', '--out', path.join(dir, 'cli', 'summary.pdf')).stderr).toContain(msg.report.notXlsx);
    expect(fs.existsSync(bad)).toBe(false);
    expect(leftovers(path.join(dir, 'cli'))).toEqual([]);
  });
});

describe('browser mode and exports', () => {
  it('never lets the page choose where a file is written, and downloads only with the token', async () => {
    const server = await startServer({ registry: ledger.registry, exports: (id) => ledger.jobs.exportedFile(id) });
    await firstStart(server);
    const headers = { 'Content-Type': 'application/json', 'X-Ledger-Token': server.token };
    const base = `http://127.0.0.1:${server.port}`;
    const chosen = await fetch(`${base}/rpc/reports.start`, { method: 'POST', headers, body: JSON.stringify({ type: 'report', kind: 'summary', outPath: '/tmp/evil.xlsx' }) });
    expect(chosen.status).toBe(400);
    const started = (await (await fetch(`${base}/rpc/reports.start`, { method: 'POST', headers, body: JSON.stringify({ type: 'report', kind: 'summary' }) })).json()).value;
    await ledger.jobs.wait(started.id);
    expect((await fetch(`${base}/exports/${started.id}`)).status).toBe(401);
    const file = await fetch(`${base}/exports/${started.id}`, { headers });
    expect(file.status).toBe(200);
    expect(decodeURIComponent(file.headers.get('content-disposition') ?? '')).toContain('党员干部网络账号报备情况统计表_中共示例市');
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(5000);
    await server.close();
  });
});
