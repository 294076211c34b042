/**
 * Exports meeting a hostile file system: a full disk, a read-only folder, a folder that is not there, a worker
 * killed mid-write, leftovers of a killed run — and the data folder kept private, with a bounded number of
 * export workers. Real mounts (tmpfs) where the test runs as root, as CI does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { msg } from '../../src/i18n/messages.js';
import { MAX_RUNNING, MAX_WAITING_DOWNLOADS } from '../../src/jobs/jobs.js';
import type { JobStatus } from '../../src/contract/reports.js';
import { startServer } from '../../src/hosts/http.js';
import { firstStart } from '../support/server.js';
import { caller } from '../support/ledger.js';
import { minimalPdf } from '../support/scans.js';
import { Mounts } from '../support/mounts.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-fs-'));
const dataDir = path.join(root, 'data');
const mounts = new Mounts(root);
let ledger: Ledger;
let call: ReturnType<typeof caller>;

const canMount = mounts.available;

beforeAll(() => {
  ledger = openAdminLedger(dataDir);
  call = caller(ledger.registry);
  // About 2400 accounts: a 明细表 of ~300 KB and a package of ~1 MB, far more than the small disks below hold.
  call('system.demo', { members: 3000, seed: 7 });
}, 120_000);
afterAll(async () => {
  await ledger.close();
  mounts.unmountAll();
  fs.rmSync(root, { recursive: true, force: true });
});

const files = (folder: string) => fs.readdirSync(folder);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The job's end, or 'hung' if it has not ended within `ms` (today's full-disk export never ends). */
async function endOf(started: JobStatus, ms: number, of = ledger): Promise<JobStatus | 'hung'> {
  return Promise.race([of.ctx.jobs!.wait(started.id), sleep(ms).then(() => 'hung' as const)]);
}

const refusal = (input: Record<string, unknown>) => {
  const r = ledger.registry.invoke('reports.start', input as never);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.message;
};

describe('a full disk', () => {
  it.skipIf(!canMount)('fails a 明细表 export within seconds, in Chinese naming the folder, and leaves nothing on the disk', async () => {
    const full = mounts.tmpfs('full', 'size=128k')!;
    const t0 = Date.now();
    const started = call('reports.start', { type: 'report', kind: 'detail', outPath: path.join(full, '明细表.xlsx') });
    const end = await endOf(started, 15_000);
    expect(end).toMatchObject({ state: 'failed', error: msg.files.diskFull(full) });
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(files(full)).toEqual([]);
    // The job's end includes its worker's exit (wait() says so): two more exports can run at once now.
    const ok = [0, 1].map(() => call('reports.start', { type: 'report', kind: 'summary', outPath: path.join(root, `after-full-${Math.random()}.xlsx`) }));
    expect(ok.map((s) => s.state)).toEqual(['running', 'running']);
    for (const s of ok) expect(await endOf(s, 30_000)).toMatchObject({ state: 'done' });
  });

  it.skipIf(!canMount)('fails a data package the same way', async () => {
    const full = mounts.tmpfs('fullpkg', 'size=64k')!;
    const started = call('reports.start', { type: 'package', period: '2026年度', outPath: path.join(full, '数据包.json') });
    expect(await endOf(started, 15_000)).toMatchObject({ state: 'failed', error: msg.files.diskFull(full) });
    expect(files(full)).toEqual([]);
  });
  // The exports added since (paper forms, 催报名单, 工作交接清单) share the worker's write path: the same end on a full disk.
  it.skipIf(!canMount).each([
    ['a blank 登记表', { type: 'form', form: 'filing' }, 'size=4k'],
    ['a 零报告表', { type: 'form', form: 'zero' }, 'size=4k'],
    ['a 催报名单', { type: 'report', kind: 'chase' }, 'size=32k'],
    ['a 工作交接清单', { type: 'report', kind: 'handover' }, 'size=32k'],
  ])('fails %s the same way', async (_, input, size) => {
    const full = mounts.tmpfs(`full-${(input as { form?: string; kind?: string }).form ?? (input as { kind: string }).kind}`, size)!;
    const started = call('reports.start', { ...input, outPath: path.join(full, '表.xlsx') } as never);
    expect(await endOf(started, 15_000)).toMatchObject({ state: 'failed', error: msg.files.diskFull(full) });
    expect(files(full)).toEqual([]);
  });
  it.skipIf(!canMount)('fails a backup the same way (SQLite says SQLITE_FULL)', async () => {
    const other = openAdminLedger(path.join(root, 'small'));
    caller(other.registry)('system.demo', { members: 300, seed: 3 });
    const backups = mounts.tmpfs(path.join('small', 'backups'), 'size=32k')!;
    const started = caller(other.registry)('system.backup', {});
    expect(await endOf(started, 15_000, other)).toMatchObject({ state: 'failed', error: msg.files.diskFull(backups) });
    expect(files(backups)).toEqual([]);
    await other.close();
  });
});

