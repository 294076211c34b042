/** The audit is append-only and chained: edits, deletions and truncation done behind the console's back are found by `check`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/contract/operators.js';
import { checkDataFolder } from '../../src/db/check.js';
import { loadMigrations, defaultMigrationsDir } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import { verifyChain } from '../../src/db/auditChain.js';
import { openLedger } from '../../src/hosts/ledger.js';

const ADMIN: Caller = { operatorId: 1, name: '王书记', role: '管理员' };
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-chain-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const known = loadMigrations().length;

/** A data folder with five audit entries (one organization created and edited four times). */
async function folderWithEntries(name: string): Promise<string> {
  const dir = path.join(root, name);
  const ledger = openLedger(dir);
  const created = ledger.registry.invoke('organizations.create', { parentId: null, fullName: '中共链条委员会', type: '党委' }, ADMIN);
  const id = (created as { value: { id: number } }).value.id;
  for (const n of [1, 2, 3, 4]) ledger.registry.invoke('organizations.update', { id, fullName: `中共链条委员会${n}`, type: '党委' }, ADMIN);
  await ledger.close();
  return dir;
}

/** What someone with the file and the sqlite3 tool could do: drop the guard, then change the table. */
function tamper(dir: string, sql: string): void {
  const db = new Database(path.join(dir, 'ledger.sqlite3'));
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
  db.close();
}

const problems = (dir: string) => checkDataFolder(dir, known).problems.map((p) => p.message);

describe('audit chain', () => {
  it('is intact after ordinary use, and the register itself refuses to update or delete an entry', async () => {
    const dir = await folderWithEntries('intact');
    expect(checkDataFolder(dir, known)).toMatchObject({ ok: true, problems: [] });
    const db = new Database(path.join(dir, 'ledger.sqlite3'));
    expect(() => db.prepare("UPDATE audit_log SET actor = '别人' WHERE id = 2").run()).toThrow('audit_log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow('audit_log is append-only');
    expect(() => db.prepare('UPDATE audit_head SET entries = 1').run()).toThrow('audit_head only moves forward');
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(5);
    db.close();
  });

  it('names the first edited entry', async () => {
    const dir = await folderWithEntries('edited');
    tamper(dir, "UPDATE audit_log SET summary = '什么也没发生' WHERE id = 3");
    expect(problems(dir)).toEqual(['操作记录被改动：第 3 条的内容与记录时不同（操作记录链从这一条起断开）。']);
  });

  it('names the entry after a deleted one', async () => {
    const dir = await folderWithEntries('deleted');
    tamper(dir, 'DELETE FROM audit_log WHERE id = 2');
    expect(problems(dir)).toEqual(['操作记录不连续：第 3 条之前的记录被删除、插入或替换（操作记录链从这一条起断开）。']);
  });

  it('sees entries cut off the end', async () => {
    const dir = await folderWithEntries('truncated');
    tamper(dir, 'DELETE FROM audit_log WHERE id > 3');
    expect(problems(dir)).toEqual(['操作记录被截短：应有 5 条，只找到 3 条（末尾的记录被删除）。']);
  });

  it('stamps an exported report with the chain head as it was', async () => {
    const dir = await folderWithEntries('stamped');
    const ledger = openLedger(dir);
    const out = path.join(dir, '统计表.xlsx');
    const started = ledger.registry.invoke('reports.start', { type: 'report', kind: 'summary', outPath: out }, ADMIN) as { value: { id: string } };
    expect((await ledger.jobs.wait(started.value.id)).state).toBe('done');
    const head = ledger.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string;
    await ledger.close();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.keywords).toBe(`netledger-audit-head:5:5:${head}`);
    expect(book.description).toBe(`导出时的操作记录链：共 5 条，链头 SHA-256 ${head}`);
  });

  it('chains the entries of a register written before the chain existed, once, on upgrade', () => {
    const older = path.join(root, 'migrations-5');
    fs.mkdirSync(older);
    for (const f of fs.readdirSync(defaultMigrationsDir).filter((f) => /^000[1-5]_/.test(f))) fs.copyFileSync(path.join(defaultMigrationsDir, f), path.join(older, f));
    const file = path.join(root, 'old.sqlite3');
    const v5 = openDatabase(file, { migrationsDir: older });
    const insert = v5.prepare("INSERT INTO audit_log (at, actor, entity, entity_id, action, summary) VALUES ('2026-01-01T00:00:00Z', '张三', 'member', 1, 'create', ?)");
    for (const s of ['甲', '乙']) insert.run(s);
    v5.close();
    const upgraded = openDatabase(file);
    expect(verifyChain(upgraded)).toBeNull();
    expect(upgraded.prepare('SELECT entries FROM audit_head').pluck().get()).toBe(2);
    upgraded.close();
  });
});
