/**
 * 工作交接清单 (issue 12 point 7): everything open in a subtree for a secretary's successor, written by the report
 * writer and read back with openpyxl — which items are listed, in what order, counted how, and signed by whom.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/reports/writeReport.js';
import { inspectWorkbook, type InspectedSheet } from '../support/excel.js';
import { publicAccount, registerWithMembers } from '../support/register.js';

let r: ReturnType<typeof registerWithMembers>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-handover-'));

beforeAll(() => {
  r = registerWithMembers();
  const account = (memberId: number, over: Record<string, unknown>) => r.call('accounts.create', publicAccount(memberId, over)).id;
  const submit = (accountId: number, type: '报告' | '备案', on: string) => r.call('filings.submit', { accountId, type, submittedOn: on }).id;
  account(r.m1, { capacity: '以职务身份', displayName: '甲支部工作号', accountRef: 'jia', openedOn: '2026-09-01' }); // due 10-01: overdue
  account(r.m1, { displayName: '甲一读书', accountRef: 'jia1', openedOn: '2026-11-10' }); // due 12-10
  const changed = account(r.m2, { displayName: '乙二说法', accountRef: 'yi2' });
  r.call('filings.review', { id: submit(changed, '备案', '2026-11-02'), decision: '登记', reviewedOn: '2026-11-03' });
  r.call('accounts.handover', { id: changed, onDate: '2026-11-20', administrator: '乙三' });
  const returned = account(r.m2, { displayName: '乙二随笔', accountRef: 'yi2b' });
  r.call('filings.review', { id: submit(returned, '备案', '2026-11-04'), decision: '退回补正', reviewedOn: '2026-11-05', opinion: '请补充认证主体' });
  submit(account(r.m2, { displayName: '乙二视频', accountRef: 'yi2v' }), '备案', '2026-11-15');
  const done = account(r.m3, { displayName: '乙三之声', accountRef: 'yi3' });
  r.call('filings.review', { id: submit(done, '备案', '2026-11-02'), decision: '登记', reviewedOn: '2026-11-03' });
  account(r.m3, { platform: '微博', kind: '账号', displayName: '乙三日常', accountRef: 'yi3d' }); // needs no filing

  const request = (organizationId: number, title: string, on: string) => r.call('requests.create', { organizationId, requesterName: '甲一', title, requestedOn: on }).id;
  request(r.a, '关于发布志愿服务通知的请示', '2026-11-18');
  r.call('requests.decide', { id: request(r.b, '关于发布学习心得的请示', '2026-11-10'), decision: '同意', decidedBy: '王书记', decidedOn: '2026-11-11' });
  const published = request(r.b, '已发布的请示', '2026-11-01');
  r.call('requests.decide', { id: published, decision: '同意', decidedBy: '王书记', decidedOn: '2026-11-02' });
  r.call('requests.published', { id: published, publishedOn: '2026-11-03' });
  r.call('requests.decide', { id: request(r.b, '不同意的请示', '2026-11-01'), decision: '不同意', decidedBy: '王书记', decidedOn: '2026-11-02' });

  const campaign = r.call('campaigns.create', { title: '2026年度', year: 2026, deadline: '2026-12-31', organizationIds: [r.root] }).id;
  r.call('campaigns.declare', { campaignId: campaign, memberId: r.m1, kind: '申报', declaredOn: '2026-11-20' });
  r.call('protection.create', { memberId: r.m3, attackedOn: '2026-11-12', platform: '微博', description: '发布辟谣信息后遭到网络围攻', handledBy: '李干事' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(organizationId?: number): Promise<Map<string, string[][]>> {
  const file = path.join(dir, `handover-${organizationId ?? 'all'}.xlsx`);
  await writeReport(r.ctx, 'handover', { organizationId }, file);
  return new Map(inspectWorkbook(file).map((s) => [s.name, table(s)]));
}

/** The sheet's rows below its header (row 4) as openpyxl reads them, formulas by their cached value. */
function table(sheet: InspectedSheet): string[][] {
  const rows: string[][] = [];
  for (const c of sheet.cells) {
    const row = Number(c.ref.replace(/^[A-Z]+/, ''));
    if (row <= 4) continue;
    const col = c.ref.replace(/\d+$/, '').charCodeAt(0) - 65;
    ((rows[row - 5] ??= [])[col] = String(c.cached ?? c.value));
  }
  const width = Math.max(...rows.filter(Boolean).map((r) => r.length));
  return rows.filter(Boolean).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

const SIGNATURE = /^移交人（签字）：\s+接收人（签字）：\s+监交人（签字）：\s+交接日期：/;

describe('工作交接清单', () => {
  it('lists the whole tree\'s open items, sheet by sheet, with an overview and a line for 移交人/接收人', async () => {
    const book = await workbook();
    expect([...book.keys()]).toEqual(['概况', '待报备账号', '待审核报备', '待办请示', '核查未报送', '保护支持']);
    const overview = book.get('概况')!;
    expect(overview.slice(0, 6).map((row) => [row[1], row[2], row[3]])).toEqual([
      ['需报告/备案而未办结的账号', '4', '个'],
      ['其中逾期未报', '1', '个'],
      ['待审核的报备', '1', '条'],
      ['待审批或待登记发布的请示', '2', '件'],
      ['年度核查未报送', '2', '人'],
      ['处理中的保护支持', '1', '件'],
    ]);
    // No 合计 under items of different kinds; the signature line follows them.
    expect(overview.flat()).not.toContain('合计');
    expect(overview.at(-1)![0]).toMatch(SIGNATURE);

    const accounts = book.get('待报备账号')!;
    expect(accounts.map((row) => row.slice(0, 9))).toEqual([
      ['1', '甲一', '微信公众号', '甲支部工作号', '报告', '未报备（逾期未报）', '2026-10-01', '55', '督促本人报告/备案'],
      ['2', '甲一', '微信公众号', '甲一读书', '备案', '未报备', '2026-12-10', '', '督促本人报告/备案'],
      ['甲支部　小计', '', '', '2', '', '', '', '', ''],
      ['3', '乙二', '微信公众号', '乙二说法', '备案', '变更未报备', '', '', '督促报备变更'],
      ['4', '乙二', '微信公众号', '乙二随笔', '备案', '需补正', '', '', '督促按党组织意见补正后重新提交'],
      ['乙支部　小计', '', '', '2', '', '', '', '', ''],
      ['合计', '', '', '4', '', '', '', '', ''],
      [expect.stringMatching(SIGNATURE), '', '', '', '', '', '', '', ''],
    ]);
    expect(book.get('待审核报备')!.slice(0, 2).map((row) => row.slice(0, 8))).toEqual([
      ['1', '2026-11-15', '乙二', '乙支部', '微信公众号', '乙二视频', '备案', '10'],
      ['合计', '', '1', '', '', '', '', ''],
    ]);
    expect(book.get('待办请示')!.slice(0, 2).map((row) => [row[4], row[5]])).toEqual([
      ['关于发布学习心得的请示', '同意，待登记发布'],
      ['关于发布志愿服务通知的请示', '待审批'],
    ]);
    expect(book.get('核查未报送')!.filter((row) => /^\d+$/.test(row[0]!)).map((row) => [row[1], row[2], row[5]])).toEqual([
      ['乙二', '乙支部', '2026-12-31'],
      ['乙三', '乙支部', '2026-12-31'],
    ]);
    expect(book.get('核查未报送')!.some((row) => row[0] === '2026年度　小计')).toBe(true);
    expect(book.get('保护支持')![0]!.slice(1, 8)).toEqual(['2026-11-12', '乙三', '乙支部', '微博', '发布辟谣信息后遭到网络围攻', '李干事', '0']);
  });

  it('for one branch lists only that branch\'s items', async () => {
    const book = await workbook(r.a);
    expect(book.get('概况')!.slice(0, 6).map((row) => row[2])).toEqual(['2', '1', '0', '1', '0', '0']);
    expect(book.get('待报备账号')!.filter((row) => /^\d+$/.test(row[0]!)).map((row) => row[3])).toEqual(['甲支部工作号', '甲一读书']);
    expect(book.get('待办请示')!.filter((row) => /^\d+$/.test(row[0]!)).map((row) => row[4])).toEqual(['关于发布志愿服务通知的请示']);
  });

  it('counts people once on the 概况 when two reviews run at once, and lines per review on its sheet', async () => {
    r.call('campaigns.create', { title: '2026年度补充核查', year: 2026, deadline: '2026-12-31', organizationIds: [r.root] });
    const book = await workbook();
    expect(book.get('概况')![4]!.slice(1, 4)).toEqual(['年度核查未报送', '3', '人']);
    const lines = book.get('核查未报送')!.filter((row) => /^\d+$/.test(row[0]!)).map((row) => row[1]);
    expect(lines).toEqual(['乙二', '乙三', '甲一', '乙二', '乙三']);
  });
});
