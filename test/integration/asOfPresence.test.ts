/**
 * Figures as of a date, the member's side (issue 12): a member is 在册 from their 入党日期 when known, else from the
 * day they were entered — not since always; their accounts count from then on; a move and an account's edit hold
 * from the day they took effect, not the day they were typed; a 2025年度 review does not expect a member who came in 2026.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import type { ReportParams } from '../../src/reports/definition.js';
import { writeReport } from '../../src/reports/writeReport.js';
import { inspectWorkbook } from '../support/excel.js';
import { totals } from '../support/figuresCheck.js';
import { validId } from '../support/ids.js';
import { freshLedger } from '../support/ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-presence-'));
const l = freshLedger();
let now = new Date('2025-03-01T02:00:00Z');
l.ctx.clock = () => now;
const on = (day: string) => (now = new Date(`${day}T02:00:00Z`));

let n = 0;
async function summary(year: number, organization?: string): Promise<Map<string, number>> {
  const file = path.join(dir, `summary-${++n}.xlsx`);
  const params: ReportParams = { from: `${year}-01-01`, to: `${year}-12-31`, reportDate: `${year + 1}-01-05` };
  await writeReport(l.ctx, 'summary', params, file);
  return totals((await inspectWorkbook(file))[0]!, organization);
}

const ids = { root: 0, a: 0, b: 0 };
const m = { entered: 0, joined: 0, late: 0, imported: 0 };
let account = 0;
const A = '中共在册甲支部委员会';
const B = '中共在册乙支部委员会';
const fields = { platform: '微信公众号', region: '境内' as const, capacity: '个人' as const, kind: '公众账号' as const, displayName: '甲的公众号', accountRef: 'gh_presence', audience: 500 };

beforeAll(() => {
  ids.root = l.call('organizations.create', { parentId: null, fullName: '中共在册测试委员会', type: '党委' }).id;
  ids.a = l.call('organizations.create', { parentId: ids.root, fullName: A, type: '党支部' }).id;
  ids.b = l.call('organizations.create', { parentId: ids.root, fullName: B, type: '党支部' }).id;
  const member = (name: string, organizationId: number, i: number, joinedOn?: string) =>
    l.call('members.create', { name, organizationId, idNumber: validId(`1980-0${i}-1${i}`, 40 + i), ...(joinedOn ? { joinedOn } : {}) }).id;
  // Entered in March 2025: one without a 入党日期, one who joined in July 2024.
  m.entered = member('没日期', ids.a, 1);
  m.joined = member('有日期', ids.a, 2, '2024-07-01');
  account = l.call('accounts.create', { memberId: m.entered, ...fields, openedOn: '2024-06-01' }).id;
  on('2026-01-20');
  // Entered in 2026: one without a 入党日期, one from an old 名册 who joined in 2000.
  m.late = member('新来的', ids.b, 3);
  m.imported = member('名册里的', ids.b, 4, '2000-07-01');
  l.call('members.move', { id: m.entered, organizationId: ids.b, onDate: '2025-06-30' });
  l.call('accounts.update', { id: account, ...fields, capacity: '以职务身份', kind: '账号', openedOn: '2024-06-01', changedOn: '2025-10-01' });
});

describe('a member is 在册 from what the register knows, not since always', () => {
  it('counts in 2024 only the members who had joined by then, and no account of a member not yet here', async () => {
    const s = await summary(2024);
    // The one who joined in July 2024 and the old 名册's member (2000); not the one entered in 2025 without a date.
    expect(s.get('在册党员')).toBe(2);
    // The account opened in June 2024, but its holder is counted only from March 2025, when entered.
    expect(s.get('账号总数')).toBe(0);
  });

  it('counts in 2025 the members entered then and those of an old 名册 with an earlier 入党日期, not one who came in 2026', async () => {
    const s = await summary(2025);
    expect(s.get('在册党员')).toBe(3);
    expect(s.get('登记有网络账号的党员')).toBe(1);
    const b = await summary(2025, B);
    expect([b.get('在册党员'), b.get('账号总数')]).toEqual([2, 1]);
    expect((await summary(2025, A)).get('在册党员')).toBe(1);
  });

  it('dates a move and an account edit by the day they took effect', async () => {
    // Moved to 乙 on 30 June 2025 (typed in 2026): the account counts in 乙 for 2025; made official on 1 October 2025.
    const s = await summary(2025);
    expect([s.get('以职务身份开设'), s.get('个人公众账号')]).toEqual([1, 0]);
    expect((await summary(2025, B)).get('账号总数')).toBe(1);
    expect(l.fail('members.move', { id: m.joined, organizationId: ids.b, onDate: '2026-01-21' }).message).toBe(msg.date.future);
    // Not before the member is 在册 (entered 2026-01-20, no 入党日期), nor before their last change.
    expect(l.fail('members.move', { id: m.late, organizationId: ids.a, onDate: '2025-12-01' }).message).toBe(msg.member.moveBeforeLast('2026-01-20'));
    expect(l.fail('members.move', { id: m.entered, organizationId: ids.a, onDate: '2025-06-01' }).message).toBe(msg.member.moveBeforeLast('2025-06-30'));
    expect(l.fail('accounts.update', { id: account, ...fields, openedOn: '2024-06-01', changedOn: '2025-09-01' }).message).toBe(msg.account.changedBeforeLast('2025-10-01'));
    // The old 名册's member (entered 2026, 在册 since 2000) is known to have been in 甲 since May 2025: dated before entry.
    l.call('members.move', { id: m.imported, organizationId: ids.a, onDate: '2025-05-01' });
    expect([(await summary(2025, A)).get('在册党员'), (await summary(2024, A)).get('在册党员')]).toEqual([2, 1]);
  });

  it('expects in the 2025年度 review the members 在册 in 2025, on its page and on the 首页 alike', () => {
    const c = l.call('campaigns.create', { title: '2025年度', year: 2025, deadline: '2026-03-31', organizationIds: [ids.root] });
    expect(l.call('campaigns.completion', { id: c.id }).totals.expected).toBe(3);
    expect(l.call('dashboard.summary', {}).campaign?.expected).toBe(3);
    expect(l.fail('campaigns.declare', { campaignId: c.id, memberId: m.late, kind: '零报告', declaredOn: '2026-01-20' }).message).toBe(msg.campaign.notInScope);
    l.call('campaigns.declare', { campaignId: c.id, memberId: m.imported, kind: '零报告', declaredOn: '2026-01-20' });
    expect(l.call('dashboard.summary', {}).campaign).toMatchObject({ expected: 3, responded: 1 });
  });
});
