/**
 * Figures as of a date (issue 12 point 2): a register built over three years — closures, moves, a member leaving,
 * 报备规则 versions, filings submitted, returned and accepted — whose 2025 reports, printed on 31 December 2025 and
 * printed again in March 2026 after a year's changes, are the same cell by cell (openpyxl), while today's differ as
 * the register did. The one-set-of-figures cross-check passes over this register at both times.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportKind } from '../../src/contract/reports.js';
import { msg } from '../../src/i18n/messages.js';
import type { ReportParams } from '../../src/reports/definition.js';
import { writePackage } from '../../src/reports/upwardPackage.js';
import { writeReport } from '../../src/reports/writeReport.js';
import { inspectWorkbook, type InspectedSheet } from '../support/excel.js';
import { crossCheck, totals } from '../support/figuresCheck.js';
import { validId } from '../support/ids.js';
import { freshLedger } from '../support/ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-asof-'));
const l = freshLedger();
let now = new Date('2023-01-10T02:00:00Z');
l.ctx.clock = () => now;
const on = (day: string) => (now = new Date(`${day}T02:00:00Z`));

let n = 0;
async function sheets(kind: ReportKind, params: ReportParams = {}): Promise<InspectedSheet[]> {
  const file = path.join(dir, `${kind}-${++n}.xlsx`);
  await writeReport(l.ctx, kind, params, file);
  return inspectWorkbook(file);
}

const env = { db: l.db, call: l.call, sheets };
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31', reportDate: '2026-01-05' } as const;
const KINDS: [ReportKind, ReportParams][] = [
  ['summary', {}],
  ['detail', {}],
  ['detail', { listing: 'all' }],
  ['detail', { listing: 'closed' }],
];

const ids = { root: 0, a: 0, b: 0 };
const m: number[] = [];
const acc: Record<string, number> = {};
const SUZHOU = { basisName: '关于规范党员干部网络行为的实施办法', basisNumber: '苏宣发〔2019〕19号' };

const account = (memberId: number, over: Record<string, unknown>) => ({
  memberId,
  platform: '微信公众号',
  region: '境内' as const,
  capacity: '个人' as const,
  kind: '公众账号' as const,
  displayName: `账号${memberId}`,
  accountRef: `ref_${memberId}_${Object.keys(acc).length}`,
  audience: 5000,
  administrator: '管理员甲',
  ...over,
});

/** Every report of the 2025 period, over the whole tree and over branch 乙, as openpyxl reads them. */
async function print2025(): Promise<InspectedSheet[][]> {
  const out: InspectedSheet[][] = [];
  for (const organizationId of [undefined, ids.b]) for (const [kind, params] of KINDS) out.push(await sheets(kind, { ...YEAR_2025, ...params, organizationId }));
  return out;
}

let atPeriodEnd: InspectedSheet[][];
let packageAtPeriodEnd: unknown;

/** The data of the 2025 上报数据包 (the header holds when it was generated). */
async function package2025(): Promise<unknown> {
  const file = path.join(dir, `package-${++n}.json`);
  await writePackage(l.ctx, { ...YEAR_2025, period: '2025年度' }, file);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { data: unknown }).data;
}

