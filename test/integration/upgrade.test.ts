/**
 * Installing a newer release over an older one: the register is copied into backups/ before it is migrated, the
 * migrating release is noted, and an older release refuses the newer file naming both releases and both data
 * versions, leaving it byte for byte as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/db/migrate.js';
import { DATABASE_FILE, openDatabase } from '../../src/db/open.js';
import { recordWrittenBy, writtenBy } from '../../src/db/writtenBy.js';
import { APP_VERSION } from '../../src/domain/version.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { msg } from '../../src/i18n/messages.js';
import { consolidatedRows } from '../../src/services/consolidation.js';
import { getSubmission } from '../../src/services/submissions.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-upgrade-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A migrations folder holding the first `count` real migrations, plus `extra` invented later ones. */
function migrationsDir(count: number, extra: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const f of fs.readdirSync(path.join(import.meta.dirname, '../../src/db/migrations')).sort().slice(0, count)) {
    fs.copyFileSync(path.join(import.meta.dirname, '../../src/db/migrations', f), path.join(dir, f));
  }
  for (const [name, sql] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

/** A data folder whose register was written by a release that knew only the first two migrations. */
function olderRegister(): { dataDir: string; file: string } {
  const dataDir = tempDir();
  const file = path.join(dataDir, DATABASE_FILE);
  const db = openDatabase(file, { migrationsDir: migrationsDir(2) });
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('filingRules', '{"deadlineDays":45}');
  db.pragma('journal_mode = DELETE');
  db.close();
  return { dataDir, file };
}

const userVersion = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    // From migration 0010 on the rules are dated versions (filing_rule_versions), no longer one setting.
    const rules = (db.prepare("SELECT value FROM settings WHERE key = 'filingRules'").get() as { value: string } | undefined)?.value;
    return { version: db.pragma('user_version', { simple: true }), rules: rules ?? (db.prepare('SELECT rules_json FROM filing_rule_versions').pluck().get() as string) };
  } finally {
    db.close();
  }
};

/** A register of the release that stored submissions with their figures in columns (data version 4), holding one. */
function registerWithOldSubmission(): string {
  const dataDir = tempDir();
  const db = openDatabase(path.join(dataDir, DATABASE_FILE), { migrationsDir: migrationsDir(4) });
  const at = '2026-11-01T00:00:00.000Z';
  db.prepare("INSERT INTO organizations (id, code, full_name, type, tree_path, created_at, updated_at) VALUES (1, '001', '中共示例县委员会', '党委', '/1/', ?, ?)").run(at, at);
  db.prepare("INSERT INTO organizations (id, code, full_name, type, parent_id, tree_path, created_at, updated_at) VALUES (2, '001001', '中共示例镇委员会', '党委', 1, '/1/2/', ?, ?)").run(at, at);
  db.prepare("INSERT INTO submission_sources (id, full_name, organization_id, confirmed_by, confirmed_at) VALUES (1, '中共示例镇委员会', 2, 'root', ?)").run(at);
  db.prepare(
    `INSERT INTO submissions (id, organization_id, source_id, source_code, source_full_name, period_label, period_from, period_to, generated_at, generator,
       file_name, sha256, size_bytes, counts_json, imported_at, imported_by)
     VALUES (1, 2, 1, '001', '中共示例镇委员会', '2026年度', '1900-01-01', '2026-10-31', ?, 'netledger 0.1.0', 'p.json', ?, 10, '{}', ?, 'root')`,
  ).run(at, 'a'.repeat(64), at);
  // The old figure columns held other rules (已报告 counted 变更未报 too): they are dropped, not trusted.
  db.prepare(
    `INSERT INTO submission_organizations (submission_id, relative_code, parent_relative_code, full_name, type, secretary, members, declared, accounts, official,
       personal, public_accounts, groups_count, overseas, report_due, report_done, record_due, record_done, pending, correction, not_filed)
     VALUES (1, '', NULL, '中共示例镇委员会', '党委', NULL, 5, 2, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99)`,
  ).run();
  const account = db.prepare(
    `INSERT INTO submission_accounts (submission_id, ref, relative_code, owner_id_number, platform, region, capacity, kind, display_name, status, required_filing, filing_state)
     VALUES (1, ?, '', '110101199001011234', '微博', ?, ?, ?, ?, ?, ?, ?)`,
  );
  account.run(1, '境内', '以职务身份', '公众账号', '工作微博', '在用', '报告', '变更未报');
  account.run(2, '境外', '个人', '公众账号', '个人号', '在用', '备案', '未报备');
  account.run(3, '境内', '个人', '账号', '旧号', '已注销', '无', '已注销');
  db.close();
  return dataDir;
}

