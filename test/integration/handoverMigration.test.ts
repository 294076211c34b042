/**
 * The migrations of handover and 职务层次 on a register written before them: accepted snapshots gain their owner (so
 * nothing turns 变更未报 by itself) and 厅级/处级/科级 become 厅局级/县处级/乡科级, with the foreign keys intact.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.js';

const NOW = () => '2026-11-25T02:00:00.000Z';

describe('handover and rank migrations', () => {
  it('upgrades a register of the previous version', () => {
    const all = loadMigrations();
    const first = all.findIndex((m) => m.name === 'handover');
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, all.slice(0, first), NOW);
    const at = NOW();
    db.exec(`INSERT INTO organizations (id, code, full_name, type, tree_path, created_at, updated_at) VALUES (1, '001', '中共测试委员会', '党委', '/1/', '${at}', '${at}')`);
    const member = db.prepare(
      `INSERT INTO members (id, name, gender, id_number, id_number_rev, birth_date, organization_id, rank, name_initials, name_pinyin, created_at, updated_at)
       VALUES (?, ?, '男', ?, '', '1985-01-01', 1, ?, 'x', 'x', '${at}', '${at}')`,
    );
    [['甲', '厅级'], ['乙', '处级'], ['丙', '科级'], ['丁', '一般干部'], ['戊', null]].forEach(([name, rank], i) => member.run(i + 1, name, `ID${i}`, rank));
    db.exec(`INSERT INTO accounts (id, member_id, organization_id, platform, region, capacity, kind, display_name, required_filing, filing_state, created_at, updated_at)
             VALUES (7, 3, 1, '微博', '境内', '以职务身份', '账号', '示例号', '报告', '已登记', '${at}', '${at}')`);
    db.exec(`INSERT INTO filings (account_id, type, submitted_on, state, snapshot_json, created_at, updated_at)
             VALUES (7, '报告', '2026-01-02', '已登记', '{"displayName":"示例号","accountRef":null,"capacity":"以职务身份","kind":"账号","administrator":null,"platform":"微博"}', '${at}', '${at}'),
                    (7, '变更', '2026-02-02', '待审核', NULL, '${at}', '${at}')`);

    migrate(db, all, NOW);
    expect(db.prepare('SELECT name, rank FROM members ORDER BY id').all()).toEqual([
      { name: '甲', rank: '厅局级' }, { name: '乙', rank: '县处级' }, { name: '丙', rank: '乡科级' }, { name: '丁', rank: '一般干部' }, { name: '戊', rank: null },
    ]);
    expect(() => db.prepare("UPDATE members SET rank = '处级' WHERE id = 1").run()).toThrow(/CHECK/);
    const snapshots = db.prepare('SELECT snapshot_json FROM filings ORDER BY id').all() as { snapshot_json: string | null }[];
    expect(JSON.parse(snapshots[0]!.snapshot_json!)).toMatchObject({ memberId: 3, displayName: '示例号' });
    expect(snapshots[1]!.snapshot_json).toBeNull();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare('UPDATE accounts SET member_id = 99 WHERE id = 7').run()).toThrow(/FOREIGN KEY/);
    const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('members_org');
  });
});
