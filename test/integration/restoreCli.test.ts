import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { connect, REGISTER_CIPHER } from '../../src/db/open.js';
import { cli, count, populatedLedger, registerKey, snapshot, tempDir } from '../support/dataFolder.js';

const root = tempDir('restore-cli');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const REPO = path.join(import.meta.dirname, '../..');

/** A data folder with one backup in it, closed, as after `netledger backup`. */
async function folderWithBackup(name: string) {
  const dataDir = path.join(root, name);
  const { ledger } = populatedLedger(dataDir);
  await ledger.close();
  const made = await cli(['backup', '--data-dir', dataDir]);
  expect(made.code).toBe(0);
  const backup = path.join(dataDir, 'backups', fs.readdirSync(path.join(dataDir, 'backups'))[0]!);
  return { dataDir, backup, db: path.join(dataDir, 'ledger.sqlite3') };
}

/**
 * The crash from the issue: a process commits a new organization and is killed before SQLite folds its WAL
 * into the main file, so `ledger.sqlite3-wal` stays beside `ledger.sqlite3` holding committed work.
 */
function crashAfterCommit(db: string, fullName: string): void {
  const key = registerKey(path.dirname(db));
  const script = `
    const Database = require('better-sqlite3-multiple-ciphers');
    const db = new Database(${JSON.stringify(db)});
    ${key ? `db.pragma("cipher = '${REGISTER_CIPHER}'"); db.pragma(${JSON.stringify(`key = "x'${key}'"`)});` : ''}
    db.prepare("INSERT INTO organizations (id, parent_id, code, full_name, type, tree_path, created_at, updated_at) VALUES (99, NULL, '099', ?, '党委', '/99/', 'x', 'x')").run(${JSON.stringify(fullName)});
    process.kill(process.pid, 'SIGKILL');`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.signal).toBe('SIGKILL');
  expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0);
}

/** `keyDir`: where the key of an encrypted register copied out of its folder is found. */
const orgNames = (file: string, keyDir = path.dirname(file)) => {
  const db = connect(file, { key: registerKey(keyDir) }, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT full_name AS n FROM organizations ORDER BY id').all() as { n: string }[]).map((r) => r.n);
  } finally {
    db.close();
  }
};

describe('restore after a crash left a WAL beside the register (issue 8, item 2)', () => {
  it("loses data when following the page's old advice (copy the backup over ledger.sqlite3)", async () => {
    const f = await folderWithBackup('old-advice');
    crashAfterCommit(f.db, '崩溃前提交的党委');
    // 关闭本软件，把 ledger.sqlite3 改名留存，再把备份复制为 ledger.sqlite3
    fs.renameSync(f.db, `${f.db}.old`);
    fs.copyFileSync(path.join(f.backup, 'ledger.sqlite3'), f.db);
    let restored: string[] | Error;
    try {
      restored = orgNames(f.db);
    } catch (err) {
      restored = err as Error;
    }
    // SQLite replays the stale WAL into the copied backup: the result is damaged, or (as with this small file)
    // no longer the backup — the crashed session's pages come back on top of it.
    expect(restored).not.toEqual(['中共测试委员会']);
    // And the renamed original lacks what was committed before the crash: it was only in the WAL.
    const alone = path.join(root, 'old-advice-kept.sqlite3');
    fs.copyFileSync(`${f.db}.old`, alone);
    expect(orgNames(alone, f.dataDir)).not.toContain('崩溃前提交的党委');
  });

  it('netledger restore keeps the committed work in the checkpointed copy and leaves no WAL beside the restored file', async () => {
    const f = await folderWithBackup('restore');
    crashAfterCommit(f.db, '崩溃前提交的党委');
    const r = await cli(['restore', f.backup, '--yes', '--data-dir', f.dataDir]);
    expect(r.code).toBe(0);
    const kept = /原来的数据保存在 (.+)。$/.exec(r.out)![1]!;
    expect(fs.readdirSync(f.dataDir).filter((n) => n.startsWith('ledger.sqlite3'))).toEqual(['ledger.sqlite3']);
    expect(orgNames(f.db)).toEqual(['中共测试委员会']);
    expect(fs.readdirSync(kept).sort()).toEqual(['attachments', 'keys.json', 'ledger.sqlite3']);
    expect(orgNames(path.join(kept, 'ledger.sqlite3'))).toEqual(['中共测试委员会', '崩溃前提交的党委']);
    expect(await cli(['check', '--data-dir', f.dataDir])).toMatchObject({ code: 0, out: msg.check.ok(1) });
  });
});

