/**
 * Saving a 报备规则 version rebuilds only the accounts it can change (issue 12: it rebuilt all of them, ~27 s CPU at
 * 100k members): those judged differently by the new rules than by the ones they replace. The periods it leaves
 * are exactly what a full rebuild gives.
 */
import { describe, expect, it } from 'vitest';
import { rebuildAllPeriods, accountsChangedBy } from '../../src/services/registerAsOf.js';
import { ruleVersions } from '../../src/services/storedSettings.js';
import { validId } from '../support/ids.js';
import { freshLedger } from '../support/ledger.js';

const l = freshLedger();
let now = new Date('2025-01-10T02:00:00Z');
l.ctx.clock = () => now;

const root = l.call('organizations.create', { parentId: null, fullName: '中共规则测试委员会', type: '党委' }).id;
const member = l.call('members.create', { name: '规则', organizationId: root, idNumber: validId('1980-05-15', 51), joinedOn: '2010-07-01' }).id;
const group = (audience: number, openedOn = '2024-01-01') =>
  l.call('accounts.create', { memberId: member, platform: '微信群', region: '境内', capacity: '个人', kind: '群组', displayName: `群${audience}`, audience, openedOn }).id;
const small = group(150);
const middle = group(350);
const large = group(800);
const official = l.call('accounts.create', { memberId: member, platform: '微博', region: '境内', capacity: '以职务身份', kind: '账号', displayName: '官方微博', openedOn: '2024-01-01' }).id;
const closedEarly = group(400, '2023-01-01');
l.call('accounts.close', { id: closedEarly, closedOn: '2024-03-01', reason: '解散' });
// Accounts no threshold or deadline concerns: the rules' accounts are a few among many, as on a real register.
for (let i = 0; i < 20; i++) l.call('accounts.create', { memberId: member, platform: '抖音', region: '境内', capacity: '个人', kind: '账号', displayName: `个人${i}`, openedOn: '2024-01-01' });

const periods = () => l.db.prepare('SELECT * FROM account_periods ORDER BY account_id, valid_from').all();
const required = (id: number) => (l.db.prepare('SELECT required_filing AS r FROM accounts WHERE id = ?').get(id) as { r: string }).r;

describe('a 报备规则 version saved rebuilds only what it can change', () => {
  it('finds the accounts between the old and the new threshold', () => {
    l.call('settings.update', { groupMemberThreshold: 500, effectiveFrom: '2024-06-01' });
    now = new Date('2025-03-01T02:00:00Z');
    // 500 → 300 from 2024-09-01: the 350-member group, and the 400 one (closed, its 已注销 period carries what it
    // needed); the deadline moves every account needing a filing.
    const before = ruleVersions(l.ctx);
    const rules = { ...before.at(-1)!.rules, groupMemberThreshold: 300 };
    expect(accountsChangedBy(l.ctx, '2024-09-01', before, rules)?.sort()).toEqual([middle, closedEarly].sort());
    expect(accountsChangedBy(l.ctx, '2024-09-01', before, { ...rules, groupMemberThreshold: 500, deadlineDays: 60 })?.sort()).toEqual([large, official].sort());
    expect(accountsChangedBy(l.ctx, '2024-09-01', before, before.at(-1)!.rules)).toEqual([]);
    expect(small).toBeGreaterThan(0);
  });

  it('leaves the periods a full rebuild gives, and the accounts’ current state with them', () => {
    l.call('settings.update', { groupMemberThreshold: 300, effectiveFrom: '2024-09-01' });
    expect(required(middle)).toBe('备案');
    l.call('settings.update', { deadlineDays: 45, effectiveFrom: '2024-10-01' });
    // A version slipped in before the later ones holds only until the next: the threshold of 2024-09-01 still holds after it.
    l.call('settings.update', { groupMemberThreshold: 100, basisName: '较早的细则', effectiveFrom: '2024-07-01' });
    expect(required(small)).toBe('无');
    const kept = periods();
    rebuildAllPeriods(l.ctx);
    expect(periods()).toEqual(kept);
  });
});
