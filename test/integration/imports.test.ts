/**
 * Importing members and accounts from messy but legitimate sheets written by openpyxl, exceljs and LibreOffice, and
 * from CSV in UTF-8 and GBK: exact row counts, normalised values, remembered mappings, all-or-nothing, valid rows only,
 * update or skip, the error workbook read back with openpyxl.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../src/contract/contract.js';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { msg } from '../../src/i18n/messages.js';
import { validId } from '../support/ids.js';
import { writeCsv, writeWithExceljs, writeWithLibreOffice, writeWithOpenpyxl, type SpecCell } from '../support/importFiles.js';
import { caller } from '../support/ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-imports-'));
let ledger: Ledger;
let call: ReturnType<typeof caller>;
let branchA: number;

beforeAll(() => {
  ledger = openAdminLedger(path.join(dir, 'data'));
  call = caller(ledger.registry);
  const root = call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
  branchA = call('organizations.create', { parentId: root, fullName: '中共测试委员会甲支部委员会', shortName: '甲支部', type: '党支部' }).id;
  call('organizations.create', { parentId: root, fullName: '中共测试委员会乙支部委员会', shortName: '乙支部', type: '党支部' });
});
afterAll(async () => {
  await ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Options = Partial<Omit<CallInput<'imports.start'>, 'uploadId' | 'kind'>>;

export async function importFile(l: Ledger, file: string, kind: 'members' | 'accounts', options: Options = {}) {
  const c = caller(l.registry);
  const { uploadId } = c('imports.upload', { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') });
  const started = c('imports.start', { kind, uploadId, mode: 'preview', ...options });
  return l.jobs.wait(started.id);
}

const member = (idNumber: string) => ledger.db.prepare('SELECT m.*, o.code FROM members m JOIN organizations o ON o.id = m.organization_id WHERE id_number = ?').get(idNumber) as Record<string, unknown> | undefined;
const count = (table: string) => (ledger.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const file = (name: string) => path.join(dir, name);

const ID = {
  zhang: validId('1980-01-02', 101),
  li: validId('1981-02-03', 102),
  wang: validId('1982-03-04', 103),
  zhao: validId('1983-04-05', 104),
  qian: validId('1984-05-06', 105),
  sun: validId('1985-06-07', 106),
};
const badCheck = ID.sun.slice(0, 17) + (ID.sun[17] === '1' ? '2' : '1');

/** openpyxl: a merged title, a 填报单位 line, synonyms in the header, full-width digits, NBSP, lowercase x, dates in four forms. */
function messyMembers(): SpecCell[][] {
  return [
    ['中共测试委员会党员名册', null, null, null, null, null, null, null],
    ['填报单位：中共测试委员会', null, null, null, null, null, null, null],
    ['序号', '党员姓名', '公民身份号码', '所属支部', '手机', '入党时间', '职务层次', '人员类别'],
    [1, '张\u00a0测试', ID.zhang.slice(0, 17) + ID.zhang[17]!.toLowerCase(), '甲支部', '１３８００１３８０００', '2019年4月12日', '科级', '预备'],
    [2, ' 李测试 ', ID.li, '001002', '138 0013 8001', { date: '2010-07-01' }, null, null],
    [3, '王测试', Number(ID.wang.slice(0, 17) + '0'), '甲支部', null, null, null, null],
    [null, null, null, null, null, null, null, null],
    [5, '赵测试', ID.zhao, '中共测试委员会甲支部委员会', '0512-65221234', '2019/4/12', null, '正式党员'],
    [6, '钱测试', ID.qian, '乙支部', null, '201904', null, null],
    [7, '赵测试二', ID.zhao, '甲支部', null, '2019.04.12', null, null],
    [8, '孙测试', badCheck, '甲支部', null, null, null, null],
  ];
}

