import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataFolder } from '../../src/db/check.js';
import { loadMigrations } from '../../src/db/migrate.js';
import type { Ledger } from '../../src/hosts/ledger.js';
import { msg } from '../../src/i18n/messages.js';
import { cli, count, populatedLedger, snapshot, tempDir } from '../support/dataFolder.js';
import { validId } from '../support/ids.js';
import { minimalPdf } from '../support/scans.js';

const root = tempDir('backup');
const KNOWN = loadMigrations().length;
const open: Ledger[] = [];
afterAll(async () => {
  await Promise.all(open.map((l) => l.close()));
  fs.rmSync(root, { recursive: true, force: true });
});

function setUp(name: string) {
  const dataDir = path.join(root, name);
  const l = populatedLedger(dataDir);
  open.push(l.ledger);
  const backup = (now = new Date()) => l.ledger.jobs.wait(l.ledger.jobs.startBackup(now).id);
  return { ...l, dataDir, backup };
}

describe('backups', () => {
  it('are folders holding the register and its scans, checked, under distinct names even in the same second', async () => {
    const r = setUp('names');
    const now = new Date('2026-11-25T10:00:00');
    const [a, b] = [await r.backup(now), await r.backup(now)];
    expect([a.state, b.state]).toEqual(['done', 'done']);
    expect(a.file).not.toBe(b.file);
    for (const done of [a, b]) {
      expect(path.basename(done.file!)).toMatch(/^ledger-20261125-100000-[0-9a-f]{4}$/);
      expect(fs.readFileSync(path.join(done.file!, 'attachments', r.attachment.sha256.slice(0, 2), `${r.attachment.sha256}.pdf`)).equals(r.scan)).toBe(true);
      expect(count(path.join(done.file!, 'ledger.sqlite3'), 'members')).toBe(1);
    }
    expect(fs.readdirSync(path.join(r.dataDir, 'backups')).sort()).toEqual([a.file, b.file].map((f) => path.basename(f!)).sort());
    expect(r.call('system.backups', {}).map((e) => e.fileName).sort()).toEqual([a.file, b.file].map((f) => path.basename(f!)).sort());
  });

  it('that fail their check (a scan is missing from the data folder) fail the job in Chinese and leave nothing behind', async () => {
    const r = setUp('missing-scan');
    fs.rmSync(path.join(r.dataDir, 'attachments'), { recursive: true });
    const done = await r.backup();
    expect(done.state).toBe('failed');
    expect(done.error).toContain('备份写好后检查未通过，已删除这份备份');
    expect(done.error).toContain(msg.verify.attachmentMissing(path.join(r.attachment.sha256.slice(0, 2), `${r.attachment.sha256}.pdf`)));
    expect(fs.readdirSync(path.join(r.dataDir, 'backups'))).toEqual([]);
  });
});

