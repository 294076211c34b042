/**
 * 登记有网络账号的党员 read from holding_periods (migration 0020), kept by triggers and by the accounts' period
 * rebuilds, must equal counting the members themselves — each 在册 member of the day with an account not 已注销 that
 * day — through creates, closures, handovers, moves, leaves, re-entries, 入党日期 learnt and rule saves, on past
 * days, today and later.
 */
import { describe, expect, it } from 'vitest';
import { memberFigures } from '../../src/services/figures.js';
import { validId } from '../support/ids.js';
import { freshLedger } from '../support/ledger.js';

const DAYS = ['2019-12-31', '2023-06-30', '2024-12-31', '2025-03-31', '2025-10-15', '2025-10-25', '2025-12-31', '2026-11-25', '2027-12-31'];

/** The figure counted member by member: the query the 统计表 ran before the holding periods. */
const COUNTED = `SELECT m.organization_id AS org, sum(EXISTS (SELECT 1 FROM account_periods p WHERE p.member_id = m.member_id
    AND p.filing_state <> '已注销' AND p.valid_to > @day AND p.valid_from <= @day)) AS n
  FROM member_periods m WHERE m.status = '在册' AND m.valid_to > @day AND m.valid_from <= @day GROUP BY 1 HAVING n > 0 ORDER BY 1`;

describe('holding periods', () => {
  it('count 登记有网络账号的党员 as counting each member does, change after change and on every day', () => {
    const l = freshLedger();
    let now = new Date('2025-03-01T02:00:00Z');
    l.ctx.clock = () => now;
    const on = (day: string) => (now = new Date(`${day}T02:00:00Z`));
    const orgIds = () => JSON.stringify(l.db.prepare('SELECT id FROM organizations').pluck().all());
    const same = (step: string) => {
      for (const day of DAYS) {
        const held = [...memberFigures(l.ctx, { orgIds: orgIds(), day })].filter(([, f]) => f.withAccounts > 0).map(([org, f]) => ({ org, n: f.withAccounts }));
        expect.soft(held.sort((a, b) => a.org - b.org), `${step} on ${day}`).toEqual(l.db.prepare(COUNTED).all({ day }));
      }
      expect(l.db.prepare('SELECT count(*) FROM holding_stale').pluck().get()).toBe(0);
    };

    const root = l.call('organizations.create', { parentId: null, fullName: '中共核对委员会', type: '党委' }).id;
    const a = l.call('organizations.create', { parentId: root, fullName: '中共核对甲支部委员会', type: '党支部' }).id;
    const b = l.call('organizations.create', { parentId: root, fullName: '中共核对乙支部委员会', type: '党支部' }).id;
    const member = (name: string, org: number, seq: number, joinedOn?: string) =>
      l.call('members.create', { name, organizationId: org, idNumber: validId(`1980-0${(seq % 9) + 1}-1${seq % 10}`, seq), ...(joinedOn ? { joinedOn } : {}) }).id;
    const p = member('甲一', a, 51, '2010-05-01');
    const q = member('甲二', a, 52);
    const s = member('乙一', b, 53, '2001-01-01');
    const group = { platform: '微信群', region: '境内' as const, capacity: '个人' as const, kind: '群组' as const, displayName: '群', audience: 400 };
    const official = { platform: '微信公众号', region: '境内' as const, capacity: '个人' as const, kind: '公众账号' as const, displayName: '号', audience: 5000 };
    const x = l.call('accounts.create', { memberId: p, ...group, accountRef: 'g1', openedOn: '2024-01-01' }).id;
    const gh = l.call('accounts.create', { memberId: p, ...official, accountRef: 'gh1', openedOn: '2023-01-01' }).id;
    const y = l.call('accounts.create', { memberId: s, ...official, accountRef: 'gh2', openedOn: '2025-01-01' }).id;
    same('created, one member holding two accounts');
    // A filing splits the account's periods without changing the days it is held: the holding is not rebuilt, and stays right.
    const f = l.call('filings.submit', { accountId: gh, type: '备案', submittedOn: '2025-02-01' });
    l.call('filings.review', { id: f.id, decision: '登记', reviewedOn: '2025-02-10' });
    same('filing registered');
    expect(l.db.prepare('SELECT count(*) FROM holding_periods').pluck().get()).toBeGreaterThan(0);

    on('2025-09-01');
    l.call('accounts.close', { id: x, closedOn: '2025-06-30', reason: '不再使用' });
    same('one of two accounts closed');
    l.call('members.move', { id: p, organizationId: b, onDate: '2025-08-01' });
    same('holder moved');
    l.call('members.update', { id: q, name: '甲二', idNumber: validId('1980-05-12', 52), joinedOn: '2020-01-01' });
    const g = l.call('accounts.create', { memberId: q, ...group, accountRef: 'g3', openedOn: '2019-01-01' }).id;
    same('入党日期 learnt, account opened before it');
    on('2025-10-01');
    l.call('members.leave', { id: s, status: '转出', date: '2025-10-01', accounts: [{ accountId: y, action: '保留', note: '留着' }] });
    same('holder left, account kept');
    on('2025-11-01');
    l.call('members.changeStatus', { id: s, status: '在册', date: '2025-10-20' });
    same('holder back');
    l.call('accounts.handover', { id: y, onDate: '2025-11-01', toMemberId: q });
    same('handover');
    l.call('settings.update', { groupMemberThreshold: 300, effectiveFrom: '2024-06-01' });
    same('rule save in the past');
    const kept = [g, y].map((accountId) => ({ accountId, action: '保留' as const, note: '留着' }));
    l.call('members.leave', { id: q, status: '退休', date: '2025-11-01', accounts: kept });
    same('holder of two accounts retired');
  });

  it('holds over a demo register', () => {
    const l = freshLedger();
    l.call('system.demo', { members: 800, seed: 5 });
    const orgIds = JSON.stringify(l.db.prepare('SELECT id FROM organizations').pluck().all());
    for (const day of DAYS) {
      const held = [...memberFigures(l.ctx, { orgIds, day })].filter(([, f]) => f.withAccounts > 0).map(([org, f]) => ({ org, n: f.withAccounts }));
      expect(held.sort((x, y) => x.org - y.org), day).toEqual(l.db.prepare(COUNTED).all({ day }));
    }
    expect(l.db.prepare('SELECT count(*) FROM holding_periods').pluck().get()).toBeGreaterThan(300);
  });
});
