/**
 * The paper around a filing, read back with openpyxl against the register: the 报告/备案登记表 and 零报告表 (A4
 * portrait, fit to width, the unit's wording, signing blocks), and the 催报名单, whose sheets hold exactly the
 * accounts behind the 首页's figures — the 即将到期 sheet as many rows as the 首页's "due within N days".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/contract/operators.js';
import { msg } from '../../src/i18n/messages.js';
import { maskIdNumber, maskPhone } from '../../src/domain/mask.js';
import { writeForm } from '../../src/reports/paperForms.js';
import { writeReport } from '../../src/reports/writeReport.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { inspectWorkbook, type InspectedSheet } from '../support/excel.js';
import { caller } from '../support/ledger.js';
import { validId } from '../support/ids.js';
import { publicAccount, registerWithMembers } from '../support/register.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-paper-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const BASIS = '《中共测试委员会网络账号报告备案实施细则》（测委办发〔2026〕3号）';
/** The forms cite the 细则 of the 报备规则 version in force, the one the reports cite (one basis, not a second one of the 表格用语). */
const RULES_BASIS = { basisName: '中共测试委员会网络账号报告备案实施细则', basisNumber: '测委办发〔2026〕3号' };

/** The frozen day is 2026-11-25; the unit's deadline 30 days. */
function register() {
  const r = registerWithMembers();
  r.call('settings.update', { ...RULES_BASIS, formWording: { pledge: '本人承诺所填属实。', zeroStatement: '本人没有需报告或备案的账号。', note: '注：一式两份。' } });
  const official = (memberId: number, displayName: string, openedOn: string) =>
    r.call('accounts.create', { ...publicAccount(memberId), capacity: '以职务身份', kind: '账号', displayName, accountRef: displayName, openedOn }).id;
  const overdue = official(r.m1, '甲一政务号', '2026-10-01'); // due 10-31: 逾期未报 (25 days)
  const dueSoon = official(r.m2, '乙二政务号', '2026-11-01'); // due 12-01: within 7 days
  const dueLater = official(r.m3, '乙三政务号', '2026-11-20'); // due 12-20: within 30 days, not 7
  official(r.m3, '乙三边界号', '2026-11-03'); // due 12-03: the day after a 7-day window ends
  const returned = r.call('accounts.create', publicAccount(r.m2, { displayName: '乙二读书', accountRef: 'b2' })).id;
  const f = r.call('filings.submit', { accountId: returned, type: '备案', submittedOn: '2026-11-02' });
  r.call('filings.review', { id: f.id, decision: '退回补正', reviewedOn: '2026-11-03', opinion: '请补充认证主体' });
  const changed = r.call('accounts.create', publicAccount(r.m3, { displayName: '乙三笔记', accountRef: 'c3' })).id;
  const g = r.call('filings.submit', { accountId: changed, type: '备案', submittedOn: '2026-11-02' });
  r.call('filings.review', { id: g.id, decision: '登记', reviewedOn: '2026-11-05' });
  r.call('accounts.update', { ...publicAccount(r.m3, { displayName: '乙三新笔记', accountRef: 'c3' }), id: changed });
  const campaign = r.call('campaigns.create', { title: '2026年度', year: 2026, deadline: '2026-12-31', organizationIds: [r.root] });
  r.call('campaigns.declare', { campaignId: campaign.id, memberId: r.m1, kind: '申报', declaredOn: '2026-11-20' });
  return { ...r, overdue, dueSoon, dueLater, returned, changed };
}

/** Text of every cell by reference (formulas as their cached values). */
const cells = (s: InspectedSheet) => new Map(s.cells.map((c) => [c.ref, String(c.type === 'f' ? c.cached : c.value)]));
/** The value printed right of a label in the form's grid (label in A or C, value in B or D). */
function valueBeside(s: InspectedSheet, label: string): string | undefined {
  const at = s.cells.find((c) => c.value === label);
  if (!at) return undefined;
  const next = String.fromCharCode(at.ref.charCodeAt(0) + 1) + at.ref.slice(1);
  return cells(s).get(next) ?? '';
}
/** The names in column B of a 催报 sheet's numbered rows. */
const namesOf = (s: InspectedSheet) => s.cells.filter((c) => /^A\d+$/.test(c.ref) && typeof c.value === 'number').map((c) => cells(s).get(`B${c.ref.slice(1)}`));

