import { describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { freshLedger } from '../support/ledger.js';
import { chaseCount, filingGroups, windowEnd, type FilingGroup } from '../../src/services/figures.js';
import { tallyDueSoon, tallyFilingGroups } from '../../src/services/filingTally.js';
import { publicAccount, registerWithMembers } from '../support/register.js';

describe('dashboard', () => {
  it('counts 报告 and 备案 by state for a subtree, with a breakdown by branch', () => {
    const r = registerWithMembers();
    const rec1 = r.call('accounts.create', publicAccount(r.m1));
    r.call('accounts.create', publicAccount(r.m2, { displayName: '乙号', accountRef: 'b' }));
    const old = r.call('accounts.create', publicAccount(r.m3, { displayName: '旧号', accountRef: 'c', openedOn: '2026-01-01' }));
    r.call('accounts.create', publicAccount(r.m2, { capacity: '以职务身份', kind: '群组', platform: '微信群', displayName: '工作群', accountRef: null }));
    r.call('accounts.create', publicAccount(r.m2, { kind: '账号', platform: '抖音', displayName: '普通号', accountRef: 'd' }));
    const f = r.call('filings.submit', { accountId: rec1.id, type: '备案', submittedOn: '2026-11-02' });
    r.call('filings.review', { id: f.id, decision: '登记', reviewedOn: '2026-11-03' });
    r.call('filings.submit', { accountId: old.id, type: '备案', submittedOn: '2026-11-02' });

    const d = r.call('dashboard.summary', {});
    expect(d.organizationId).toBe(r.root);
    expect(d.accounts).toBe(5);
    expect(d.record).toEqual({ needed: 3, filed: 1, pending: 1, correction: 0, notFiled: 1, overdue: 0, changed: 0, closed: 0 });
    expect(d.report).toMatchObject({ needed: 1, notFiled: 1, overdue: 0 });
    const byName = Object.fromEntries(d.breakdown.map((b) => [b.organizationName, b]));
    expect(Object.keys(byName)).toEqual(['中共测试委员会', '甲支部', '乙支部']);
    expect(byName['甲支部']!.record).toMatchObject({ needed: 1, filed: 1 });
    expect(byName['乙支部']!.record).toMatchObject({ needed: 2, pending: 1, notFiled: 1 });
    expect(byName['乙支部']!.report).toMatchObject({ needed: 1, notFiled: 1 });

    const branch = r.call('dashboard.summary', { organizationId: r.b });
    expect(branch.record.needed).toBe(2);
    expect(branch.breakdown.map((b) => b.organizationName)).toEqual(['乙支部']);
  });

  it('counts overdue and 变更未报, and the accounts list gives the same numbers behind them', () => {
    const r = registerWithMembers();
    const late = r.call('accounts.create', publicAccount(r.m1, { openedOn: '2026-09-01' }));
    const filed = r.call('accounts.create', publicAccount(r.m2, { displayName: '乙号', accountRef: 'b' }));
    const f = r.call('filings.submit', { accountId: filed.id, type: '备案', submittedOn: '2026-11-02' });
    r.call('filings.review', { id: f.id, decision: '登记', reviewedOn: '2026-11-03' });
    r.call('accounts.update', { ...publicAccount(r.m2, { displayName: '乙号改名', accountRef: 'b' }), id: filed.id });
    const d = r.call('dashboard.summary', {});
    expect(d.record).toMatchObject({ needed: 2, notFiled: 1, overdue: 1, changed: 1, filed: 0 });
    expect(r.call('accounts.search', { requiredFiling: '备案', overdue: true }).rows.map((a) => a.id)).toEqual([late.id]);
    expect(r.call('accounts.search', { requiredFiling: '备案', filingStates: ['变更未报'] }).rows.map((a) => a.id)).toEqual([filed.id]);
  });
});

describe('filing_tally and due_tally', () => {
  it('stay equal to counting the accounts through creates, filings, renames, moves, closures and a new deadline, today and on later days', () => {
    const r = registerWithMembers();
    const all = JSON.stringify([r.root, r.a, r.b]);
    // Each organization its own bucket, and all three under the root as the 首页 of the whole tree counts them.
    const own = JSON.stringify([r.root, r.a, r.b].map((o) => [o, o]));
    const underRoot = JSON.stringify([r.root, r.a, r.b].map((o) => [o, r.root]));
    const sorted = (groups: FilingGroup[]) => [...groups].sort((x, y) => `${x.org}${x.required}${x.state}`.localeCompare(`${y.org}${y.required}${y.state}`));
    const summedUnderRoot = (groups: FilingGroup[]) => {
      const sums = new Map<string, FilingGroup>();
      for (const g of groups) {
        const key = `${g.required}|${g.state}`;
        const s = sums.get(key) ?? { ...g, org: r.root, n: 0, overdue: 0 };
        sums.set(key, { ...s, n: s.n + g.n, overdue: s.overdue + g.overdue });
      }
      return [...sums.values()];
    };
    const same = () => {
      // The tally is today's register (a later day only moves accounts into 逾期); filingGroups on a past day
      // reconstructs that day's register instead, so the two are compared from today on.
      for (const day of ['2026-11-25', '2026-12-02', '2027-12-31']) {
        const counted = filingGroups(r.ctx, { orgIds: all, day });
        expect(sorted(tallyFilingGroups(r.ctx, { buckets: own, day }))).toEqual(sorted(counted));
        expect(sorted(tallyFilingGroups(r.ctx, { buckets: underRoot, day }))).toEqual(sorted(summedUnderRoot(counted)));
        for (const days of [1, 7, 30]) {
          const until = windowEnd(day, days);
          expect(tallyDueSoon(r.ctx, { buckets: underRoot, day, until }), `${day} +${days}`).toBe(chaseCount(r.ctx, 'dueSoon', { orgIds: all, day, until }));
        }
      }
    };
    const late = r.call('accounts.create', publicAccount(r.m1, { openedOn: '2026-09-01' }));
    const filed = r.call('accounts.create', publicAccount(r.m2, { displayName: '乙号', accountRef: 'b', openedOn: '2026-10-20' }));
    r.call('accounts.create', publicAccount(r.m3, { kind: '账号', platform: '抖音', displayName: '普通号', accountRef: 'd' }));
    same();
    const f = r.call('filings.submit', { accountId: filed.id, type: '备案', submittedOn: '2026-11-02' });
    same();
    r.call('filings.review', { id: f.id, decision: '登记', reviewedOn: '2026-11-03' });
    r.call('accounts.update', { ...publicAccount(r.m2, { displayName: '乙号改名', accountRef: 'b', openedOn: '2026-10-20' }), id: filed.id });
    same();
    r.call('members.move', { id: r.m1, organizationId: r.b });
    same();
    r.call('accounts.close', { id: late.id, closedOn: '2026-11-20', reason: '不再使用' });
    same();
    // A longer deadline moves every 未报备 account's due day: some overdue today are not any more.
    r.call('accounts.create', { ...publicAccount(r.m3, { displayName: '丙号', accountRef: 'e', openedOn: '2026-10-01' }) });
    same();
    r.call('settings.update', { deadlineDays: 60 });
    same();
    expect(tallyFilingGroups(r.ctx, { buckets: JSON.stringify([[r.a, r.a]]), day: '2026-11-25' })).toEqual([]);
    expect(r.db.prepare('SELECT count(*) FROM filing_tally WHERE n <= 0').pluck().get()).toBe(0);
    expect(r.db.prepare('SELECT count(*) FROM due_tally WHERE n <= 0').pluck().get()).toBe(0);
  });
});

describe('publication requests', () => {
  it('registers, decides once and records publication of an approved request', () => {
    const r = registerWithMembers();
    const req = r.call('requests.create', { organizationId: r.a, requesterId: r.m1, requesterName: '甲一', title: '关于发布志愿服务活动通知的请示', requestedOn: '2026-11-10' });
    expect(r.fail('requests.published', { id: req.id, publishedOn: '2026-11-12' }).message).toBe(msg.request.notApproved);
    expect(r.fail('requests.decide', { id: req.id, decision: '同意', decidedBy: '测试书记', decidedOn: '2026-11-09' }).message).toBe(msg.request.decidedBeforeRequested);
    r.call('requests.decide', { id: req.id, decision: '修改后同意', decidedBy: '测试书记', decidedOn: '2026-11-11' });
    expect(r.fail('requests.decide', { id: req.id, decision: '不同意', decidedBy: '测试书记', decidedOn: '2026-11-11' }).message).toBe(msg.request.alreadyDecided);
    const published = r.call('requests.published', { id: req.id, publishedOn: '2026-11-12' });
    expect(published).toMatchObject({ decision: '修改后同意', publishedOn: '2026-11-12', organizationName: '甲支部' });
    expect(r.call('requests.list', { organizationId: r.root }).map((x) => x.id)).toEqual([req.id]);
    expect(r.call('requests.list', { organizationId: r.b })).toEqual([]);
    expect(r.call('requests.list', { from: '2026-11-11' })).toEqual([]);
  });

  it('refuses to record publication of a refused request', () => {
    const r = registerWithMembers();
    const req = r.call('requests.create', { organizationId: r.a, requesterName: '甲一', title: '请示', requestedOn: '2026-11-10' });
    r.call('requests.decide', { id: req.id, decision: '不同意', decidedBy: '测试书记', decidedOn: '2026-11-10' });
    expect(r.fail('requests.published', { id: req.id, publishedOn: '2026-11-12' }).message).toBe(msg.request.notApproved);
  });
});

describe('dashboard: the annual review for its scope only', () => {
  it('counts expected and responded within the scope exactly as the campaign page does, summed over the subtree', () => {
    const l = freshLedger();
    l.call('system.demo', { members: 1500, seed: 3 });
    const campaign = l.call('campaigns.list', {}).find((c) => c.status === '进行中')!;
    // A member who responded and then moved still counts where they responded; a 退休 member without response is no longer expected.
    const moved = l.db.prepare('SELECT member_id AS id FROM review_declarations ORDER BY id LIMIT 1').get() as { id: number };
    const other = l.db.prepare('SELECT id FROM organizations WHERE parent_id IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { id: number };
    l.db.prepare('UPDATE members SET organization_id = ? WHERE id = ?').run(other.id, moved.id);
    const undeclared = l.db.prepare("SELECT id FROM members WHERE status = '在册' AND id NOT IN (SELECT member_id FROM review_declarations) LIMIT 1").get() as { id: number };
    l.db.prepare("UPDATE members SET status = '退休' WHERE id = ?").run(undeclared.id);
    // A member who responded and then left is no longer in scope; one not yet responded who moved is expected there.
    const left = l.db.prepare('SELECT member_id AS id FROM review_declarations ORDER BY id LIMIT 1 OFFSET 5').get() as { id: number };
    l.db.prepare("UPDATE members SET status = '转出' WHERE id = ?").run(left.id);
    const undeclaredMoved = l.db.prepare("SELECT id FROM members WHERE status = '在册' AND id NOT IN (SELECT member_id FROM review_declarations) LIMIT 1 OFFSET 3").get() as { id: number };
    l.db.prepare('UPDATE members SET organization_id = ? WHERE id = ?').run(other.id, undeclaredMoved.id);
    const completion = l.call('campaigns.completion', { id: campaign.id });
    const responses = 'SELECT campaign_id, organization_id, count(*) AS n FROM review_declarations GROUP BY 1, 2 ORDER BY 1, 2';
    expect(l.db.prepare('SELECT campaign_id, organization_id, n FROM response_tally WHERE n > 0 ORDER BY 1, 2').all()).toEqual(l.db.prepare(responses).all());
    const orgs = l.db.prepare('SELECT id, parent_id AS parentId FROM organizations').all() as { id: number; parentId: number | null }[];
    const subtree = (id: number): number[] => [id, ...orgs.filter((o) => o.parentId === id).flatMap((o) => subtree(o.id))];
    const scopes = [undefined, ...orgs.filter((o) => o.parentId !== null).slice(0, 6).map((o) => o.id), other.id];
    for (const organizationId of scopes) {
      const d = l.call('dashboard.summary', organizationId === undefined ? {} : { organizationId });
      const within = new Set(subtree(d.organizationId!));
      const rows = completion.byOrganization.filter((r) => within.has(r.organizationId));
      const expected = rows.reduce((a, r) => a + r.expected, 0);
      const responded = rows.reduce((a, r) => a + r.responded, 0);
      expect(d.campaign, `scope ${organizationId}`).toMatchObject({ id: campaign.id, expected, responded, notResponded: expected - responded });
      expect(expected).toBeGreaterThan(responded);
    }
  });
});
