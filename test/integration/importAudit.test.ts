/**
 * An import is one entry of the audit chain (file name, SHA-256, counts) plus its row changes (audit_changes),
 * which the entry counts and hashes: a member's page lists its change by the import, and `check` names the import
 * whose changes were edited, removed or added to behind the console's back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataFolder } from '../../src/db/check.js';
import { loadMigrations } from '../../src/db/migrate.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { validId } from '../support/ids.js';
import { writeCsv } from '../support/importFiles.js';
import { caller } from '../support/ledger.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-import-audit-'));
const source = path.join(root, 'imported');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const known = loadMigrations().length;
const ID = { old: validId('1970-01-01', 901), a: validId('1980-02-03', 902), b: validId('1981-03-04', 903), c: validId('1982-04-05', 904) };
let importId: number;
let memberA: number;
let memberOld: number;

beforeAll(async () => {
  const ledger = openAdminLedger(source);
  const call = caller(ledger.registry);
  const top = call('organizations.create', { parentId: null, fullName: '中共审计测试委员会', type: '党委' }).id;
  memberOld = call('members.create', { name: '赵原有', idNumber: ID.old, organizationId: top, partyStatus: '正式党员' }).id;
  const csv = writeCsv(path.join(root, 'm.csv'), [['姓名', '身份证号', '所在党组织', '联系电话'], ['甲测试', ID.a, '001', ''], ['乙测试', ID.b, '001', ''], ['丙测试', ID.c, '001', ''], ['赵原有', ID.old, '001', '13800138000']], 'utf8');
  const { uploadId } = call('imports.upload', { fileName: 'm.csv', contentBase64: fs.readFileSync(csv).toString('base64') });
  const s = await ledger.jobs.wait(call('imports.start', { kind: 'members', uploadId, mode: 'run', onExisting: 'update', writeErrors: false }).id);
  expect(s.outcome).toMatchObject({ imported: true, counts: { add: 3, update: 1 } });
  importId = ledger.db.prepare("SELECT id FROM audit_log WHERE entity = 'import'").pluck().get() as number;
  memberA = ledger.db.prepare('SELECT id FROM members WHERE id_number = ?').pluck().get(ID.a) as number;
  await ledger.close();
});

/** A copy of the data folder changed as someone with the sqlite3 tool could: guards dropped, then the SQL. */
function tampered(name: string, sql: string): string {
  const dir = path.join(root, name);
  fs.cpSync(source, dir, { recursive: true });
  const db = new Database(path.join(dir, 'ledger.sqlite3'));
  db.exec('DROP TRIGGER audit_changes_no_update; DROP TRIGGER audit_changes_no_delete;');
  db.exec(sql);
  db.close();
  return dir;
}

const problems = (dir: string) => checkDataFolder(dir, known).problems.map((p) => p.message);

describe('an import in the audit', () => {
  it('is one chained entry counting and hashing its row changes; each member lists its own change', () => {
    const ledger = openAdminLedger(source);
    try {
      const entries = ledger.db.prepare('SELECT entity, action FROM audit_log WHERE id >= ? ORDER BY id').all(importId);
      expect(entries).toEqual([{ entity: 'import', action: 'import' }]);
      const after = JSON.parse(ledger.db.prepare('SELECT after_json FROM audit_log WHERE id = ?').pluck().get(importId) as string);
      expect(after.changes).toEqual({ count: 4, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const history = (entityId: number) => caller(ledger.registry)('audit.list', { entity: 'member', entityId, limit: 50 });
      const { at, actor } = ledger.db.prepare('SELECT at, actor FROM audit_log WHERE id = ?').get(importId) as { at: string; actor: string };
      expect(history(memberA)).toMatchObject([{ id: importId, at, actor, action: 'create', summary: '甲测试', after: { idNumber: ID.a } }]);
      expect(history(memberOld).map((e) => [e.action, e.id === importId])).toEqual([['update', true], ['create', false]]);
      expect(history(memberOld)[0]).toMatchObject({ before: { phone: null }, after: { phone: '13800138000' } });
      // The whole log shows the import as its one entry.
      expect(caller(ledger.registry)('audit.list', { limit: 50 }).filter((e) => e.id >= importId)).toHaveLength(1);
    } finally {
      void ledger.close();
    }
    expect(checkDataFolder(source, known)).toMatchObject({ ok: true, problems: [] });
  });

  it('names the import whose change was edited or removed', () => {
    const edited = `操作记录被改动：第 ${importId} 条的内容与记录时不同（操作记录链从这一条起断开）。`;
    expect(problems(tampered('edited', "UPDATE audit_changes SET after_json = replace(after_json, '乙测试', '乙改过') WHERE summary = '乙测试'"))).toEqual([edited]);
    expect(problems(tampered('removed', "DELETE FROM audit_changes WHERE summary = '丙测试'"))).toEqual([edited]);
  });

  it('sees a change no import wrote', () => {
    const dir = tampered('added', `INSERT INTO audit_changes (audit_id, entity, entity_id, action, summary) VALUES (1, 'member', ${memberA}, 'update', '伪造')`);
    expect(problems(dir)).toEqual(['操作记录不连续：第 1 条之前的记录被删除、插入或替换（操作记录链从这一条起断开）。']);
  });
});
