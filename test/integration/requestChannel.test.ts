/** 请示's 发布渠道: one of the unit's registered accounts, or a channel written as text (issue 12 point 4). */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { publicAccount, registerWithMembers } from '../support/register.js';

describe('a publication request names its channel', () => {
  it('takes a registered account of the unit, refuses another unit\'s or an unregistered one, and keeps free text', () => {
    const r = registerWithMembers();
    const accept = (memberId: number, over: Record<string, unknown>) => {
      const acc = r.call('accounts.create', publicAccount(memberId, { capacity: '以职务身份', ...over }));
      const f = r.call('filings.submit', { accountId: acc.id, type: '报告', submittedOn: '2026-11-02' });
      r.call('filings.review', { id: f.id, decision: '登记', reviewedOn: '2026-11-03' });
      return acc.id;
    };
    const own = accept(r.m1, { platform: '微博', displayName: '甲支部发布', accountRef: 'jia_fabu' });
    const other = accept(r.m2, { displayName: '乙支部之声', accountRef: 'yi' });
    const unfiled = r.call('accounts.create', publicAccount(r.m1, { displayName: '未报的号', accountRef: 'x' })).id;
    const base = { organizationId: r.a, requesterName: '甲一', title: '关于发布主题党日活动通知的请示', requestedOn: '2026-11-10' };

    const picked = r.call('requests.create', { ...base, accountId: own });
    expect(picked).toMatchObject({ accountId: own, channel: '微博「甲支部发布」' });
    expect(r.fail('requests.create', { ...base, accountId: other }).details).toEqual({ fields: { accountId: msg.request.accountOutsideUnit } });
    expect(r.fail('requests.create', { ...base, accountId: unfiled }).details).toEqual({ fields: { accountId: msg.request.accountNotRegistered('未报备') } });
    // The whole committee may use a branch's account: the subtree is the unit.
    expect(r.call('requests.create', { ...base, organizationId: r.root, accountId: other }).channel).toBe('微信公众号「乙支部之声」');
    expect(r.call('requests.create', { ...base, channel: '单位门户网站' })).toMatchObject({ accountId: null, channel: '单位门户网站' });
    expect(r.call('requests.list', {}).map((q) => q.channel)).toEqual(['微博「甲支部发布」', '微信公众号「乙支部之声」', '单位门户网站'].reverse());
  });
});
