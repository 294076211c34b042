/**
 * The upgrades of issue 12's follow-up on a register written before them: members are 在册 from their 入党日期 or
 * from the day they were entered (no longer since always), and a basis typed only in the 表格用语 becomes the 报备规则
 * version's (one basis), past periods keeping what they cited.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.js';

const NOW = () => '2026-11-25T02:00:00.000Z';

function previousVersion(): { db: Database.Database; all: ReturnType<typeof loadMigrations> } {
  const all = loadMigrations();
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, all.slice(0, all.findIndex((m) => m.name === 'as_of_presence')), NOW);
  return { db, all };
}

describe('figures as of a date: the upgrade', () => {
  it('starts each member’s presence at their 入党日期, else at the day they were entered', () => {
    const { db, all } = previousVersion();
    const at = '2026-03-01T02:00:00.000Z';
    db.exec(`INSERT INTO organizations (id, code, full_name, type, tree_path, created_at, updated_at) VALUES (1, '001', '中共测试委员会', '党委', '/1/', '${at}', '${at}')`);
    const member = db.prepare(
      `INSERT INTO members (id, name, gender, id_number, id_number_rev, birth_date, organization_id, joined_on, name_initials, name_pinyin, created_at, updated_at)
       VALUES (?, ?, '男', ?, '', '1985-01-01', 1, ?, 'x', 'x', '${at}', '${at}')`,
    );
    member.run(1, '有日期', 'ID1', '2010-07-01');
    member.run(2, '没日期', 'ID2', null);
    expect(db.prepare("SELECT valid_from FROM member_periods ORDER BY member_id").all()).toEqual([{ valid_from: '0000-01-01' }, { valid_from: '0000-01-01' }]);

    migrate(db, all, NOW);
    expect(db.prepare('SELECT member_id AS id, valid_from AS "from", valid_to AS "to" FROM member_periods ORDER BY member_id').all()).toEqual([
      { id: 1, from: '2010-07-01', to: '2026-03-01' },
      { id: 1, from: '2026-03-01', to: '9999-12-31' },
      { id: 2, from: '2026-03-01', to: '9999-12-31' },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM member_periods_stale').get()).toEqual({ n: 0 });
    // Learning a 入党日期 later moves the start.
    db.prepare("UPDATE members SET joined_on = '2015-07-01' WHERE id = 2").run();
    expect(db.prepare('SELECT valid_from FROM member_periods WHERE member_id = 2').get()).toEqual({ valid_from: '2015-07-01' });
  });

  it('moves a basis typed only in the 表格用语 to a version of the same rules from today', () => {
    const { db, all } = previousVersion();
    const wording = { basis: '依据：《中共测试委员会网络账号实施细则》（测委发〔2026〕3号）', pledge: '承诺。', zeroStatement: '声明。', note: '' };
    db.prepare("INSERT INTO settings (key, value) VALUES ('formWording', ?)").run(JSON.stringify(wording));
    db.prepare("UPDATE filing_rule_versions SET rules_json = '{\"deadlineDays\":45}'").run();

    migrate(db, all, NOW);
    const today = (db.prepare("SELECT date('now', 'localtime') AS d").get() as { d: string }).d;
    expect(db.prepare('SELECT effective_from AS "from", rules_json AS rules, basis_name AS name, basis_number AS number FROM filing_rule_versions ORDER BY id').all()).toEqual([
      { from: '0000-01-01', rules: '{"deadlineDays":45}', name: null, number: null },
      { from: today, rules: '{"deadlineDays":45}', name: '中共测试委员会网络账号实施细则', number: '测委发〔2026〕3号' },
    ]);
    const { basis: _, ...rest } = wording;
    expect(JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'formWording'").get() as { value: string }).value)).toEqual(rest);
  });

  it('keeps the version’s basis when both had one, and drops the 表格用语’s copy', () => {
    const { db, all } = previousVersion();
    db.prepare("INSERT INTO settings (key, value) VALUES ('formWording', ?)").run(JSON.stringify({ basis: '另一个细则', pledge: '', zeroStatement: '', note: '' }));
    db.prepare("UPDATE filing_rule_versions SET basis_name = '版本的细则'").run();
    migrate(db, all, NOW);
    expect(db.prepare('SELECT basis_name AS name FROM filing_rule_versions').all()).toEqual([{ name: '版本的细则' }]);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'formWording'").get()).toEqual({ value: '{"pledge":"","zeroStatement":"","note":""}' });
  });
});