describe('netledger restore asks first', () => {
  it('without a terminal and without --yes: exit 2, nothing changed', async () => {
    const f = await folderWithBackup('no-tty');
    const before = snapshot(f.dataDir);
    const r = spawnSync(process.execPath, [BIN, 'restore', f.backup, '--data-dir', f.dataDir], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(msg.cli.restoreNeedsYes);
    expect(snapshot(f.dataDir)).toEqual(before);
  });

  it('shows what will be replaced and where it is kept; "n" changes nothing, "是" restores', async () => {
    const f = await folderWithBackup('ask');
    const { ledger } = populatedLedger(path.join(root, 'ask-other'), '另一份');
    await ledger.close();
    const other = path.join(root, 'ask-other');
    const before = snapshot(f.dataDir);
    const no = await cli(['restore', other, '--data-dir', f.dataDir], 'n');
    expect(no.code).toBe(1);
    expect(no.out).toContain(`将用备份 ${other} 替换当前数据。`);
    expect(no.out).toMatch(/当前数据 .+ledger\.sqlite3（.+MB，最后修改于 .+）及其附件将完整保存到 .+replaced[\\/]ledger-before-restore-\d{8}-\d{6}。/);
    expect(no.out).toContain(msg.cli.restoreCancelled);
    expect(snapshot(f.dataDir)).toEqual(before);
    const yes = await cli(['restore', other, '--data-dir', f.dataDir], '是');
    expect(yes.code).toBe(0);
    expect(count(f.db, 'filing_attachments')).toBe(1);
    expect(await cli(['check', '--data-dir', f.dataDir])).toMatchObject({ code: 0 });
  });
});

describe('netledger backup --out', () => {
  it('puts the backup folder into an existing folder (a USB stick) and refuses one that does not exist', async () => {
    const f = await folderWithBackup('out');
    const stick = path.join(root, 'stick');
    fs.mkdirSync(stick);
    const r = await cli(['backup', '--out', stick, '--data-dir', f.dataDir]);
    expect(r.code).toBe(0);
    const [made] = fs.readdirSync(stick);
    expect(made).toMatch(/^ledger-\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(r.out).toBe(msg.cli.backedUp(path.join(stick, made!)));
    expect(fs.readdirSync(path.join(stick, made!)).sort()).toEqual(['attachments', 'checked.json', 'keys.json', 'ledger.sqlite3']);
    const missing = path.join(root, 'no-such-stick');
    expect(await cli(['backup', '--out', missing, '--data-dir', f.dataDir])).toMatchObject({ code: 2, err: msg.cli.outNotFolder(missing) });
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('netledger check', () => {
  it('exits 1 listing a changed scan and a leftover .part, 0 when all is well', async () => {
    const f = await folderWithBackup('check');
    expect(await cli(['check', '--data-dir', f.dataDir])).toMatchObject({ code: 0, out: msg.check.ok(1) });
    const scan = fs.readdirSync(path.join(f.dataDir, 'attachments'), { recursive: true }).map(String).find((p) => p.endsWith('.pdf'))!;
    fs.appendFileSync(path.join(f.dataDir, 'attachments', scan), 'x');
    fs.mkdirSync(path.join(f.dataDir, 'exports'));
    fs.writeFileSync(path.join(f.dataDir, 'exports', 'a.xlsx.123.part'), 'half');
    const bad = await cli(['check', '--json', '--data-dir', f.dataDir]);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.out);
    expect(report.problems.map((p: { kind: string }) => p.kind)).toEqual(['attachmentCorrupt', 'leftover']);
    expect(report.problems[1].message).toBe(msg.verify.leftover(path.join('exports', 'a.xlsx.123.part')));
    expect((await cli(['check', '--data-dir', path.join(root, 'nowhere')])).code).toBe(1);
    const nothing = path.join(root, 'nowhere', 'ledger-x');
    expect(await cli(['restore', nothing, '--yes', '--data-dir', f.dataDir])).toMatchObject({ code: 1, err: msg.restore.notFound(nothing) });
  });
});