describe('登记表 and 零报告表', () => {
  it('prefills the 报告登记表 of an account from the register, on A4 portrait one page wide, with the unit\'s wording and room to sign and stamp', async () => {
    const r = register();
    const out = path.join(dir, 'filing.xlsx');
    await writeForm(r.ctx, { form: 'filing', accountId: r.overdue, fullIdNumbers: true }, out);
    const [s] = inspectWorkbook(out);
    const member = r.call('members.get', { id: r.m1 }) as { idNumber: string; name: string };
    expect(s!.name).toBe('登记表');
    expect([s!.orientation, s!.paperSize, s!.fitToPage, s!.fitToWidth, s!.fitToHeight, s!.horizontalCentered]).toEqual(['portrait', 9, true, 1, 0, true]);
    const text = cells(s!);
    expect(text.get('A1')).toBe('党员干部网络账号报告登记表');
    expect(text.get('A2')).toBe(`依据：${BASIS}`);
    expect(text.get('A3')).toContain(`编号：账号${r.overdue}`);
    expect(valueBeside(s!, '姓名')).toBe(member.name);
    expect(valueBeside(s!, '身份证号')).toBe(member.idNumber);
    expect(valueBeside(s!, '所在党组织')).toBe('甲支部');
    expect(valueBeside(s!, '网络平台')).toBe('微信公众号');
    expect(valueBeside(s!, '账号（群组）名称')).toBe('甲一政务号');
    expect(valueBeside(s!, '开设身份')).toBe('以职务身份');
    expect(valueBeside(s!, '开设时间')).toBe('2026年10月1日');
    expect(valueBeside(s!, '报备类型')).toBe('☑报告　□备案　□变更　□注销');
    const all = [...text.values()].join('\n');
    expect(all).toContain('本人承诺所填属实。');
    expect(all).toContain('本人签字：');
    expect(all).toContain('（党组织盖章）');
    expect(valueBeside(s!, '党组织意见')).toContain('负责人签字：');
    expect(all).toContain('注：一式两份。');
    expect(String(s!.printArea)).toContain(`$A$1:$D$${s!.maxRow}`);
  });

  it('prints 变更 on the form of a changed account, masked ID numbers when asked, and a blank form with boxes to tick', async () => {
    const r = register();
    const changed = path.join(dir, 'changed.xlsx');
    await writeForm(r.ctx, { form: 'filing', accountId: r.changed, fullIdNumbers: false }, changed);
    const [c] = inspectWorkbook(changed);
    expect(cells(c!).get('A1')).toBe('党员干部网络账号备案登记表');
    expect(valueBeside(c!, '报备类型')).toBe('□报告　□备案　☑变更　□注销');
    expect(valueBeside(c!, '身份证号')).toBe(maskIdNumber((r.call('members.get', { id: r.m3 }) as { idNumber: string }).idNumber));
    const blank = path.join(dir, 'blank.xlsx');
    await writeForm(r.ctx, { form: 'filing', fullIdNumbers: true }, blank);
    const [b] = inspectWorkbook(blank);
    expect(cells(b!).get('A1')).toBe('党员干部网络账号报告（备案）登记表');
    expect(valueBeside(b!, '姓名')).toBe('');
    expect(valueBeside(b!, '开设身份')).toBe('□以职务身份　□个人');
    expect(valueBeside(b!, '报备类型')).toBe('□报告　□备案　□变更　□注销');
  });

  it('writes text that starts like a formula as text (写为文本), as every report does', async () => {
    const r = register();
    const id = r.call('accounts.create', publicAccount(r.m1, { displayName: "=cmd|'/C calc'!A0", accountRef: '+8613800000000' })).id;
    const out = path.join(dir, 'formula.xlsx');
    await writeForm(r.ctx, { form: 'filing', accountId: id, fullIdNumbers: false }, out);
    const [sheet] = inspectWorkbook(out);
    const cell = (value: string) => sheet!.cells.find((c) => c.value === value);
    expect(cell("=cmd|'/C calc'!A0")).toMatchObject({ type: 's', quotePrefix: true });
    expect(cell('+8613800000000')).toMatchObject({ quotePrefix: true });
    expect(cell('姓名')).toMatchObject({ quotePrefix: false });
  });

  it('keeps every row of a form within Excel\'s 409-point limit, however long the unit\'s wording', async () => {
    const r = register();
    const pledge = Array.from({ length: 60 }, (_, i) => `第${i + 1}条承诺。`).join('\n').slice(0, 500);
    r.call('settings.update', { formWording: { pledge, zeroStatement: '本人没有需报告或备案的账号。', note: '注：一式两份。' } });
    const out = path.join(dir, 'long-pledge.xlsx');
    await writeForm(r.ctx, { form: 'filing', accountId: r.overdue, fullIdNumbers: false }, out);
    const heights = Object.values(inspectWorkbook(out)[0]!.rowHeights);
    expect(Math.max(...heights)).toBe(409);
  });

  it('prefills the 零报告表 of a member for the open annual review, and prints it blank', async () => {
    const r = register();
    const out = path.join(dir, 'zero.xlsx');
    await writeForm(r.ctx, { form: 'zero', memberId: r.m2, fullIdNumbers: true }, out);
    const [s] = inspectWorkbook(out);
    const text = cells(s!);
    expect(s!.name).toBe('零报告表');
    expect(s!.orientation).toBe('portrait');
    expect(text.get('A1')).toBe('党员干部网络账号年度核查零报告表');
    expect(text.get('A3')).toBe('核查年度：2026年度　　　　报送截止日期：2026年12月31日');
    expect(valueBeside(s!, '姓名')).toBe('乙二');
    expect([...text.values()].join('\n')).toContain('本人没有需报告或备案的账号。');
    const blank = path.join(dir, 'zero-blank.xlsx');
    await writeForm(r.ctx, { form: 'zero', fullIdNumbers: true }, blank);
    expect(valueBeside(inspectWorkbook(blank)[0]!, '姓名')).toBe('');
  });
});

