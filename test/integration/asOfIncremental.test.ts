/**
 * Figures as of a date (issue 12): the periods kept change by change (a member's, and their accounts') must equal a
 * full rebuild from the events, or a past year's 统计表 would change when an unrelated rule save rebuilds them all.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { rebuildAllPeriods } from '../../src/services/registerAsOf.js';
import { validId } from '../support/ids.js';
import { freshLedger } from '../support/ledger.js';

const l = freshLedger();
let now = new Date('2025-03-01T02:00:00Z');
l.ctx.clock = () => now;
const on = (day: string) => (now = new Date(`${day}T02:00:00Z`));
const snap = () => ({
  members: l.db.prepare('SELECT member_id, valid_from, valid_to, organization_id, status FROM member_periods ORDER BY 1, 2').all(),
  accounts: l.db.prepare('SELECT * FROM account_periods ORDER BY account_id, valid_from').all(),
  holdings: l.db.prepare('SELECT * FROM holding_periods ORDER BY member_id, valid_from').all(),
});

/** The periods a full rebuild gives, read inside a transaction rolled back so the register keeps its own. */
function rebuilt(): ReturnType<typeof snap> {
  let out: ReturnType<typeof snap> | undefined;
  const rollback = new Error('rollback');
  try {
    l.db.transaction(() => {
      l.db.exec('INSERT INTO member_periods_stale (member_id) SELECT id FROM members ORDER BY id');
      rebuildAllPeriods(l.ctx);
      out = snap();
      throw rollback;
    })();
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return out!;
}

function sameAsRebuilt(step: string) {
  expect.soft({ step, ...snap() }).toEqual({ step, ...rebuilt() });
}

const acc = { platform: '微信公众号', region: '境内' as const, capacity: '个人' as const, displayName: '号', audience: 400 };

describe('periods kept change by change equal a full rebuild', () => {
  it('after moves, 入党日期 learnt, a dated edit, a leave, a re-entry and rule saves in the past', () => {
    const root = l.call('organizations.create', { parentId: null, fullName: '中共复核委员会', type: '党委' }).id;
    const a = l.call('organizations.create', { parentId: root, fullName: '中共复核甲支部委员会', type: '党支部' }).id;
    const b = l.call('organizations.create', { parentId: root, fullName: '中共复核乙支部委员会', type: '党支部' }).id;
    const c = l.call('organizations.create', { parentId: root, fullName: '中共复核丙支部委员会', type: '党支部' }).id;
    const p = l.call('members.create', { name: '早入党', organizationId: a, idNumber: validId('1970-01-11', 41), joinedOn: '2010-05-01' }).id;
    const q = l.call('members.create', { name: '无日期', organizationId: a, idNumber: validId('1971-02-12', 42) }).id;
    const s = l.call('members.create', { name: '离开者', organizationId: b, idNumber: validId('1972-03-13', 43), joinedOn: '2001-01-01' }).id;
    const group = { ...acc, kind: '群组' as const, accountRef: 'g1' };
    l.call('accounts.create', { memberId: p, ...group, openedOn: '2024-01-01' });
    const a2 = l.call('accounts.create', { memberId: q, ...group, accountRef: 'g2', openedOn: '2025-01-01' }).id;
    sameAsRebuilt('created');
    on('2025-09-01');
    l.call('members.move', { id: p, organizationId: b, onDate: '2024-06-01' });
    sameAsRebuilt('move dated before entry');
    l.call('members.move', { id: p, organizationId: c, onDate: '2025-08-01' });
    sameAsRebuilt('second move');
    l.call('members.update', { id: q, name: '无日期', idNumber: validId('1971-02-12', 42), joinedOn: '2020-01-01' });
    sameAsRebuilt('joinedOn learnt');
    l.call('members.update', { id: p, name: '早入党', idNumber: validId('1970-01-11', 41), joinedOn: '2025-07-01' });
    sameAsRebuilt('joinedOn after the move dates');
    l.call('accounts.update', { id: a2, ...group, accountRef: 'g2', audience: 1000, openedOn: '2025-01-01', changedOn: '2025-05-01' });
    sameAsRebuilt('account edit dated');
    l.call('members.changeStatus', { id: s, status: '转出', date: '2025-04-01' });
    sameAsRebuilt('leave');
    l.call('members.changeStatus', { id: s, status: '在册' });
    sameAsRebuilt('re-entry');
    l.call('settings.update', { groupMemberThreshold: 500, effectiveFrom: '2024-06-01' });
    sameAsRebuilt('rule save in the past');
    l.call('settings.update', { groupMemberThreshold: 300, effectiveFrom: '2025-02-01' });
    sameAsRebuilt('second rule save in the past');
    l.call('settings.update', { deadlineDays: 45, effectiveFrom: '2024-01-01' });
    sameAsRebuilt('deadline save in the past');
    l.call('settings.update', { groupMemberThreshold: 800, effectiveFrom: '2020-01-01' });
    sameAsRebuilt('earliest rule save');
  });

  it('after a leave on the day of entry, a re-entry, a handover and a retirement of the first holder', () => {
    on('2025-10-01');
    const root = l.db.prepare('SELECT min(id) AS id FROM organizations').pluck().get() as number;
    const official = { ...acc, kind: '公众账号' as const, audience: 5000 };
    const u = l.call('members.create', { name: '新登记', organizationId: root + 1, idNumber: validId('1975-05-15', 44) }).id;
    const v = l.call('members.create', { name: '接手人', organizationId: root + 2, idNumber: validId('1976-06-16', 45) }).id;
    const x = l.call('accounts.create', { memberId: u, ...official, accountRef: 'gh_x', openedOn: '2023-01-01' }).id;
    sameAsRebuilt('entered 2025-10-01, account opened 2023');
    // Entered without a 入党日期 on 2025-10-01: a leave before that would move when the register knows them from.
    const kept = [{ accountId: x, action: '保留' as const, note: '留着' }];
    expect(l.fail('members.leave', { id: u, status: '转出', date: '2023-06-01', accounts: kept }).message).toBe(msg.member.statusBeforeLast('2025-10-01'));
    l.call('members.leave', { id: u, status: '转出', date: '2025-10-01', accounts: kept });
    sameAsRebuilt('leave on the day of entry, account kept');
    on('2025-11-01');
    // Back on 20 October: their account counts from then (the presence start moved), without waiting for a full rebuild.
    l.call('members.changeStatus', { id: u, status: '在册', date: '2025-10-20' });
    expect(l.db.prepare('SELECT min(valid_from) FROM account_periods WHERE account_id = ?').pluck().get(x)).toBe('2025-10-20');
    sameAsRebuilt('re-entry after a leave on the day of entry');
    const y = l.call('accounts.create', { memberId: v, ...official, accountRef: 'gh_y', openedOn: '2024-01-01' }).id;
    const third = l.call('members.create', { name: '第三人', organizationId: root + 1, idNumber: validId('1977-07-17', 46) }).id;
    l.call('accounts.handover', { id: y, onDate: '2025-11-01', toMemberId: third });
    sameAsRebuilt('handover');
    expect(l.fail('members.changeStatus', { id: v, status: '退休', date: '2022-01-01' }).message).toBe(msg.member.statusBeforeLast('2025-10-01'));
    l.call('members.changeStatus', { id: v, status: '退休', date: '2025-10-01' });
    sameAsRebuilt('first holder retires on the day of entry');
  });
});
