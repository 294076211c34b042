/** `netledger --version` and system.info report the release, data version and SQLite that are really there. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openAdminLedger } from '../support/adminLedger.js';
import { valueOf } from '../../src/contract/contract.js';

const root = path.join(import.meta.dirname, '../..');
const packageVersion = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const migrationCount = fs.readdirSync(path.join(root, 'src/db/migrations')).filter((f) => f.endsWith('.sql')).length;
const linkedSqlite = () => {
  const db = new Database(':memory:');
  const v = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return v;
};

describe('version information', () => {
  it('netledger --version prints release, build, data version and SQLite, and opens no data folder', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-version-'));
    const r = spawnSync(process.execPath, [path.join(root, 'src/bin/netledger.mjs'), '--version'], { cwd, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      `网络账号报备台账 ${packageVersion}`,
      '构建日期：未打包（从源代码运行）',
      `数据版本：${migrationCount}`,
      `SQLite：${linkedSqlite()}`,
    ]);
    expect(fs.readdirSync(cwd)).toEqual([]); // no ./netledger-data was created
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it('system.info gives the register’s data version and the SQLite version', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-version-'));
    const ledger = openAdminLedger(dir);
    const info = valueOf<'system.info'>(ledger.registry.invoke('system.info', {}));
    expect(info).toMatchObject({ version: packageVersion, schemaVersion: migrationCount, sqliteVersion: linkedSqlite() });
    expect(info.sqliteVersion).toMatch(/^3\.\d+\.\d+$/);
    await ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