describe('零报告表 asked for a member', () => {
  it('is refused for whom the review would not accept a 零报告: open accounts, outside its scope, no longer 在册', () => {
    const r = register();
    const member = (name: string, organizationId: number, seq: number) => r.call('members.create', { name, organizationId, idNumber: validId('1990-01-01', seq) }).id;
    const none = member('丁一', r.a, 41);
    const elsewhere = member('丁二', r.call('organizations.create', { parentId: null, fullName: '中共另一委员会', type: '党委' }).id, 42);
    // In the register since their 入党日期, so they may be recorded as having died before they were entered.
    const gone = r.call('members.create', { name: '丁三', organizationId: r.a, idNumber: validId('1990-01-01', 43), joinedOn: '2015-07-01' }).id;
    r.call('members.changeStatus', { id: gone, status: '去世', date: '2026-11-01' });
    const ask = (memberId: number) => r.fail('reports.start', { type: 'form', form: 'zero', memberId }).message;
    expect(ask(r.m2)).toBe(msg.campaign.zeroWithAccounts(2));
    expect(ask(elsewhere)).toBe(msg.campaign.notInScope);
    expect(ask(gone)).toBe(msg.campaign.notInScope);
    // Accepted: the call goes on to the export jobs (none in this in-memory register).
    expect(ask(none)).toBe(msg.report.exportsUnavailable);
  });
});

describe('催报名单', () => {
  it('lists, by organization, exactly the accounts behind the 首页\'s 逾期未报, 需补正 and 变更未报备, the accounts due within N days, and who has not answered the annual review', async () => {
    const r = register();
    const out = path.join(dir, 'chase.xlsx');
    await writeReport(r.ctx, 'chase', {}, out);
    const sheets = inspectWorkbook(out);
    expect(sheets.map((s) => s.name)).toEqual(['逾期未报', '需补正', '变更未报备', '即将到期', '年度核查未报送']);
    const [overdue, correction, changed, dueSoon, campaign] = sheets as [InspectedSheet, InspectedSheet, InspectedSheet, InspectedSheet, InspectedSheet];
    const d = r.call('dashboard.summary', {});
    expect(namesOf(overdue)).toEqual(['甲一']);
    expect(namesOf(overdue).length).toBe(d.report.overdue + d.record.overdue);
    expect(cells(overdue).get('I5')).toBe('已逾期25天');
    expect(namesOf(correction)).toEqual(['乙二']);
    expect(cells(correction).get('I5')).toBe('请补充认证主体');
    expect(namesOf(correction).length).toBe(d.report.correction + d.record.correction);
    expect(namesOf(changed)).toEqual(['乙三']);
    expect(namesOf(changed).length).toBe(d.report.changed + d.record.changed);
    expect(cells(changed).get('E5')).toBe('乙三新笔记');
    expect(namesOf(dueSoon)).toEqual(['乙二']);
    expect(d.dueSoon).toEqual({ days: 7, until: '2026-12-02', count: 1 });
    expect(cells(dueSoon).get('A2')).toBe('2026年11月25日至2026年12月2日（7天内）到期');
    // Each group is named on its 小计, and the 合计 counts every row.
    expect(cells(overdue).get('A6')).toBe('甲支部　小计');
    expect(namesOf(campaign)).toEqual(['乙二', '乙三']);
    expect(namesOf(campaign).length).toBe(r.call('campaigns.missing', { id: 1 }).total);
  });

  it('gives the 首页\'s "due within N days" exactly as many accounts as the list\'s 即将到期 sheet, for any N', async () => {
    const r = register();
    for (const days of [1, 7, 8, 30, 365]) {
      const out = path.join(dir, `due-${days}.xlsx`);
      await writeReport(r.ctx, 'chase', { dueWithinDays: days }, out);
      const rows = namesOf(inspectWorkbook(out).find((s) => s.name === '即将到期')!);
      const count = r.call('dashboard.summary', { dueWithinDays: days }).dueSoon.count;
      expect(rows.length).toBe(count);
      expect(count).toBe({ 1: 0, 7: 1, 8: 2, 30: 3, 365: 3 }[days]);
    }
    // Within a branch: the 首页 of 乙支部 and the list for it.
    const out = path.join(dir, 'due-b.xlsx');
    await writeReport(r.ctx, 'chase', { organizationId: r.a, dueWithinDays: 30 }, out);
    expect(namesOf(inspectWorkbook(out).find((s) => s.name === '即将到期')!)).toEqual([]);
    expect(r.call('dashboard.summary', { organizationId: r.a, dueWithinDays: 30 }).dueSoon.count).toBe(0);
  });
});