describe('upgrading a register', () => {
  it('reads a submission stored before migration 5 through the one definition: counted from its accounts, its member counts kept, nothing overdue', async () => {
    const ledger = openAdminLedger(registerWithOldSubmission());
    try {
      const { byOrganization } = consolidatedRows(ledger.ctx, { period: '2026年度' });
      expect(byOrganization).toHaveLength(1);
      expect(byOrganization[0]!.figures).toEqual({
        members: 5, withAccounts: 2, accounts: 2, official: 1, personalPublic: 1, personalGroups: 0, personalOther: 0, overseas: 1,
        reportNeeded: 1, reportFiled: 0, reportPending: 0, reportCorrection: 0, reportChanged: 1, reportNotFiled: 0, reportOverdue: 0, reportRate: 0,
        recordNeeded: 1, recordFiled: 0, recordPending: 0, recordCorrection: 0, recordChanged: 0, recordNotFiled: 1, recordOverdue: 0, recordRate: 0,
      });
      expect(getSubmission(ledger.ctx, 1).period.asOf).toBe('2026-10-31');
    } finally {
      await ledger.close();
    }
  });

  it('copies the register into backups/ as it was, then migrates it and notes the release that did', async () => {
    const { dataDir, file } = olderRegister();
    const known = loadMigrations().length;
    expect(known).toBeGreaterThan(2);
    const ledger = openAdminLedger(dataDir);
    const backups = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^ledger-\d{8}-\d{6}-[0-9a-f]{4}$/); // a checked backup folder, like every backup
    // The copy is the register before the upgrade: old data version, same data.
    expect(userVersion(path.join(dataDir, 'backups', backups[0]!, 'ledger.sqlite3'))).toEqual({ version: 2, rules: '{"deadlineDays":45}' });
    expect(ledger.db.pragma('user_version', { simple: true })).toBe(known);
    expect(writtenBy(ledger.db)).toBe(APP_VERSION);
    // It is listed where the backup page looks.
    expect(ledger.jobs.backups().map((b) => b.fileName)).toEqual(backups);
    await ledger.close();
    // Opening the upgraded register again takes no further copy.
    await openAdminLedger(dataDir).close();
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toHaveLength(1);
    expect(userVersion(file)).toEqual({ version: known, rules: '{"deadlineDays":45}' });
  });

  it('takes no copy of a new register', async () => {
    const dataDir = tempDir();
    await openAdminLedger(dataDir).close();
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });

  it('refuses the upgrade, changing nothing, when the copy cannot be written', () => {
    const { dataDir, file } = olderRegister();
    fs.writeFileSync(path.join(dataDir, 'backups'), 'a file where the backups folder should be');
    const before = fs.readFileSync(file);
    expect(() => openAdminLedger(dataDir)).toThrow(msg.db.upgradeBackupFailed(2, loadMigrations().length));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(userVersion(file).version).toBe(2);
  });

  it('an older release refuses a register a newer release migrated, naming both releases and data versions', () => {
    const { file } = olderRegister();
    const known = loadMigrations().length;
    // The newer release: one more migration, and its own version noted.
    const newer = openDatabase(file, { migrationsDir: migrationsDir(known, { [`${String(known + 1).padStart(4, '0')}_future.sql`]: 'CREATE TABLE future (id INTEGER);' }) });
    recordWrittenBy(newer, '9.1.0', known + 1);
    newer.pragma('journal_mode = DELETE');
    newer.close();
    const before = fs.readFileSync(file);
    let message = '';
    try {
      openDatabase(file);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(msg.db.tooNew({ found: known + 1, known, app: APP_VERSION, writtenBy: '9.1.0' }));
    expect(message).toContain(`软件版本 9.1.0，数据版本 ${known + 1}`);
    expect(message).toContain(`本软件（版本 ${APP_VERSION}）只能打开数据版本 ${known} 及以前`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
