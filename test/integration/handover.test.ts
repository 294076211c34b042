/** Handover (issue 12 point 7): an account's holder or administrator changes on a date and is filed again; a member leaves with a decision for each open account. */
import { beforeEach, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { ACCOUNTS_AS_OF, filingGroups } from '../../src/services/figures.js';
import { publicAccount, registerWithMembers } from '../support/register.js';

/**
 * 甲一, 乙二 and 乙三 在册 since 2010 (their 入党日期), though entered today: their accounts count from their opening,
 * and they may leave on a day before today (a leave is not dated before the member is 在册).
 */
function membersSince2010(): ReturnType<typeof registerWithMembers> {
  const r = registerWithMembers();
  for (const id of [r.m1, r.m2, r.m3]) {
    const { name, idNumber, partyStatus } = r.call('members.get', { id });
    r.call('members.update', { id, name, idNumber, partyStatus, joinedOn: '2010-07-01' });
  }
  return r;
}

describe('handover of an account', () => {
  let r: ReturnType<typeof registerWithMembers>;
  beforeEach(() => {
    r = membersSince2010();
  });
  /** An account of 甲一 (甲支部) whose 备案 was accepted on 2026-11-06. */
  const accepted = (over: Record<string, unknown> = {}) => {
    const acc = r.call('accounts.create', publicAccount(r.m1, over));
    const f = r.call('filings.submit', { accountId: acc.id, type: '备案', submittedOn: '2026-11-02' });
    r.call('filings.review', { id: f.id, decision: '登记', reviewedOn: '2026-11-06' });
    return acc.id;
  };

  it('hands an accepted account to another member on a date: it follows the new holder and is 变更未报 until the 变更 is accepted', () => {
    const id = accepted();
    const h = r.call('accounts.handover', { id, onDate: '2026-11-20', toMemberId: r.m2, administrator: '乙二', note: '甲一调任，交乙二管理' });
    expect(h).toMatchObject({ kind: '移交', onDate: '2026-11-20', fromMemberName: '甲一', toMemberName: '乙二', fromAdministrator: '甲一', toAdministrator: '乙二', note: '甲一调任，交乙二管理', memberLeft: null, actor: '测试操作员' });
    const detail = r.call('accounts.get', { id });
    expect(detail).toMatchObject({ memberId: r.m2, memberName: '乙二', organizationId: r.b, organizationName: '乙支部', administrator: '乙二', filingState: '变更未报', allowedFilingTypes: ['变更'] });
    expect(detail.changedFields).toEqual(['memberId', 'administrator']);
    expect(detail.handovers.map((x) => [x.onDate, x.fromMemberName, x.toMemberName])).toEqual([['2026-11-20', '甲一', '乙二']]);
    // The 首页 of 乙支部 now counts it as changed-not-refiled, 甲支部's no longer has it.
    expect(r.call('accounts.search', { organizationId: r.b, filingStates: ['变更未报'] }).total).toBe(1);
    expect(r.call('accounts.search', { organizationId: r.a }).total).toBe(0);
    const audit = r.call('audit.list', { entity: 'account', entityId: id, action: 'handover' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toBe('微信公众号「示例读书笔记」：使用人 甲一 → 乙二，管理员 甲一 → 乙二');
    expect(audit[0]!.before).toMatchObject({ memberId: r.m1, filingState: '已登记' });
    expect(audit[0]!.after).toMatchObject({ memberId: r.m2, filingState: '变更未报' });

    // The 明细表 as of a day lists the account under that day's holder, the one its figures count it with.
    const holderOn = (asOf: string) =>
      r.db.prepare(`SELECT a.member_id AS member, p.member_id AS counted FROM ${ACCOUNTS_AS_OF} a JOIN account_periods p ON p.account_id = a.id AND p.valid_from <= @asOf AND p.valid_to > @asOf`).get({ subtree: JSON.stringify([r.a, r.b]), asOf });
    expect(holderOn('2026-11-19')).toEqual({ member: r.m1, counted: r.m1 });
    expect(holderOn('2026-11-20')).toEqual({ member: r.m2, counted: r.m2 });

    const change = r.call('filings.submit', { accountId: id, type: '变更', submittedOn: '2026-11-21' });
    r.call('filings.review', { id: change.id, decision: '登记', reviewedOn: '2026-11-22' });
    expect(r.call('accounts.get', { id })).toMatchObject({ filingState: '已登记', changedFields: [] });
  });

  it('a change of administrator alone is a handover too; an account never accepted keeps needing its first filing', () => {
    const id = accepted();
    r.call('accounts.handover', { id, onDate: '2026-11-10', administrator: '乙三' });
    expect(r.call('accounts.get', { id })).toMatchObject({ memberId: r.m1, administrator: '乙三', filingState: '变更未报', changedFields: ['administrator'] });
    const fresh = r.call('accounts.create', publicAccount(r.m1, { displayName: '新开的号', accountRef: 'new_one' }));
    r.call('accounts.handover', { id: fresh.id, onDate: '2026-11-10', toMemberId: r.m3 });
    expect(r.call('accounts.get', { id: fresh.id })).toMatchObject({ memberName: '乙三', filingState: '未报备', administrator: '甲一' });
  });

  it('refuses a handover that changes nothing, goes to a member no longer 在册, or is dated before the account or its last handover', () => {
    const id = accepted();
    expect(r.fail('accounts.handover', { id, onDate: '2026-11-20', administrator: '甲一' }).message).toBe(msg.handover.nothingChanges);
    expect(r.fail('accounts.handover', { id, onDate: '2026-11-20', toMemberId: r.m1 }).message).toBe(msg.handover.sameOwner);
    expect(r.fail('accounts.handover', { id, onDate: '2026-10-31', toMemberId: r.m2 }).message).toBe(msg.handover.beforeOpened);
    expect(r.fail('accounts.handover', { id, onDate: '2026-11-26', toMemberId: r.m2 }).message).toBe(msg.date.future);
    r.call('members.changeStatus', { id: r.m3, status: '退休', date: '2026-11-01' });
    expect(r.fail('accounts.handover', { id, onDate: '2026-11-20', toMemberId: r.m3 }).details).toEqual({ fields: { toMemberId: msg.account.memberNotActive('退休') } });
    r.call('accounts.handover', { id, onDate: '2026-11-20', toMemberId: r.m2 });
    expect(r.fail('accounts.handover', { id, onDate: '2026-11-19', toMemberId: r.m1 }).message).toBe(msg.handover.beforeLast('2026-11-20'));
    expect(r.call('accounts.get', { id }).handovers).toHaveLength(1);
  });

  it('refuses a handover while a filing awaits review (it was declared for the present holder), and allows it once decided', () => {
    const id = accepted();
    r.call('accounts.update', { ...publicAccount(r.m1, { displayName: '甲一新名' }), id });
    const change = r.call('filings.submit', { accountId: id, type: '变更', submittedOn: '2026-11-10' });
    expect(r.fail('accounts.handover', { id, onDate: '2026-11-20', toMemberId: r.m2 }).message).toBe(msg.handover.pendingFiling);
    expect(r.call('accounts.get', { id })).toMatchObject({ memberId: r.m1, handovers: [] });
    r.call('filings.review', { id: change.id, decision: '登记', reviewedOn: '2026-11-21' });
    r.call('accounts.handover', { id, onDate: '2026-11-22', toMemberId: r.m2 });
    expect(r.call('accounts.get', { id })).toMatchObject({ memberId: r.m2, filingState: '变更未报' });
  });

  it('counts a handed-over account with its holder of each day: the old holder\'s organization before the handover\'s date, the new one\'s from it', () => {
    const acc = r.call('accounts.create', publicAccount(r.m1, { openedOn: '2024-01-01' }));
    const f = r.call('filings.submit', { accountId: acc.id, type: '备案', submittedOn: '2024-01-02' });
    r.call('filings.review', { id: f.id, decision: '登记', reviewedOn: '2024-01-08' });
    r.call('accounts.handover', { id: acc.id, onDate: '2025-06-01', toMemberId: r.m2 });
    const where = (day: string) =>
      [r.a, r.b].flatMap((org) => filingGroups(r.ctx, { orgIds: JSON.stringify([org]), day }).map((g) => [org === r.a ? '甲支部' : '乙支部', g.state, g.n]));
    expect(where('2024-12-31')).toEqual([['甲支部', '已登记', 1]]);
    expect(where('2025-05-31')).toEqual([['甲支部', '已登记', 1]]);
    expect(where('2025-06-01')).toEqual([['乙支部', '变更未报', 1]]);
    expect(where('2026-11-25')).toEqual([['乙支部', '变更未报', 1]]);
  });

  it('refuses to date a 保留 on leaving before the account reached the member', () => {
    const id = accepted();
    r.call('accounts.handover', { id, onDate: '2026-11-20', toMemberId: r.m2 });
    const refusal = r.fail('members.leave', { id: r.m2, status: '退休', date: '2026-11-10', accounts: [{ accountId: id, action: '保留', note: '本人继续维护' }] });
    expect(refusal.details).toEqual({ fields: { date: msg.handover.beforeLast('2026-11-20') } });
    expect(r.call('members.get', { id: r.m2 }).status).toBe('在册');
    expect(r.call('accounts.get', { id }).handovers).toHaveLength(1);
  });
});

describe('a member leaves', () => {
  let r: ReturnType<typeof registerWithMembers>;
  let ids: { official: number; reading: number; group: number; closed: number };
  beforeEach(() => {
    r = membersSince2010();
    const official = r.call('accounts.create', publicAccount(r.m1, { capacity: '以职务身份', displayName: '甲支部工作号', accountRef: 'jia_work' })).id;
    const reading = r.call('accounts.create', publicAccount(r.m1)).id;
    const group = r.call('accounts.create', publicAccount(r.m1, { platform: '微信群', kind: '群组', displayName: '甲支部党员群', accountRef: null, audience: 40 })).id;
    const closed = r.call('accounts.create', publicAccount(r.m1, { displayName: '旧号', accountRef: 'old' })).id;
    r.call('accounts.close', { id: closed, closedOn: '2026-11-03', reason: '不再使用' });
    ids = { official, reading, group, closed };
  });

  const decisions = () => [
    { accountId: ids.official, action: '移交' as const, toMemberId: r.m2, administrator: '乙二' },
    { accountId: ids.reading, action: '注销' as const, closedOn: '2026-11-24', reason: '本人退休，停止更新' },
    { accountId: ids.group, action: '保留' as const, note: '群由本人继续维护，退休支部接收后再移交' },
  ];

  it('refuses to change the status of a member with open accounts without decisions', () => {
    expect(r.fail('members.changeStatus', { id: r.m1, status: '退休', date: '2026-11-24' }).message).toBe(msg.handover.openAccounts(3));
    expect(r.call('members.get', { id: r.m1 }).status).toBe('在册');
  });

  it('leaves with one decision per open account, all in one transaction with the status change, and audits each', () => {
    const out = r.call('members.leave', { id: r.m1, status: '退休', date: '2026-11-24', accounts: decisions() });
    expect(out).toEqual({ memberId: r.m1, status: '退休', handedOver: [ids.official], closed: [ids.reading], kept: [ids.group] });
    expect(r.call('members.get', { id: r.m1 })).toMatchObject({ status: '退休', statusDate: '2026-11-24' });
    expect(r.call('accounts.get', { id: ids.official })).toMatchObject({ memberName: '乙二', organizationName: '乙支部', administrator: '乙二', filingState: '未报备' });
    expect(r.call('accounts.get', { id: ids.official }).handovers[0]).toMatchObject({ kind: '移交', onDate: '2026-11-24', memberLeft: '退休' });
    expect(r.call('accounts.get', { id: ids.reading })).toMatchObject({ status: '已注销', closedOn: '2026-11-24', closedReason: '本人退休，停止更新' });
    const group = r.call('accounts.get', { id: ids.group });
    expect(group).toMatchObject({ memberId: r.m1, status: '在用' });
    expect(group.handovers).toEqual([expect.objectContaining({ kind: '保留', fromMemberName: '甲一', toMemberName: '甲一', note: '群由本人继续维护，退休支部接收后再移交', memberLeft: '退休' })]);
    const leave = r.call('audit.list', { entity: 'member', entityId: r.m1, action: 'leave' });
    expect(leave.map((e) => e.summary)).toEqual(['甲一：在册 → 退休（账号移交 1 个、注销 1 个、保留 1 个）']);
    expect(leave[0]!.before).toMatchObject({ status: '在册' });
    expect((leave[0]!.after as { accounts: unknown[] }).accounts).toHaveLength(3);
    expect(r.call('audit.list', { entity: 'account', action: 'handover' })).toHaveLength(2);
    expect(r.call('audit.list', { entity: 'account', action: 'close' }).map((e) => e.entityId)).toEqual([ids.reading, ids.closed]);
 
    // A kept account is handed over later, once a receiver is known; its history shows both steps.
    r.call('accounts.handover', { id: ids.group, onDate: '2026-11-25', toMemberId: r.m3, note: '退休支部接收' });
    expect(r.call('accounts.get', { id: ids.group }).handovers.map((h) => [h.kind, h.onDate, h.toMemberName])).toEqual([['保留', '2026-11-24', '甲一'], ['移交', '2026-11-25', '乙三']]);
  });

  it('refuses decisions that leave an open account out, name a closed one, or hand over to someone not 在册 — and then changes nothing', () => {
    const before = r.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    const missing = r.fail('members.leave', { id: r.m1, status: '转出', date: '2026-11-24', accounts: decisions().slice(0, 2) });
    expect(missing.message).toBe(msg.handover.decisionsMissing('微信群「甲支部党员群」'));
    expect(missing.details).toEqual({ accountIds: [ids.group] });
    const closed = [...decisions(), { accountId: ids.closed, action: '保留' as const, note: '已注销的' }];
    expect(r.fail('members.leave', { id: r.m1, status: '转出', date: '2026-11-24', accounts: closed }).message).toBe(msg.handover.decisionsForeign);
    const noNote = decisions().map((d) => (d.action === '保留' ? { ...d, note: ' ' } : d));
    expect(r.fail('members.leave', { id: r.m1, status: '转出', date: '2026-11-24', accounts: noNote }).details).toMatchObject({ fields: { 'accounts.2.note': '保留账号时请说明原因（如：由本人继续使用、待单位确定接收人）。' } });
    r.call('members.changeStatus', { id: r.m3, status: '去世', date: '2026-11-01' });
    // The third decision fails after the first two were applied: the closure and the handover roll back with it.
    const late = decisions().map((d) => (d.action === '保留' ? { accountId: ids.group, action: '移交' as const, toMemberId: r.m3 } : d));
    expect(r.fail('members.leave', { id: r.m1, status: '转出', date: '2026-11-24', accounts: late }).details).toEqual({ fields: { 'accounts.2.toMemberId': msg.account.memberNotActive('去世') } });
    const toSelf = decisions().map((d, i) => (i === 0 ? { ...d, toMemberId: r.m1 } : d));
    expect(r.fail('members.leave', { id: r.m1, status: '转出', date: '2026-11-24', accounts: toSelf }).details).toEqual({ fields: { 'accounts.0.toMemberId': msg.handover.toLeaver } });
    expect(r.call('members.get', { id: r.m1 }).status).toBe('在册');
    expect(r.call('accounts.get', { id: ids.reading }).status).toBe('在用');
    expect(r.call('accounts.get', { id: ids.official }).memberId).toBe(r.m1);
    expect(r.db.prepare('SELECT count(*) AS n FROM account_handovers').get()).toEqual({ n: 0 });
    // Only the status change of 乙三 was written meanwhile.
    expect((r.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe((before as { n: number }).n + 1);
  });

  it('a member without open accounts leaves with an empty list; one who left cannot leave again', () => {
    expect(r.call('members.leave', { id: r.m3, status: '转出', date: '2026-11-20', accounts: [] })).toMatchObject({ handedOver: [], closed: [], kept: [] });
    expect(r.fail('members.leave', { id: r.m3, status: '退休', date: '2026-11-20', accounts: [] }).message).toBe(msg.handover.alreadyLeft('转出'));
  });
});
