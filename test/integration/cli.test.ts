import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';

const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe('netledger CLI', () => {
  it('init creates the register in the data folder', () => {
    const r = run('init', '--data-dir', dataDir);
    expect(r.code).toBe(0);
    expect(r.out).toBe(msg.cli.initDone(dataDir));
    expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite3'))).toBe(true);
  });

  it('demo fills the register deterministically, and refuses a register that is not empty', () => {
    const r = run('demo', '--data-dir', dataDir, '--members', '500', '--seed', '7', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.members).toBe(500);
    const again = run('demo', '--data-dir', dataDir, '--members', '10');
    expect(again.code).toBe(1);
    expect(again.err).toBe(msg.cli.demoNotEmpty);

    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-cli-'));
    run('demo', '--data-dir', second, '--members', '500', '--seed', '7');
    const orgsA = run('orgs', '--json', '--data-dir', dataDir).out;
    const orgsB = run('orgs', '--json', '--data-dir', second).out;
    fs.rmSync(second, { recursive: true, force: true });
    expect(orgsA).toBe(orgsB);
  });

  it('orgs --json gives code, full name, type and parent code', () => {
    const orgs = JSON.parse(run('orgs', '--json', '--data-dir', dataDir).out) as { code: string; parentCode: string | null; type: string; fullName: string }[];
    expect(orgs[0]).toMatchObject({ code: '001', parentCode: null, type: '党委' });
    expect(orgs[0]!.fullName).toMatch(/^中共示例市.+委员会$/);
    const byCode = new Map(orgs.map((o) => [o.code, o]));
    for (const o of orgs.slice(1)) expect(byCode.has(o.parentCode!)).toBe(true);
    expect(orgs.every((o) => o.parentCode === null || o.code.startsWith(o.parentCode))).toBe(true);
  });

  it('stats --json counts the rows of every table', () => {
    const stats = JSON.parse(run('stats', '--json', '--data-dir', dataDir).out);
    expect(stats.members).toBe(500);
    expect(stats.organizations).toBeGreaterThan(3);
    const byState = stats.accounts_by_filing_state as Record<string, number>;
    expect(Object.values(byState).reduce((a, b) => a + b, 0)).toBe(stats.accounts);
    expect(Object.keys(byState)).toEqual(expect.arrayContaining(['未报备', '待审核', '已登记', '需补正', '无需报备']));
    expect(stats.filings).toBeGreaterThan(0);
    expect(Object.keys(stats)).toEqual(
      expect.arrayContaining(['accounts', 'filings', 'commendations', 'protection_cases', 'review_campaigns', 'audit_log', 'settings']),
    );
  });

  it('exits non-zero with a Chinese message on bad command lines', () => {
    expect(run('frobnicate', '--data-dir', dataDir)).toMatchObject({ code: 2, err: msg.cli.unknownCommand('frobnicate') });
    expect(run('orgs', '--bogus')).toMatchObject({ code: 2, err: msg.cli.unknownOption('--bogus') });
    expect(run('demo', '--data-dir', dataDir, '--members', 'many')).toMatchObject({ code: 2, err: msg.cli.badNumber('--members') });
  });

  it('refuses a data folder written by a newer release', async () => {
    const Database = (await import('better-sqlite3-multiple-ciphers')).default;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-cli-'));
    const db = new Database(path.join(dir, 'ledger.sqlite3'));
    db.pragma('user_version = 42');
    db.close();
    const r = run('stats', '--json', '--data-dir', dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.err).toContain('数据版本 42');
  });
});
