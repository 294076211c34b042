/**
 * Hostile review: what migrations 0019 and 0020 derive from an existing register (pairs with sort keys and statuses,
 * holding periods, the tallies by state, by due day and of responses, figure classes) must be what the triggers and
 * the code keep on a register built change by change. A demo register, then handovers, closures, a leave and a
 * response, has its derived rows taken away and the two migrations' SQL run again over its base tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../../src/db/migrate.js';
import { freshLedger } from '../support/ledger.js';

const DERIVED = {
  bigrams: 'SELECT gram, name_pinyin, member_id, status FROM member_bigrams ORDER BY 1, 2, 3',
  holding: 'SELECT member_id, valid_from, valid_to, organization_id FROM holding_periods ORDER BY 1, 2',
  filing: 'SELECT organization_id, required_filing, filing_state, n FROM filing_tally WHERE n <> 0 ORDER BY 1, 2, 3',
  due: 'SELECT due, organization_id, required_filing, n FROM due_tally WHERE n <> 0 ORDER BY 1, 2, 3',
  responses: 'SELECT campaign_id, organization_id, n FROM response_tally WHERE n <> 0 ORDER BY 1, 2',
  classes: 'SELECT account_id, valid_from, figure_class FROM account_periods ORDER BY 1, 2',
};

describe('migrations 0019 and 0020 over a register (hostile)', () => {
  it('derive what the triggers and the code keep', () => {
    const l = freshLedger();
    l.call('system.demo', { members: 500, seed: 7 });
    const some = (sql: string) => l.db.prepare(sql).pluck().all() as number[];
    const [m1, m2] = some("SELECT id FROM members WHERE status = '在册' ORDER BY id LIMIT 2");
    for (const id of some("SELECT id FROM accounts WHERE status <> '已注销' ORDER BY id LIMIT 3")) l.call('accounts.handover', { id, onDate: '2026-11-25', toMemberId: m1! });
    for (const id of some("SELECT id FROM accounts WHERE status <> '已注销' ORDER BY id DESC LIMIT 3")) l.call('accounts.close', { id, closedOn: '2026-11-25', reason: '不再使用' });
    const open = some(`SELECT id FROM accounts WHERE member_id = ${m2} AND status <> '已注销'`);
    l.call('members.leave', { id: m2!, status: '转出', date: '2026-11-25', accounts: open.map((accountId) => ({ accountId, action: '保留' as const, note: '留着' })) });
    const snapshot = () => Object.fromEntries(Object.entries(DERIVED).map(([k, sql]) => [k, l.db.prepare(sql).all()]));
    const kept = snapshot();
    expect(kept.holding!.length).toBeGreaterThan(100);
    expect(kept.responses!.length).toBeGreaterThan(0);

    l.db.exec(`
      DROP TRIGGER member_bigrams_status;
      DROP TRIGGER holding_rebuild; DROP TRIGGER member_periods_holding; DROP TABLE holding_periods; DROP TABLE holding_stale;
      DROP TRIGGER filing_tally_insert; DROP TRIGGER filing_tally_delete; DROP TRIGGER filing_tally_update; DROP TABLE due_tally;
      CREATE TRIGGER filing_tally_insert AFTER INSERT ON accounts BEGIN SELECT 1; END;
      CREATE TRIGGER filing_tally_delete AFTER DELETE ON accounts BEGIN SELECT 1; END;
      CREATE TRIGGER filing_tally_update AFTER UPDATE ON accounts BEGIN SELECT 1; END;
      DROP TRIGGER response_tally_insert; DROP TRIGGER response_tally_delete; DROP TRIGGER response_tally_update; DROP TABLE response_tally;
      DROP INDEX account_periods_classes; ALTER TABLE account_periods DROP COLUMN figure_class;`);
    const sql = (name: string) => fs.readFileSync(path.join(defaultMigrationsDir, name), 'utf8');
    l.db.exec(sql('0019_search_grams.sql'));
    l.db.exec(sql('0020_city_figures.sql'));
    expect(snapshot()).toEqual(kept);
  });
});
