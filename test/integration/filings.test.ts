import { beforeEach, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { publicAccount, registerWithMembers } from '../support/register.js';
import { minimalPdf } from '../support/scans.js';

describe('accounts and their filings', () => {
  let r: ReturnType<typeof registerWithMembers>;
  beforeEach(() => {
    r = registerWithMembers();
  });
  const state = (id: number) => r.call('accounts.get', { id }).filingState;

  it('walks an account through 备案: 未报备 → 待审核 → 需补正 → 待审核 → 已登记 → 变更未报 → 变更 filed', () => {
    const acc = r.call('accounts.create', publicAccount(r.m1));
    expect(acc).toMatchObject({ requiredFiling: '备案', filingState: '未报备', dueOn: '2026-12-01', overdue: false });
    const f = r.call('filings.submit', { accountId: acc.id, type: '备案', submittedOn: '2026-11-02' });
    expect(state(acc.id)).toBe('待审核');
    r.call('filings.review', { id: f.id, decision: '退回补正', reviewedOn: '2026-11-03', opinion: '请补充认证主体' });
    expect(state(acc.id)).toBe('需补正');
    r.call('filings.resubmit', { id: f.id, submittedOn: '2026-11-05' });
    expect(state(acc.id)).toBe('待审核');
    r.call('filings.review', { id: f.id, decision: '登记', reviewedOn: '2026-11-06', opinion: '同意备案' });
    expect(state(acc.id)).toBe('已登记');

    r.call('accounts.update', { ...publicAccount(r.m1), id: acc.id, administrator: '乙二' });
    const detail = r.call('accounts.get', { id: acc.id });
    expect(detail.filingState).toBe('变更未报');
    expect(detail.changedFields).toEqual(['administrator']);
    expect(detail.allowedFilingTypes).toEqual(['变更']);
    expect(detail.filings[0]!.events.map((e) => e.action)).toEqual(['提交', '退回补正', '重新提交', '登记']);
    expect(detail.filings[0]).toMatchObject({ reviewer: '测试操作员', reviewedOn: '2026-11-06', opinion: '同意备案' });
    expect(r.call('accounts.search', { memberId: r.m1 }).rows[0]!.lastFiling).toEqual({ type: '备案', state: '已登记', submittedOn: '2026-11-05' });

    const change = r.call('filings.submit', { accountId: acc.id, type: '变更', submittedOn: '2026-11-20' });
    expect(state(acc.id)).toBe('待审核');
    r.call('filings.review', { id: change.id, decision: '登记', reviewedOn: '2026-11-21' });
    expect(state(acc.id)).toBe('已登记');
  });

  it('refuses illegal transitions and changes nothing', () => {
    const acc = r.call('accounts.create', publicAccount(r.m1));
    const f = r.call('filings.submit', { accountId: acc.id, type: '备案', submittedOn: '2026-11-02' });
    expect(r.fail('filings.resubmit', { id: f.id, submittedOn: '2026-11-03' }).message).toBe(msg.filing.illegal('待审核', '重新提交'));
    expect(r.fail('filings.review', { id: f.id, decision: '退回补正', reviewedOn: '2026-11-03' }).message).toBe(msg.filing.returnNeedsOpinion);
    expect(r.fail('filings.review', { id: f.id, decision: '登记', reviewedOn: '2026-11-01' }).message).toBe(msg.filing.beforeSubmitted);
    r.call('filings.review', { id: f.id, decision: '登记', reviewedOn: '2026-11-03' });
    expect(r.fail('filings.review', { id: f.id, decision: '登记', reviewedOn: '2026-11-04' }).message).toBe(msg.filing.illegal('已登记', '登记'));
    expect(r.fail('filings.review', { id: f.id, decision: '退回补正', reviewedOn: '2026-11-04', opinion: 'x' }).message).toBe(msg.filing.illegal('已登记', '退回补正'));
    expect(r.fail('filings.resubmit', { id: f.id, submittedOn: '2026-11-04' }).message).toBe(msg.filing.illegal('已登记', '重新提交'));
    expect(r.call('accounts.get', { id: acc.id }).filings[0]!.events).toHaveLength(2);
  });

  it('refuses a second filing while one is open, the wrong type, and filings nobody needs', () => {
    const acc = r.call('accounts.create', publicAccount(r.m1));
    expect(r.fail('filings.submit', { accountId: acc.id, type: '报告', submittedOn: '2026-11-02' }).message).toBe(msg.filing.typeNotAllowed('报告', '备案'));
    r.call('filings.submit', { accountId: acc.id, type: '备案', submittedOn: '2026-11-02' });
    expect(r.fail('filings.submit', { accountId: acc.id, type: '备案', submittedOn: '2026-11-02' }).message).toBe(msg.filing.open);
    const ordinary = r.call('accounts.create', publicAccount(r.m1, { kind: '账号', platform: '抖音', displayName: '个人号', accountRef: 'x1' }));
    expect(ordinary.filingState).toBe('无需报备');
    expect(r.fail('filings.submit', { accountId: ordinary.id, type: '备案', submittedOn: '2026-11-02' }).message).toBe(msg.filing.notNeeded);
  });

  it('derives 报告 for official capacity and marks it overdue after the deadline', () => {
    const acc = r.call('accounts.create', publicAccount(r.m2, { capacity: '以职务身份', kind: '群组', platform: '微信群', displayName: '工作群', accountRef: null, openedOn: '2026-09-01' }));
    expect(acc).toMatchObject({ requiredFiling: '报告', filingState: '未报备', dueOn: '2026-10-01', overdue: true });
    expect(r.call('accounts.search', { overdue: true }).rows.map((a) => a.id)).toEqual([acc.id]);
  });

  it('re-derives every account when the unit changes its threshold or deadline', () => {
    const small = r.call('accounts.create', publicAccount(r.m1, { audience: 800 }));
    const big = r.call('accounts.create', publicAccount(r.m2, { audience: 20000, displayName: '大号', accountRef: 'big' }));
    expect([small.requiredFiling, big.requiredFiling]).toEqual(['备案', '备案']);
    r.call('settings.update', { publicAccountFollowerThreshold: 1000, deadlineDays: 60 });
    expect(r.call('accounts.get', { id: small.id })).toMatchObject({ requiredFiling: '无', filingState: '无需报备', dueOn: null });
    expect(r.call('accounts.get', { id: big.id })).toMatchObject({ requiredFiling: '备案', filingState: '未报备', dueOn: '2026-12-31', overdue: false });
    r.call('settings.update', { publicAccountFollowerThreshold: null });
    expect(r.call('accounts.get', { id: small.id }).requiredFiling).toBe('备案');
  });

  it('closes an account with date and reason; it becomes 已注销 and cannot be edited', () => {
    const acc = r.call('accounts.create', publicAccount(r.m1));
    r.call('accounts.close', { id: acc.id, closedOn: '2026-11-10', reason: '不再使用' });
    expect(r.call('accounts.get', { id: acc.id })).toMatchObject({ status: '已注销', filingState: '已注销', closedReason: '不再使用' });
    expect(r.fail('accounts.update', { ...publicAccount(r.m1), id: acc.id }).message).toBe(msg.account.closedNoEdit);
    expect(r.fail('accounts.close', { id: acc.id, closedOn: '2026-11-10', reason: 'x' }).message).toBe(msg.account.alreadyClosed);
  });

  it('refuses a platform the unit does not list, and a member who has left', () => {
    expect(r.fail('accounts.create', publicAccount(r.m1, { platform: '不存在的平台' })).message).toBe(msg.account.unknownPlatform('不存在的平台'));
    r.call('members.changeStatus', { id: r.m3, status: '转出' });
    expect(r.fail('accounts.create', publicAccount(r.m3)).message).toBe(msg.account.memberNotActive('转出'));
    expect(r.call('system.stats', {}).accounts).toBe(0);
  });

  it('accepts several pending filings at once, or none if one is no longer pending', () => {
    const ids = [r.m1, r.m2, r.m3].map((m, i) => {
      const acc = r.call('accounts.create', publicAccount(m, { displayName: `号${i}`, accountRef: `ref${i}` }));
      return r.call('filings.submit', { accountId: acc.id, type: '备案', submittedOn: '2026-11-02' }).id;
    });
    r.call('filings.review', { id: ids[2]!, decision: '退回补正', reviewedOn: '2026-11-03', opinion: '缺材料' });
    const err = r.fail('filings.bulkAccept', { ids, reviewedOn: '2026-11-04', opinion: '同意' });
    expect(err.message).toBe(msg.filing.bulkNotPending(1));
    expect(r.call('filings.queue', {}).map((f) => f.id)).toEqual([ids[0], ids[1]]);
    const accepted = r.call('filings.bulkAccept', { ids: [ids[0]!, ids[1]!], reviewedOn: '2026-11-04', opinion: '同意' });
    expect(accepted.map((f) => [f.state, f.opinion])).toEqual([['已登记', '同意'], ['已登记', '同意']]);
    expect(r.call('filings.queue', {})).toEqual([]);
  });

  it('keeps scanned forms checksummed in the data folder and notices a changed file', async () => {
    const acc = r.call('accounts.create', publicAccount(r.m1));
    const f = r.call('filings.submit', { accountId: acc.id, type: '备案', submittedOn: '2026-11-02' });
    const pdf = minimalPdf();
    const att = r.call('filings.attach', { filingId: f.id, fileName: '备案表.pdf', contentBase64: pdf.toString('base64') });
    expect(att).toMatchObject({ fileName: '备案表.pdf', sizeBytes: pdf.length });
    const back = r.call('filings.attachment', { id: att.id });
    expect(Buffer.from(back.contentBase64, 'base64').equals(pdf)).toBe(true);
    expect(back.mimeType).toBe('application/pdf');
    expect(r.fail('filings.attach', { filingId: f.id, fileName: '病毒.pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') }).message).toBe(msg.filing.attachmentBadType);
    const fs = await import('node:fs');
    const path = await import('node:path');
    fs.writeFileSync(path.join(r.ctx.filesDir!, att.sha256.slice(0, 2), `${att.sha256}.pdf`), 'tampered');
    expect(r.fail('filings.attachment', { id: att.id }).message).toBe(msg.filing.attachmentCorrupt);
  });

  it('finds accounts by name fragment, the beginning of the account ID, or the owner\'s name', () => {
    const acc = r.call('accounts.create', publicAccount(r.m2, { displayName: '示例读书笔记', accountRef: 'reading_2026' }));
    r.call('accounts.create', publicAccount(r.m3, { displayName: '另一个号', accountRef: 'other' }));
    const ids = (q: string) => r.call('accounts.search', { q }).rows.map((a) => a.id);
    expect(ids('读书')).toEqual([acc.id]);
    expect(ids('reading')).toEqual([acc.id]);
    expect(ids('乙二')).toEqual([acc.id]);
    expect(ids('不存在')).toEqual([]);
  });

  it('keeps accounts with their member when the member moves', () => {
    const acc = r.call('accounts.create', publicAccount(r.m1));
    r.call('members.move', { id: r.m1, organizationId: r.b });
    expect(r.call('accounts.get', { id: acc.id }).organizationId).toBe(r.b);
    expect(r.call('accounts.search', { organizationId: r.a }).total).toBe(0);
    expect(r.call('accounts.search', { organizationId: r.b }).total).toBe(1);
  });
});