describe('members from a messy openpyxl sheet', () => {
  let src: string;
  beforeAll(() => {
    src = writeWithOpenpyxl(file('messy-openpyxl.xlsx'), messyMembers(), ['A1:H1']);
  });

  it('previews row by row without changing anything: 4 to add, 3 refused with row, column, problem and suggestion', async () => {
    const before = count('members');
    const s = await importFile(ledger, src, 'members', { mode: 'preview', outPath: file('errors.xlsx') });
    expect(s.state).toBe('done');
    const o = s.outcome!;
    expect(o.headerRow).toBe(3);
    expect(o.counts).toEqual({ rows: 7, add: 4, update: 0, unchanged: 0, skip: 0, refused: 3 });
    expect(count('members')).toBe(before);
    const refused = Object.fromEntries(o.rows.filter((r) => r.action === 'refused').map((r) => [r.row, r.problems]));
    expect(Object.keys(refused).map(Number)).toEqual([6, 10, 11]);
    expect(refused[6]).toEqual([{ column: '公民身份号码', problem: msg.imports.problem.idAsNumber, suggestion: msg.imports.suggest.idAsNumber }]);
    expect(refused[10]![0]).toEqual({ column: '公民身份号码', problem: msg.imports.problem.repeatedInFile(8), suggestion: msg.imports.suggest.repeatedInFile });
    expect(refused[11]![0]).toMatchObject({ column: '公民身份号码', problem: msg.idNumber.checkDigit });
  });

  it('writes the error workbook: the refused rows with the same columns plus 错误说明, the ID numbers as text', async () => {
    const r = spawnSync('/usr/bin/python3', ['-c', `
import json, openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[c.value for c in row] for row in ws.iter_rows()], ensure_ascii=False))`, file('errors.xlsx')], { encoding: 'utf8' });
    const rows = JSON.parse(r.stdout) as (string | number | null)[][];
    expect(rows[0]).toEqual(['序号', '党员姓名', '公民身份号码', '所属支部', '手机', '入党时间', '职务层次', '人员类别', '错误说明', '原行号']);
    expect(rows.length).toBe(4);
    expect(rows.map((r) => r[9])).toEqual(['原行号', 6, 10, 11]);
    expect(rows[3]![2]).toBe(badCheck);
    expect(String(rows[1]![8])).toContain(msg.imports.suggest.idAsNumber);
  });

  it('refuses the whole import while a row is refused: the register is unchanged', async () => {
    const before = count('members');
    const s = await importFile(ledger, src, 'members', { mode: 'run', writeErrors: false });
    expect(s.outcome).toMatchObject({ imported: false, errorFile: false });
    expect(count('members')).toBe(before);
  });

  it('imports the valid rows only when asked, normalised, with one audit entry for the file', async () => {
    const s = await importFile(ledger, src, 'members', { mode: 'run', validOnly: true, writeErrors: false });
    expect(s.outcome).toMatchObject({ imported: true, counts: { add: 4, refused: 3 } });
    expect(member(ID.zhang)).toMatchObject({ name: '张测试', id_number: ID.zhang, phone: '13800138000', joined_on: '2019-04-12', rank: '乡科级', party_status: '预备党员', code: '001001' });
    expect(member(ID.li)).toMatchObject({ name: '李测试', phone: '13800138001', joined_on: '2010-07-01', code: '001002' });
    expect(member(ID.zhao)).toMatchObject({ name: '赵测试', phone: '0512-65221234', joined_on: '2019-04-12' });
    expect(member(ID.qian)).toMatchObject({ joined_on: '2019-04-01', code: '001002' });
    expect(member(validId('1982-03-04', 103))).toBeUndefined();
    const audit = ledger.db.prepare("SELECT * FROM audit_log WHERE entity = 'import'").all() as { summary: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    const after = JSON.parse(audit[0]!.after_json);
    expect(after).toMatchObject({ fileName: 'messy-openpyxl.xlsx', counts: { add: 4, refused: 3 }, refusedRows: [6, 10, 11] });
    expect(after.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(after.changes).toMatchObject({ count: 4 });
    expect((ledger.db.prepare("SELECT count(*) AS n FROM audit_changes WHERE entity = 'member' AND action = 'create'").get() as { n: number }).n).toBe(4);
  });

  it('a second preview finds the same rows unchanged', async () => {
    const s = await importFile(ledger, src, 'members');
    expect(s.outcome!.counts).toMatchObject({ add: 0, unchanged: 4, refused: 3 });
  });
});

describe('members from exceljs (merged group header, Excel serial dates) and LibreOffice sheets', () => {
  it('reads a two-row merged header and Excel serial dates; update or skip for a known ID number', async () => {
    const src = await writeWithExceljs(file('merged-exceljs.xlsx'), [
      ['党员花名册', null, null, null, null],
      ['基本信息', null, '所在党组织', '联系方式', '入党时间'],
      ['姓名', '身份证号', null, '联系电话', null],
      ['张测试', ` ${ID.zhang} `, '乙支部', '13900139000', 43567],
      ['孙测试', ID.sun, '001001', null, '2019.04.12'],
    ], ['A1:E1', 'A2:B2', 'C2:C3', 'E2:E3']);
    const skip = await importFile(ledger, src, 'members', { mode: 'run' });
    expect(skip.outcome).toMatchObject({ headerRow: 3, imported: true, counts: { rows: 2, add: 1, skip: 1, refused: 0 } });
    expect(member(ID.zhang)).toMatchObject({ code: '001001', phone: '13800138000' });
    expect(member(ID.sun)).toMatchObject({ joined_on: '2019-04-12' });
    const update = await importFile(ledger, src, 'members', { mode: 'run', onExisting: 'update' });
    expect(update.outcome!.counts).toMatchObject({ update: 1, unchanged: 1 });
    expect(member(ID.zhang)).toMatchObject({ code: '001002', phone: '13900139000', joined_on: '2019-04-12' });
  });

  it('reads a sheet LibreOffice wrote (text ID cells, real date cells)', async () => {
    const id = validId('1990-09-09', 201);
    const src = writeWithLibreOffice(file('libreoffice.xlsx'), [
      ['姓名', '身份证号', '党支部', '联系电话', '入党日期'],
      ['周测试', id, '乙支部', '13700137000', { date: '2015-06-30' }],
    ]);
    const s = await importFile(ledger, src, 'members', { mode: 'run' });
    expect(s.outcome).toMatchObject({ imported: true, counts: { rows: 1, add: 1 } });
    expect(member(id)).toMatchObject({ name: '周测试', joined_on: '2015-06-30', code: '001002', phone: '13700137000' });
  });
});

describe('CSV in the encodings WPS and Excel write', () => {
  const rows = (id: string) => [['姓名', '证件号码', '联系电话'], ['吴测试', id, '13600136000'], ['郑测试', '3.2E+17', '']];
  for (const encoding of ['utf8', 'utf8-bom', 'gbk', 'gb18030'] as const) {
    it(`${encoding}: names read right, the scientific ID refused, rows without an organization column go to the chosen one`, async () => {
      const id = validId('1991-01-01', 300 + ['utf8', 'utf8-bom', 'gbk', 'gb18030'].indexOf(encoding));
      const s = await importFile(ledger, writeCsv(file(`m-${encoding}.csv`), rows(id), encoding), 'members', { mode: 'run', validOnly: true, organizationId: branchA, writeErrors: false });
      expect(s.outcome).toMatchObject({ imported: true, counts: { rows: 2, add: 1, refused: 1 } });
      expect(s.outcome!.rows[0]).toMatchObject({ row: 3, label: '郑测试', problems: [{ column: '证件号码', problem: msg.imports.problem.idAsNumber }] });
      expect(member(id)).toMatchObject({ name: '吴测试', code: '001001' });
    });
  }

  it('asks for an organization when the sheet has no such column and none was chosen', async () => {
    const s = await importFile(ledger, writeCsv(file('no-org.csv'), rows(validId('1991-01-01', 399)), 'utf8'), 'members');
    expect(s.outcome).toMatchObject({ missingFields: ['organization'], counts: { rows: 0 }, imported: false });
  });
});

describe('mapping', () => {
  it('a header nobody recognises can be mapped by hand, and the mapping is remembered for the same header', async () => {
    const id = validId('1992-02-02', 401);
    const src = writeCsv(file('odd-header.csv'), [['名', '号', '组'], ['冯测试', id, '甲支部']], 'utf8');
    const first = await importFile(ledger, src, 'members');
    expect(first.outcome).toMatchObject({ headerRow: 1, columns: ['名', '号', '组'], missingFields: ['name', 'idNumber', 'organization'], counts: { rows: 0 } });
    const run = await importFile(ledger, writeCsv(file('odd-header-2.csv'), [['名', '号', '组', '电话'], ['冯测试', id, '甲支部', '']], 'utf8'), 'members', {
      mode: 'run',
      mapping: { name: 0, idNumber: 1, organization: 2 },
    });
    expect(run.state).toBe('done');
    expect(run.outcome).toMatchObject({ imported: true, counts: { add: 1 } });
    const again = await importFile(ledger, writeCsv(file('odd-header-3.csv'), [['名', '号', '组', '电话'], ['冯测试', id, '甲支部', '13500135000']], 'utf8'), 'members', { onExisting: 'update' });
    expect(again.outcome).toMatchObject({ rememberedMapping: true, counts: { unchanged: 1 } });
  });
});

describe('accounts', () => {
  it('imports accounts by the owner ID number, with 1.2万 followers, 公众号 and 个人 read as the vocabulary, and known filings', async () => {
    const src = writeWithOpenpyxl(file('accounts.xlsx'), [
      ['网络账号登记表'],
      ['开设人', '身份证号', '网络平台', '名称', '关注数', '开设身份', '类型', '开设日期', '账号ID', '报备状态', '报备日期'],
      ['张测试', ID.zhang, '微信公众号', '测试读书笔记', '1.2万', '个人', '公众号', '2020年3月1日', 'test_reading', '已备案', '2020年3月5日'],
      ['李测试', ID.li, '抖音', '测试号', 300, '以职务身份', '账号', { date: '2021-05-06' }, '  ', '待审核', null],
      ['某某', validId('1970-01-01', 999), '微博', '无主账号', null, '个人', '账号', null, null, null, null],
      ['李测试', ID.li, '火星平台', '未知平台号', null, '个人', '账号', null, null, null, null],
      ['李测试', ID.li, '微博', '个人微博', null, '个人', '账号', null, null, '已登记', '2021-01-01'],
    ], ['A1:K1']);
    const s = await importFile(ledger, src, 'accounts', { mode: 'run', validOnly: true, writeErrors: false });
    expect(s.outcome).toMatchObject({ imported: true, counts: { rows: 5, add: 2, refused: 3 } });
    const acc = ledger.db.prepare("SELECT * FROM accounts WHERE display_name = '测试读书笔记'").get() as Record<string, unknown>;
    expect(acc).toMatchObject({ platform: '微信公众号', audience: 12000, capacity: '个人', kind: '公众账号', opened_on: '2020-03-01', account_ref: 'test_reading', region: '境内', required_filing: '备案', filing_state: '已登记' });
    expect(ledger.db.prepare('SELECT type, state, submitted_on, reviewed_on FROM filings WHERE account_id = ?').all(acc.id)).toEqual([{ type: '备案', state: '已登记', submitted_on: '2020-03-05', reviewed_on: '2020-03-05' }]);
    const official = ledger.db.prepare("SELECT * FROM accounts WHERE display_name = '测试号'").get() as Record<string, unknown>;
    expect(official).toMatchObject({ account_ref: null, required_filing: '报告', filing_state: '待审核' });
    const refused = s.outcome!.rows.filter((r) => r.action === 'refused');
    expect(refused.map((r) => r.row)).toEqual([5, 6, 7]);
    expect(refused[0]!.problems[0]!.problem).toBe(msg.imports.problem.ownerUnknown(validId('1970-01-01', 999)));
    expect(refused[1]!.problems[0]!.problem).toBe(msg.account.unknownPlatform('火星平台'));
    expect(refused[2]!.problems).toEqual([{ column: '报备状态', problem: msg.imports.problem.noFilingNeeded, suggestion: msg.imports.suggest.noFilingNeeded }]);
  });
});

describe('templates', () => {
  it('writes the members template that the importer reads back without a mapping', async () => {
    const out = file('members-template.xlsx');
    const s = await ledger.jobs.wait(call('imports.template', { kind: 'members', outPath: out }).id);
    expect(s.state).toBe('done');
    const r = spawnSync('/usr/bin/python3', ['-c', `
import json, openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps({"sheets": wb.sheetnames, "states": [w.sheet_state for w in wb.worksheets], "header": [c.value for c in ws[1]],
  "idFormat": ws.column_dimensions["B"].number_format,
  "validations": [[str(d.sqref), d.formula1] for d in ws.data_validations.dataValidation],
  "lists": [[c.value for c in col] for col in wb["选项"].iter_cols()]}, ensure_ascii=False))`, out], { encoding: 'utf8' });
    const t = JSON.parse(r.stdout);
    expect(t.sheets).toEqual(['党员名册', '填写说明', '选项']);
    expect(t.states).toEqual(['visible', 'visible', 'veryHidden']);
    expect(t.header).toEqual(['姓名', '身份证号', '所在党组织', '工作单位', '职务', '职务层次', '党籍状态', '联系电话', '入党时间', '备注']);
    expect(t.idFormat).toBe('@');
    expect(t.validations).toEqual([["C2:C5001", "'选项'!$A$1:$A$3"], ["F2:F5001", "'选项'!$B$1:$B$5"], ["G2:G5001", "'选项'!$C$1:$C$2"]]);
    expect(t.lists[0].filter(Boolean)).toEqual(['中共测试委员会', '中共测试委员会甲支部委员会', '中共测试委员会乙支部委员会']);

    const filled = await writeWithExceljs(file('template-filled.xlsx'), [t.header, ['卫测试', validId('1993-03-03', 501), '中共测试委员会乙支部委员会', null, null, '一般干部', '正式党员', null, '2020-01-01', null]]);
    const run = await importFile(ledger, filled, 'members', { mode: 'run' });
    expect(run.outcome).toMatchObject({ imported: true, counts: { add: 1 } });
  });

  it('keeps every 4-byte character of a large tree in the template (no chunk of the XML cuts one in two)', async () => {
    // 1,800 names under two parents (a level holds 999 codes), mostly 4-byte characters: the XML spans a dozen of the
    // 16K-character chunks that once cut a surrogate pair in two, and nearly half the places a chunk can end fall
    // inside a pair, so the old writer garbled some name on every run we tried.
    const names = Array.from({ length: 1800 }, (_, i) => `中共${'𠮷😀'.repeat(20)}第${i}支部`);
    const parents = ['中共测试𠀀工作委员会', '中共测试𠀁工作委员会'].map((fullName) => call('organizations.create', { parentId: null, fullName, type: '党委' }).id);
    ledger.db.transaction(() => names.forEach((fullName, i) => call('organizations.create', { parentId: parents[i % 2]!, fullName, type: '党支部' })))();
    const out = file('members-template-wide.xlsx');
    expect((await ledger.jobs.wait(call('imports.template', { kind: 'members', outPath: out }).id)).state).toBe('done');
    const r = spawnSync('/usr/bin/python3', ['-c', `
import json, openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([c.value for c in next(wb["选项"].iter_cols()) if c.value], ensure_ascii=False))`, out], { encoding: 'utf8' });
    const listed: string[] = JSON.parse(r.stdout);
    const expected = (ledger.db.prepare('SELECT full_name FROM organizations ORDER BY tree_path').all() as { full_name: string }[]).map((o) => o.full_name);
    expect(listed).toHaveLength(1800 + 5);
    expect(listed).toEqual(expected);
  });
});