beforeAll(async () => {
  ids.root = l.call('organizations.create', { parentId: null, fullName: '中共示例县测试委员会', type: '党委' }).id;
  ids.a = l.call('organizations.create', { parentId: ids.root, fullName: '中共测试甲支部委员会', type: '党支部' }).id;
  ids.b = l.call('organizations.create', { parentId: ids.root, fullName: '中共测试乙支部委员会', type: '党支部' }).id;
  // A second top-level organization with its own account: with none chosen, the 首页 and the reports both take the first.
  const other = l.call('organizations.create', { parentId: null, fullName: '中共另一测试委员会', type: '党委' }).id;
  const outsider = l.call('members.create', { name: '成员九', organizationId: other, idNumber: validId('1980-09-19', 39) }).id;
  l.call('accounts.create', account(outsider, { openedOn: '2023-01-06' }));
  // m[1], m[3] (moves to 甲 in 2024), m[4], m[6] in 甲; m[2] (moves to 甲 in 2026), m[5], m[7], m[8] in 乙.
  const orgOf = [0, ids.a, ids.b, ids.b, ids.a, ids.b, ids.a, ids.b, ids.b];
  for (let i = 1; i <= 8; i++) m[i] = l.call('members.create', { name: `成员${'一二三四五六七八'[i - 1]}`, organizationId: orgOf[i]!, idNumber: validId(`1980-0${i}-1${i}`, 30 + i) }).id;

  acc.official = l.call('accounts.create', account(m[1]!, { capacity: '以职务身份', kind: '账号', platform: '微博', openedOn: '2023-01-05' })).id;
  acc.public = l.call('accounts.create', account(m[2]!, { openedOn: '2023-01-02' })).id;
  acc.group = l.call('accounts.create', account(m[3]!, { kind: '群组', platform: '微信群', accountRef: null, audience: 300, openedOn: '2023-01-03' })).id;
  acc.ordinary = l.call('accounts.create', account(m[4]!, { kind: '账号', platform: '抖音', openedOn: '2023-01-04' })).id;
  const filed = l.call('filings.submit', { accountId: acc.official, type: '报告', submittedOn: '2023-01-08' });
  l.call('filings.review', { id: filed.id, decision: '登记', reviewedOn: '2023-01-09', opinion: '同意' });

  on('2024-03-01');
  l.call('accounts.close', { id: acc.ordinary, closedOn: '2024-02-20', reason: '不再使用' });
  l.call('members.move', { id: m[3]!, organizationId: ids.a });
  l.call('members.changeStatus', { id: m[5]!, status: '退休', date: '2024-02-28' });

  on('2024-07-01');
  l.call('settings.update', { groupMemberThreshold: 200, ...SUZHOU });

  on('2025-03-01');
  acc.official2 = l.call('accounts.create', account(m[6]!, { capacity: '以职务身份', kind: '账号', platform: '抖音', openedOn: '2025-02-01' })).id;
  const returned = l.call('filings.submit', { accountId: acc.official2, type: '报告', submittedOn: '2025-03-01' });
  on('2025-03-10');
  l.call('filings.review', { id: returned.id, decision: '退回补正', reviewedOn: '2025-03-10', opinion: '请补充管理员' });
  on('2025-06-01');
  l.call('accounts.update', { ...account(m[1]!, { capacity: '以职务身份', kind: '账号', platform: '微博', openedOn: '2023-01-05' }), accountRef: 'ref_1_0', id: acc.official, displayName: '改名后的微博' });

  on('2025-12-31');
  atPeriodEnd = await print2025();
  packageAtPeriodEnd = await package2025();
  await crossCheck(env, undefined, [ids.root, ids.a, ids.b]);

  // 2026: what the register learns after the period — none of it dated in 2025.
  on('2026-01-20');
  const late = l.call('filings.submit', { accountId: acc.public, type: '备案', submittedOn: '2026-01-10' });
  l.call('filings.review', { id: late.id, decision: '登记', reviewedOn: '2026-01-15' });
  l.call('filings.resubmit', { id: returned.id, submittedOn: '2026-01-12' });
  l.call('filings.review', { id: returned.id, decision: '登记', reviewedOn: '2026-01-16', opinion: '同意报告' });
  acc.newPublic = l.call('accounts.create', account(m[8]!, { openedOn: '2026-01-05', audience: 20_000 })).id;
  on('2026-02-05');
  l.call('accounts.close', { id: acc.official, closedOn: '2026-02-01', reason: '岗位调整' });
  l.call('members.move', { id: m[2]!, organizationId: ids.a });
  l.call('members.changeStatus', { id: m[7]!, status: '转出', date: '2026-02-03' });
  l.call('settings.update', { publicAccountFollowerThreshold: 10_000, basisName: '中国共产党党员网络行为规定', basisNumber: null, effectiveFrom: '2026-02-01' });
  on('2026-03-01');
  l.call('accounts.update', { ...account(m[3]!, { kind: '群组', platform: '微信群', accountRef: null, audience: 350, openedOn: '2023-01-03' }), id: acc.group });
}, 180_000);

