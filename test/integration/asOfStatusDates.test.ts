/**
 * Figures as of a date (issue 12): the date a status change carries. A re-entry holds from its own date, and a leave
 * or re-entry is bounded as a move is — not before the member is 在册, nor before their last move or status change,
 * which it would otherwise silently undo.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { validId } from '../support/ids.js';
import { freshLedger } from '../support/ledger.js';

const l = freshLedger();
l.ctx.clock = () => new Date('2025-09-01T02:00:00Z');
/** Where the member stood on each day: [organization, status] from member_periods. */
const standing = (id: number, days: string[]) =>
  days.map((day) => Object.values(l.db.prepare('SELECT organization_id, status FROM member_periods WHERE member_id = ? AND valid_from <= ? AND valid_to > ?').get(id, day, day) ?? {}));
const root = l.call('organizations.create', { parentId: null, fullName: '中共状态委员会', type: '党委' }).id;
const b = l.call('organizations.create', { parentId: root, fullName: '中共状态乙支部委员会', type: '党支部' }).id;

describe('a status change is dated by its own date, within the member’s history', () => {
  it('holds a re-entry dated in the past from its date', () => {
    const s = l.call('members.create', { name: '回来的', organizationId: root, idNumber: validId('1972-03-13', 43), joinedOn: '2001-01-01' }).id;
    l.call('members.changeStatus', { id: s, status: '转出', date: '2025-04-01' });
    expect(l.fail('members.changeStatus', { id: s, status: '在册', date: '2025-03-01' }).message).toBe(msg.member.statusBeforeLast('2025-04-01'));
    expect(l.call('members.changeStatus', { id: s, status: '在册', date: '2025-05-01' }).status).toBe('在册');
    expect(standing(s, ['2001-01-01', '2025-03-31', '2025-04-01', '2025-04-30', '2025-05-01', '2025-09-01'])).toEqual([
      [root, '在册'], [root, '在册'], [root, '转出'], [root, '转出'], [root, '在册'], [root, '在册'],
    ]);
  });

  it('refuses a leave dated before the last move, which would erase the move', () => {
    const m = l.call('members.create', { name: '搬过的', organizationId: root, idNumber: validId('1973-04-14', 44), joinedOn: '2002-01-01' }).id;
    l.call('members.move', { id: m, organizationId: b, onDate: '2025-06-01' });
    expect(l.fail('members.changeStatus', { id: m, status: '退休', date: '2025-02-01' }).message).toBe(msg.member.statusBeforeLast('2025-06-01'));
    l.call('members.changeStatus', { id: m, status: '退休', date: '2025-06-01' });
    // The move stands: 乙 from 1 June, retired there.
    expect(standing(m, ['2025-02-01', '2025-05-31', '2025-06-01', '2025-09-01'])).toEqual([[root, '在册'], [root, '在册'], [b, '退休'], [b, '退休']]);
  });
});