describe('a folder that cannot take the file is refused before anything runs', () => {
  it.skipIf(!canMount)('read-only', () => {
    const ro = mounts.tmpfs('ro', 'ro,size=64k')!;
    expect(refusal({ type: 'report', kind: 'summary', outPath: path.join(ro, '统计表.xlsx') })).toBe(msg.files.readOnly(ro));
    expect(refusal({ type: 'package', period: '2026年度', outPath: path.join(ro, '包.json') })).toBe(msg.files.readOnly(ro));
  });

  it('a missing folder is named and not created', () => {
    const missing = path.join(root, '没有这个文件夹', '下一级');
    expect(refusal({ type: 'report', kind: 'summary', outPath: path.join(missing, '统计表.xlsx') })).toBe(msg.files.noFolder(missing));
    expect(fs.existsSync(path.join(root, '没有这个文件夹'))).toBe(false);
  });

  it('a path through a file, a target that is a folder, a name too long', async () => {
    const file = path.join(root, '普通文件');
    fs.writeFileSync(file, 'x');
    expect(refusal({ type: 'report', kind: 'summary', outPath: path.join(file, '统计表.xlsx') })).toBe(msg.files.notFolder(file));
    expect(refusal({ type: 'report', kind: 'summary', outPath: path.join(file, 'a', '统计表.xlsx') })).toBe(msg.files.notFolder(path.join(file, 'a')));
    const folder = path.join(root, '同名文件夹.xlsx');
    fs.mkdirSync(folder);
    expect(refusal({ type: 'report', kind: 'summary', outPath: folder })).toBe(msg.files.isFolder(folder));
    // 80 Chinese characters are 240 bytes: the name fits, the temporary name beside it does not.
    const long = path.join(root, `${'长'.repeat(80)}.xlsx`);
    const started = call('reports.start', { type: 'report', kind: 'summary', outPath: long });
    expect(await endOf(started, 15_000)).toMatchObject({ state: 'failed', error: msg.files.tooLong(root) });
    expect(files(root).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});

describe('temporary files', () => {
  it('a worker terminated mid-write (the app closing) leaves no .part beside the chosen file', async () => {
    const other = openAdminLedger(dataDir);
    const out = path.join(root, 'killed');
    fs.mkdirSync(out);
    const started = caller(other.registry)('reports.start', { type: 'report', kind: 'detail', outPath: path.join(out, '明细表.xlsx') });
    while (other.ctx.jobs!.status(started.id).done === 0) await sleep(10);
    expect(files(out).filter((f) => f.endsWith('.part'))).toHaveLength(1);
    await other.close();
    expect(files(out)).toEqual([]);
  });

  it('stale .part files and undownloaded exports of a killed run are removed at open; files being written now are kept', async () => {
    const dir = path.join(root, 'stale');
    const backups = path.join(dir, 'backups');
    const exportsDir = path.join(dir, 'exports');
    fs.mkdirSync(backups, { recursive: true });
    fs.mkdirSync(exportsDir);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const put = (file: string, old: boolean) => {
      fs.writeFileSync(file, '身份证号 320508…');
      if (old) fs.utimesSync(file, hourAgo, hourAgo);
    };
    put(path.join(backups, 'ledger-20261101-101010.sqlite3.4242.part'), true);
    put(path.join(backups, 'ledger-20261101-101010.sqlite3'), true);
    put(path.join(exportsDir, '1234abcd-明细表.xlsx'), true);
    put(path.join(exportsDir, '1234abcd-明细表.xlsx.1234abcd.part'), true);
    put(path.join(backups, 'ledger-now.sqlite3.77.part'), false);
    const opened = openAdminLedger(dir);
    await opened.close();
    expect(files(backups).sort()).toEqual(['ledger-20261101-101010.sqlite3', 'ledger-now.sqlite3.77.part']);
    expect(files(exportsDir)).toEqual([]);
  });
});

describe('a private data folder', () => {
  const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

  it.skipIf(process.platform === 'win32')('creates files 0600 and folders 0700: database, WAL, attachments, backups, exports', async () => {
    const filing = ledger.db.prepare('SELECT id FROM filings LIMIT 1').get() as { id: number };
    const pdf = minimalPdf();
    const att = call('filings.attach', { filingId: filing.id, fileName: '备案表.pdf', contentBase64: pdf.toString('base64') });
    const backup = await ledger.jobs.wait(call('system.backup', {}).id);
    const browserExport = await ledger.jobs.wait(call('reports.start', { type: 'report', kind: 'summary' }).id);
    const chosen = await ledger.jobs.wait(call('reports.start', { type: 'package', period: '2026年度', outPath: path.join(root, '包.json') }).id);
    const stored = path.join(dataDir, 'attachments', att.sha256.slice(0, 2), `${att.sha256}.pdf`);
    for (const file of ['ledger.sqlite3', 'ledger.sqlite3-wal', 'ledger.sqlite3-shm'].map((f) => path.join(dataDir, f))) expect([file, mode(file)]).toEqual([file, '600']);
    // A backup is a folder holding the register and its scans.
    for (const file of [stored, path.join(backup.file!, 'ledger.sqlite3'), browserExport.file!, chosen.file!]) expect([file, mode(file)]).toEqual([file, '600']);
    for (const dir of [dataDir, path.join(dataDir, 'attachments'), path.dirname(stored), path.join(dataDir, 'backups'), backup.file!, path.join(dataDir, 'exports')]) {
      expect([dir, mode(dir)]).toEqual([dir, '700']);
    }
  });

  it.skipIf(process.platform === 'win32')('tightens a data folder made by an older version (0755 folders, 0644 files) when it is opened', async () => {
    const old = path.join(root, 'old');
    const first = openAdminLedger(old);
    await first.close();
    const attachment = path.join(old, 'attachments', 'ab', 'ab12.pdf');
    fs.mkdirSync(path.dirname(attachment), { recursive: true });
    fs.writeFileSync(attachment, '%PDF-');
    for (const dir of [old, path.join(old, 'attachments'), path.dirname(attachment)]) fs.chmodSync(dir, 0o755);
    for (const file of [attachment, path.join(old, 'ledger.sqlite3')]) fs.chmodSync(file, 0o644);
    const again = openAdminLedger(old);
    expect([mode(old), mode(path.join(old, 'attachments')), mode(path.dirname(attachment))]).toEqual(['700', '700', '700']);
    expect([mode(attachment), mode(path.join(old, 'ledger.sqlite3')), mode(path.join(old, 'ledger.sqlite3-wal'))]).toEqual(['600', '600', '600']);
    await again.close();
  });
});

describe('browser-mode exports and the number of workers', () => {
  it(`runs at most ${MAX_RUNNING} workers; the rest wait as queued, a queued one can be cancelled, all others finish`, async () => {
    const out = path.join(root, 'many');
    fs.mkdirSync(out);
    const started = [1, 2, 3, 4, 5].map((i) => call('reports.start', { type: 'report', kind: 'summary', outPath: path.join(out, `统计表${i}.xlsx`) }));
    expect(started.map((s) => s.state)).toEqual(['running', 'running', 'queued', 'queued', 'queued']);
    expect(call('jobs.cancel', { jobId: started[4]!.id })).toMatchObject({ state: 'cancelled', error: msg.report.cancelled });
    let most = 0;
    const states = () => started.map((s) => ledger.jobs.status(s.id).state);
    while (states().some((s) => s === 'queued' || s === 'running')) {
      most = Math.max(most, states().filter((s) => s === 'running').length);
      await sleep(5);
    }
    expect(most).toBe(MAX_RUNNING);
    expect(states()).toEqual(['done', 'done', 'done', 'done', 'cancelled']);
    expect(files(out).sort()).toEqual(['统计表1.xlsx', '统计表2.xlsx', '统计表3.xlsx', '统计表4.xlsx']);
  });

  it('removes an export from the data folder once downloaded, and keeps only a few that were never downloaded', async () => {
    const exportsDir = path.join(dataDir, 'exports');
    const server = await startServer({ registry: ledger.registry, exports: (id) => ledger.jobs.exportedFile(id) });
    await firstStart(server);
    const headers = { 'X-Ledger-Token': server.token };
    const url = (id: string) => `http://127.0.0.1:${server.port}/exports/${id}`;
    const one = await ledger.jobs.wait(call('reports.start', { type: 'report', kind: 'summary' }).id);
    expect(fs.existsSync(one.file!)).toBe(true);
    const got = await fetch(url(one.id), { headers });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    for (let i = 0; i < 50 && fs.existsSync(one.file!); i++) await sleep(10);
    expect(fs.existsSync(one.file!)).toBe(false);
    expect((await fetch(url(one.id), { headers })).status).toBe(404);
    await server.close();

    const never = [];
    for (let i = 0; i < MAX_WAITING_DOWNLOADS + 2; i++) never.push(call('reports.start', { type: 'report', kind: 'summary' }));
    for (const s of never) await ledger.jobs.wait(s.id);
    await sleep(50);
    expect(files(exportsDir)).toHaveLength(MAX_WAITING_DOWNLOADS);
    expect(ledger.jobs.exportedFile(never[0]!.id)).toBeNull();
    expect(ledger.jobs.exportedFile(never.at(-1)!.id)).not.toBeNull();
  });
});

describe('a register on a read-only disk', () => {
  it.skipIf(!canMount)('is said to be on a folder that cannot be written, never called a foreign file, by open and by check', async () => {
    const disk = mounts.tmpfs('ro-register', 'size=4m')!;
    const folder = path.join(disk, 'data');
    await openAdminLedger(folder).close();
    const { spawnSync } = await import('node:child_process');
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    const opened = (() => {
      try {
        openAdminLedger(folder);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    const { checkDataFolder } = await import('../../src/db/check.js');
    const { loadMigrations } = await import('../../src/db/migrate.js');
    const checked = checkDataFolder(folder, loadMigrations().length).problems.map((p) => p.message).join('\n');
    for (const said of [opened, checked]) {
      expect(said).toContain(folder);
      expect(said).not.toContain(msg.db.foreignFile);
    }
  });
});