describe('a period report is the register as it stood at the period’s end', () => {
  it('prints the 2025 reports in March 2026 exactly as on 31 December 2025, cell by cell', async () => {
    const later = await print2025();
    expect(later).toHaveLength(atPeriodEnd.length);
    later.forEach((book, i) => {
      book.forEach((sheet, j) => {
        const before = atPeriodEnd[i]![j]!;
        expect(sheet.cells.map((c) => [c.ref, c.value, c.cached])).toEqual(before.cells.map((c) => [c.ref, c.value, c.cached]));
        expect(sheet.merged).toEqual(before.merged);
      });
    });
  }, 120_000);

  it('sends the same 2025 上报数据包 later: members, accounts and their states as they stood', async () => {
    const later = (await package2025()) as { members: { status: string }[]; accounts: { filingState: string }[] };
    expect(later).toEqual(packageAtPeriodEnd);
    expect(later.members.filter((x) => x.status === '在册')).toHaveLength(7);
    // The ordinary account closed in 2024, before the period: not sent.
    expect(later.accounts.map((a) => a.filingState).sort()).toEqual(['变更未报', '未报备', '未报备', '需补正'].sort());
  });

  it('counts 2025 as it was: members, accounts, states, organizations and the rule then in force', async () => {
    const [summary] = await sheets('summary', YEAR_2025);
    const s = totals(summary!);
    // 成员五 retired in 2024; 成员七 left only in 2026.
    expect(s.get('在册党员')).toBe(7);
    expect(s.get('登记有网络账号的党员')).toBe(4);
    // Open at the end of 2025: the first official account (closed 2026), the public account, the group, the second official one.
    expect(s.get('账号总数')).toBe(4);
    expect([s.get('以职务身份开设'), s.get('个人公众账号'), s.get('个人群组'), s.get('个人其他账号')]).toEqual([2, 1, 1, 0]);
    // 报告: one renamed after acceptance (变更未报备), one returned (需补正), neither accepted yet.
    expect([s.get('应报告'), s.get('已报告'), s.get('变更未报备'), s.get('需补正')]).toEqual([2, 0, 1, 1]);
    // 备案: the public account (accepted only in 2026) and the group (over the 200-member threshold since July 2024), both overdue.
    expect([s.get('应备案'), s.get('未报备#2'), s.get('其中逾期未报#2')]).toEqual([2, 2, 2]);
    // The public account belonged to 乙 in 2025 (its owner moved to 甲 in 2026); the group's owner moved to 甲 in 2024.
    expect(totals(summary!, '中共测试乙支部委员会').get('账号总数')).toBe(1);
    expect(totals(summary!, '中共测试甲支部委员会').get('账号总数')).toBe(3);
    const subtitle = String(summary!.cells.find((c) => String(c.value).startsWith('统计期间'))!.value);
    expect(subtitle).toContain(msg.report.basis(SUZHOU.basisName, SUZHOU.basisNumber));
  }, 120_000);

  it('counts today as the register is now, by the rule now in force', async () => {
    const [summary] = await sheets('summary', {});
    const s = totals(summary!);
    expect(s.get('在册党员')).toBe(6);
    expect(s.get('账号总数')).toBe(4);
    // The public account (5,000 followers) needs nothing under the 10,000 threshold in force since February 2026.
    expect([s.get('应报告'), s.get('已报告')]).toEqual([1, 1]);
    expect([s.get('应备案'), s.get('未报备#2')]).toEqual([2, 2]);
    expect(totals(summary!, '中共测试甲支部委员会').get('账号总数')).toBe(3);
    expect(String(summary!.cells.find((c) => String(c.value).startsWith('截至'))!.value)).toContain('依据：《中国共产党党员网络行为规定》');
    await crossCheck(env, undefined, [ids.root, ids.a, ids.b]);
    await crossCheck(env, ids.a, [ids.a]);
  }, 120_000);

  it('keeps the 报备规则 as versions with their effective day and basis, newest first', () => {
    const settings = l.call('settings.get', {});
    expect(settings).toMatchObject({ publicAccountFollowerThreshold: 10_000, groupMemberThreshold: 200, effectiveFrom: '2026-02-01', basisName: '中国共产党党员网络行为规定', basisNumber: null });
    expect(settings.ruleHistory.map((v) => [v.effectiveFrom, v.groupMemberThreshold, v.publicAccountFollowerThreshold, v.basisNumber])).toEqual([
      ['2026-02-01', 200, 10_000, null],
      ['2024-07-01', 200, null, SUZHOU.basisNumber],
      ['0000-01-01', null, null, null],
    ]);
    expect(l.fail('settings.update', { deadlineDays: 20, effectiveFrom: '2026-03-02' }).message).toBe(msg.date.future);
    // Saving only the signature line is no new version of the rules.
    l.call('settings.update', { signature: { leader: '甲', reviewer: '乙', preparer: '丙', phone: '' } });
    expect(l.call('settings.get', {}).ruleHistory).toHaveLength(3);
  });
});