describe('forms and lists through the export job', () => {
  const ADMIN: Caller = { operatorId: 1, name: '管理员甲', role: '管理员' };
  const READER: Caller = { operatorId: 9, name: '只读甲', role: '只读' };
  const PHONE = '13812345678';

  it('prints whole ID numbers and phones for the administrator and masked ones for a 只读 operator, on forms and the lists of people to call', async () => {
    const ledger = openAdminLedger(path.join(dir, 'data'));
    try {
      const call = caller(ledger.registry);
      const org = call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
      const idNumber = validId('1985-03-04', 21);
      const member = call('members.create', { name: '丙一', organizationId: org, idNumber, phone: PHONE }).id;
      call('members.create', { name: '丙二', organizationId: org, idNumber: validId('1986-03-04', 22), phone: PHONE });
      const account = call('accounts.create', publicAccount(member)).id;
      const campaign = call('campaigns.create', { title: '2026年度', year: 2026, deadline: '2026-12-31', organizationIds: [org] }).id;
      const exportAs = async (input: Record<string, unknown>, as: Caller) => {
        const started = ledger.registry.invoke('reports.start', input, as) as { ok: true; value: { id: string; fileName: string } };
        return { fileName: started.value.fileName, sheets: inspectWorkbook((await ledger.jobs.wait(started.value.id)).file!) };
      };
      const formAs = async (as: Caller) => {
        const { fileName, sheets } = await exportAs({ type: 'form', form: 'filing', accountId: account }, as);
        expect(fileName).toMatch(/^网络账号报备登记表_丙一_示例读书笔记_中共测试委员会_\d{8}\.xlsx$/);
        return [valueBeside(sheets[0]!, '身份证号'), valueBeside(sheets[0]!, '联系电话')];
      };
      expect(await formAs(ADMIN)).toEqual([idNumber, PHONE]);
      expect(await formAs(READER)).toEqual([maskIdNumber(idNumber), maskPhone(PHONE)]);
      // The 年度核查未报送 sheets of the 催报名单 and the 交接清单: column of phones, as the member's page shows them.
      const phonesAs = async (kind: string, sheet: string, as: Caller) =>
        (await exportAs({ type: 'report', kind, campaignId: campaign }, as)).sheets.find((s) => s.name === sheet)!.cells.filter((c) => /^1\d{2}/.test(String(c.value))).map((c) => c.value);
      expect(await phonesAs('chase', '年度核查未报送', ADMIN)).toEqual([PHONE, PHONE]);
      expect(await phonesAs('chase', '年度核查未报送', READER)).toEqual([maskPhone(PHONE), maskPhone(PHONE)]);
      expect(await phonesAs('handover', '核查未报送', READER)).toEqual([maskPhone(PHONE), maskPhone(PHONE)]);
      const missing = (as: Caller) => (ledger.registry.invoke('campaigns.missing', { id: campaign }, as) as { ok: true; value: { rows: { name: string; idNumber: string; phone: string }[] } }).value.rows.find((m) => m.name === '丙一');
      expect(missing(ADMIN)).toMatchObject({ idNumber, phone: PHONE });
      expect(missing(READER)).toMatchObject({ idNumber: maskIdNumber(idNumber), phone: maskPhone(PHONE) });
    } finally {
      await ledger.close();
    }
  }, 120_000);
});
