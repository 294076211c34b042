import { beforeEach, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { registerWithMembers } from '../support/register.js';

describe('commendations', () => {
  let r: ReturnType<typeof registerWithMembers>;
  beforeEach(() => {
    r = registerWithMembers();
  });
  const base = () => ({ memberIds: [r.m1, r.m2], kind: '通报表扬' as const, honourName: '网络文明传播先进个人', documentNumber: '示委〔2026〕12号', commendedOn: '2026-11-01', approvingBody: '中共测试委员会', approvingLevel: '县级' as const });

  it('records one commendation for several members, listed by subtree and on each member', () => {
    const c = r.call('commendations.create', base());
    expect(c.members.map((m) => m.name).sort()).toEqual(['乙二', '甲一'].sort());
    expect(r.call('commendations.list', { organizationId: r.a }).map((x) => x.id)).toEqual([c.id]);
    expect(r.call('commendations.list', { memberId: r.m3 })).toEqual([]);
    expect(r.call('commendations.list', { from: '2026-11-02' })).toEqual([]);
  });

  it('withdraws with date and reason, keeps the record, and refuses editing or withdrawing again', () => {
    const c = r.call('commendations.create', base());
    expect(r.fail('commendations.withdraw', { id: c.id, withdrawnOn: '2026-10-31', reason: '误报' }).message).toBe(msg.commendation.withdrawBeforeDate);
    const w = r.call('commendations.withdraw', { id: c.id, withdrawnOn: '2026-11-20', reason: '事实有误' });
    expect(w).toMatchObject({ withdrawnOn: '2026-11-20', withdrawnReason: '事实有误', documentNumber: '示委〔2026〕12号' });
    expect(r.fail('commendations.withdraw', { id: c.id, withdrawnOn: '2026-11-21', reason: 'x' }).message).toBe(msg.commendation.withdrawn);
    expect(r.fail('commendations.update', { ...base(), id: c.id }).message).toBe(msg.commendation.withdrawn);
    expect(r.call('commendations.list', {}).length).toBe(1);
    expect(r.call('commendations.list', { includeWithdrawn: false })).toEqual([]);
    expect(r.call('system.stats', {}).commendations).toBe(1);
  });
});

describe('protection cases', () => {
  it('opens, takes measures and closes; refuses closing without measures and anything after closing', () => {
    const r = registerWithMembers();
    const c = r.call('protection.create', { memberId: r.m1, attackedOn: '2026-10-20', platform: '微博', description: '发布政策解读后遭恶意攻击' });
    expect(c.status).toBe('处理中');
    expect(r.fail('protection.close', { id: c.id, closedOn: '2026-11-10', outcome: '已澄清' }).message).toBe(msg.protection.noMeasures);
    expect(r.fail('protection.addMeasure', { caseId: c.id, measure: '澄清正名', takenOn: '2026-10-19' }).message).toBe(msg.protection.beforeAttack);
    r.call('protection.addMeasure', { caseId: c.id, measure: '澄清正名', takenOn: '2026-10-22', takenBy: '宣传委员' });
    r.call('protection.addMeasure', { caseId: c.id, measure: '向平台举报处置', takenOn: '2026-10-23' });
    const closed = r.call('protection.close', { id: c.id, closedOn: '2026-11-10', outcome: '不实信息已删除' });
    expect(closed).toMatchObject({ status: '已办结', closedOn: '2026-11-10', outcome: '不实信息已删除' });
    expect(closed.measures.map((m) => m.measure)).toEqual(['澄清正名', '向平台举报处置']);
    expect(r.fail('protection.addMeasure', { caseId: c.id, measure: '关心关爱', takenOn: '2026-11-11' }).message).toBe(msg.protection.closed);
    expect(r.fail('protection.close', { id: c.id, closedOn: '2026-11-11', outcome: 'x' }).message).toBe(msg.protection.closed);
    expect(r.call('protection.list', { status: '处理中' })).toEqual([]);
    expect(r.call('dashboard.summary', {}).openProtectionCases).toBe(0);
  });
});

describe('annual review campaign', () => {
  let r: ReturnType<typeof registerWithMembers>;
  beforeEach(() => {
    r = registerWithMembers();
  });
  const account = (memberId: number) =>
    r.call('accounts.create', { memberId, platform: '微博', region: '境内', capacity: '个人', kind: '账号', displayName: `号${memberId}`, accountRef: `r${memberId}` });
  const completion = (id: number) => {
    const c = r.call('campaigns.completion', { id });
    return { totals: c.totals, byOrg: Object.fromEntries(c.byOrganization.map((o) => [o.organizationName, [o.expected, o.responded]])) };
  };

  it('expects members 在册 in scope; a declaration needs accounts, a 零报告 needs none', () => {
    const c = r.call('campaigns.create', { title: '2026年度', year: 2026, deadline: '2026-12-31', organizationIds: [r.b] });
    expect(completion(c.id).totals).toMatchObject({ expected: 2, responded: 0 });
    expect(r.fail('campaigns.declare', { campaignId: c.id, memberId: r.m1, kind: '零报告', declaredOn: '2026-11-20' }).message).toBe(msg.campaign.notInScope);
    expect(r.fail('campaigns.declare', { campaignId: c.id, memberId: r.m2, kind: '申报', declaredOn: '2026-11-20' }).message).toBe(msg.campaign.declareWithoutAccounts);
    account(r.m2);
    expect(r.fail('campaigns.declare', { campaignId: c.id, memberId: r.m2, kind: '零报告', declaredOn: '2026-11-20' }).message).toBe(msg.campaign.zeroWithAccounts(1));
    r.call('campaigns.declare', { campaignId: c.id, memberId: r.m2, kind: '申报', declaredOn: '2026-11-20' });
    r.call('campaigns.declare', { campaignId: c.id, memberId: r.m3, kind: '零报告', declaredOn: '2026-11-21' });
    expect(r.fail('campaigns.declare', { campaignId: c.id, memberId: r.m3, kind: '零报告', declaredOn: '2026-11-21' }).message).toBe(msg.campaign.alreadyResponded('零报告', '2026-11-21'));
    expect(completion(c.id).totals).toEqual({ expected: 2, declared: 1, zeroReports: 1, responded: 2, notResponded: 0 });
  });

  it('follows members who move or leave while open: responses stay where they were made', () => {
    const c = r.call('campaigns.create', { title: '2026年度', year: 2026, deadline: '2026-12-31', organizationIds: [r.b] });
    r.call('campaigns.declare', { campaignId: c.id, memberId: r.m3, kind: '零报告', declaredOn: '2026-11-20' });
    r.call('members.move', { id: r.m3, organizationId: r.a }); // responded, then left the scope: still counted in 乙支部
    r.call('members.move', { id: r.m1, organizationId: r.b }); // moved into scope without responding: now expected
    r.call('members.changeStatus', { id: r.m2, status: '退休' }); // left before responding: no longer expected
    expect(completion(c.id)).toEqual({ totals: { expected: 2, declared: 0, zeroReports: 1, responded: 1, notResponded: 1 }, byOrg: { 乙支部: [2, 1] } });
    expect(r.call('campaigns.missing', { id: c.id }).rows.map((m) => m.name)).toEqual(['甲一']);
  });

  it('freezes on closing: later moves and departures do not change the figures, and nothing more can be recorded', () => {
    const c = r.call('campaigns.create', { title: '2026年度', year: 2026, deadline: '2026-12-31', organizationIds: [r.root] });
    r.call('campaigns.declare', { campaignId: c.id, memberId: r.m1, kind: '零报告', declaredOn: '2026-11-20' });
    const open = completion(c.id);
    r.call('campaigns.close', { id: c.id });
    r.call('members.changeStatus', { id: r.m2, status: '转出' });
    r.call('members.move', { id: r.m3, organizationId: r.a });
    expect(completion(c.id)).toEqual(open);
    expect(open.totals).toMatchObject({ expected: 3, responded: 1 });
    expect(r.call('campaigns.missing', { id: c.id }).total).toBe(2);
    expect(r.fail('campaigns.declare', { campaignId: c.id, memberId: r.m3, kind: '零报告', declaredOn: '2026-11-22' }).message).toBe(msg.campaign.closed);
    expect(r.fail('campaigns.close', { id: c.id }).message).toBe(msg.campaign.alreadyClosed);
  });

  it('refuses a scope that lists an organization and its own child, and shows on the dashboard', () => {
    expect(r.fail('campaigns.create', { title: 'x', year: 2026, deadline: '2026-12-31', organizationIds: [r.root, r.a] }).message).toBe(msg.campaign.overlappingScope);
    const c = r.call('campaigns.create', { title: '2026年度', year: 2026, deadline: '2026-11-24', organizationIds: [r.root] });
    r.call('campaigns.declare', { campaignId: c.id, memberId: r.m1, kind: '零报告', declaredOn: '2026-11-20' });
    expect(r.call('dashboard.summary', {}).campaign).toEqual({ id: c.id, title: '2026年度', deadline: '2026-11-24', expected: 3, responded: 1, notResponded: 2, overdue: true });
    expect(r.call('dashboard.summary', { organizationId: r.a }).campaign).toMatchObject({ expected: 1, responded: 1, overdue: false });
  });
});