describe('restore in the running console (system.restore)', () => {
  it('puts register and scans back, keeps what it replaced (checkpointed, with its scans) and carries on with the same registry', async () => {
    const r = setUp('round-trip');
    const done = await r.backup();
    // Work done after the backup: a second member and a second scan, both to be replaced.
    r.call('members.create', { name: '甲二', organizationId: r.org, idNumber: validId('1986-04-02', 12) });
    const later = minimalPdf('后来的扫描件');
    const laterAtt = r.call('filings.attach', { filingId: r.filing, fileName: '补充.pdf', contentBase64: later.toString('base64') });

    const out = r.call('system.restore', { fileName: path.basename(done.file!), confirm: true });
    expect(out.restoredFrom).toBe(path.basename(done.file!));
    expect(out.keptAs).toMatch(/replaced[\\/]ledger-before-restore-\d{8}-\d{6}$/);
    // The same registry now answers from the restored register.
    expect(r.call('system.stats', {})).toMatchObject({ members: 1, filing_attachments: 1 });
    expect(Buffer.from(r.call('filings.attachment', { id: r.attachment.id }).contentBase64, 'base64').equals(r.scan)).toBe(true);
    expect(r.ledger.registry.invoke('filings.attachment', { id: laterAtt.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fs.existsSync(path.join(r.dataDir, 'attachments', laterAtt.sha256.slice(0, 2), `${laterAtt.sha256}.pdf`))).toBe(false);

    // The kept copy is whole on its own (no WAL needed) and holds the later work and its scan.
    const kept = out.keptAs!;
    expect(fs.readdirSync(kept).sort()).toEqual(['attachments', 'ledger.sqlite3']);
    expect(count(path.join(kept, 'ledger.sqlite3'), 'members')).toBe(2);
    expect(fs.readFileSync(path.join(kept, 'attachments', laterAtt.sha256.slice(0, 2), `${laterAtt.sha256}.pdf`)).equals(later)).toBe(true);
    expect(checkDataFolder(r.dataDir, KNOWN).problems).toEqual([]);

    // And the kept copy is itself restorable: the later work comes back.
    const back = await cli(['restore', kept, '--yes', '--data-dir', path.join(root, 'from-kept')]);
    expect(back.code).toBe(0);
    expect(count(path.join(root, 'from-kept', 'ledger.sqlite3'), 'members')).toBe(2);
  });

  it('is refused while an export worker has the register open, and with no confirmation or an unlisted name', async () => {
    const r = setUp('busy');
    const done = await r.backup();
    const fileName = path.basename(done.file!);
    const before = snapshot(r.dataDir);
    const jobs = r.ledger.jobs;
    const job = jobs.start({ type: 'report', kind: 'summary', params: {}, outPath: path.join(root, 'busy.xlsx'), fileName: 'x.xlsx' });
    expect(r.ledger.registry.invoke('system.restore', { fileName, confirm: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: msg.restore.jobsRunning } });
    await jobs.wait(job.id);
    expect(jobs.busy()).toBe(false);
    expect(r.ledger.registry.invoke('system.restore', { fileName })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(r.ledger.registry.invoke('system.restore', { fileName: '../../etc', confirm: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshot(r.dataDir)).toEqual(before);
  });
});

describe('restore refuses a backup it cannot trust, and changes nothing', () => {
  const cases: [string, (backup: string, r: ReturnType<typeof setUp>) => void, string][] = [
    [
      'a damaged file',
      (b) => {
        const file = path.join(b, 'ledger.sqlite3');
        const bytes = fs.readFileSync(file);
        bytes.fill(0x5a, 4096 * 2, 4096 * 4);
        fs.writeFileSync(file, bytes);
      },
      '',
    ],
    [
      'a newer schema',
      (b) => {
        const db = new Database(path.join(b, 'ledger.sqlite3'));
        db.pragma('user_version = 99');
        db.close();
      },
      msg.verify.tooNew(99, KNOWN),
    ],
    [
      'a SQLite file of another program that claims our data version',
      (b) => {
        fs.rmSync(path.join(b, 'ledger.sqlite3'));
        const db = new Database(path.join(b, 'ledger.sqlite3'));
        db.exec('CREATE TABLE foo (x)');
        db.pragma(`user_version = ${KNOWN}`);
        db.close();
      },
      msg.verify.foreignFile,
    ],
    ['a missing scan', (b, r) => fs.rmSync(path.join(b, 'attachments', r.attachment.sha256.slice(0, 2), `${r.attachment.sha256}.pdf`)), '缺少附件文件'],
    [
      'a changed scan',
      (b, r) => fs.appendFileSync(path.join(b, 'attachments', r.attachment.sha256.slice(0, 2), `${r.attachment.sha256}.pdf`), 'x'),
      '校验值（SHA-256）不符',
    ],
  ];
  for (const [name, spoil, expected] of cases) {
    it(name, async () => {
      const r = setUp(`refuse-${name.replace(/ /g, '-')}`);
      const done = await r.backup();
      spoil(done.file!, r);
      await r.ledger.close();
      open.splice(open.indexOf(r.ledger), 1);
      const before = snapshot(r.dataDir);
      const result = await cli(['restore', done.file!, '--yes', '--data-dir', r.dataDir]);
      expect(result.code).toBe(1);
      expect(result.err).toContain('这份备份未通过检查，没有做任何更改');
      expect(result.err).toContain(expected);
      expect(snapshot(r.dataDir)).toEqual(before);
    });
  }
});
