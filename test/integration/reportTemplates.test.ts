/** 明细表 column templates: saved in the register (audited), and the 明细表 printed through one, read back with openpyxl. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/contract/operators.js';
import { maskIdNumber } from '../../src/domain/mask.js';
import { writeReport } from '../../src/reports/writeReport.js';
import { inspectWorkbook, type InspectedSheet } from '../support/excel.js';
import { publicAccount, registerWithMembers } from '../support/register.js';
import { validId } from '../support/ids.js';

const READ_ONLY: Caller = { operatorId: 9, name: '只读甲', role: '只读' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-templates-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A higher level's own order and words: the organization first, the ID number last. */
const COLUMNS = [
  { key: 'index', header: '序号' },
  { key: 'organization', header: '所在支部' },
  { key: 'name', header: '党员姓名' },
  { key: 'displayName', header: '账号（群组）名称' },
  { key: 'state', header: '报备情况' },
  { key: 'idNumber', header: '公民身份号码' },
] as const;

function setup() {
  const r = registerWithMembers();
  r.call('accounts.create', publicAccount(r.m1, { displayName: '甲一读书' }));
  r.call('accounts.create', publicAccount(r.m2, { displayName: '乙二笔记', accountRef: 'b2' }));
  r.call('accounts.create', publicAccount(r.m3, { displayName: '乙三小站', accountRef: 'b3' }));
  const id = (m: number) => (r.call('members.get', { id: m }) as { idNumber: string }).idNumber;
  return { ...r, ids: [id(r.m1), id(r.m2), id(r.m3)] };
}

/** Header row 4 and the data rows (the ones numbered in column A) as text, by column letter. */
function table(s: InspectedSheet) {
  const byRow = new Map<number, Map<string, string>>();
  for (const c of s.cells) {
    const row = Number(c.ref.replace(/^[A-Z]+/, ''));
    if (!byRow.has(row)) byRow.set(row, new Map());
    byRow.get(row)!.set(c.ref.replace(/\d+$/, ''), String(c.type === 'f' ? c.cached : c.value));
  }
  const letters = Array.from({ length: s.maxColumn }, (_, i) => String.fromCharCode(65 + i));
  const header = letters.map((l) => byRow.get(4)?.get(l) ?? '');
  const data = [...byRow.entries()].filter(([n, cells]) => n > 4 && /^\d+$/.test(cells.get('A') ?? '')).map(([, cells]) => letters.map((l) => cells.get(l) ?? ''));
  return { header, data, byRow };
}

describe('明细表 templates', () => {
  it('round-trips a template (order, names, masking), refuses a second of the same name, and audits every save and delete', () => {
    const r = setup();
    const saved = r.call('reportTemplates.save', { name: '市委组织部格式', columns: [...COLUMNS], fullIdNumbers: true });
    expect(r.call('reportTemplates.list', {})).toEqual([saved]);
    expect(saved).toMatchObject({ name: '市委组织部格式', columns: COLUMNS, fullIdNumbers: true });
    expect(r.fail('reportTemplates.save', { name: '市委组织部格式', columns: [...COLUMNS] }).message).toContain('已有名为“市委组织部格式”的模板');
    const renamed = r.call('reportTemplates.save', { id: saved.id, name: '县委格式', columns: [COLUMNS[0], COLUMNS[2]], fullIdNumbers: false });
    expect(renamed).toMatchObject({ id: saved.id, name: '县委格式', columns: [COLUMNS[0], COLUMNS[2]], fullIdNumbers: false });
    r.call('reportTemplates.delete', { id: saved.id });
    expect(r.call('reportTemplates.list', {})).toEqual([]);
    const audit = r.call('audit.list', { entity: 'report_template', entityId: saved.id });
    expect(audit.map((e) => [e.action, e.summary])).toEqual([['delete', '县委格式'], ['update', '县委格式'], ['create', '市委组织部格式']]);
    expect((audit[1]!.before as { name: string }).name).toBe('市委组织部格式');
  });

  it('refuses a template without a column filled on every row after the first, the same column or header twice, an unknown column, or a name already used however it is spelled', () => {
    const r = setup();
    // The field's own message comes with the refusal (details.fields), as for every form.
    const refusal = (columns: unknown) => JSON.stringify(r.fail('reportTemplates.save', { name: '甲', columns }));
    expect(refusal([{ key: 'index', header: '序号' }, { key: 'remark', header: '备注' }])).toContain('第一列之后请至少保留');
    expect(refusal([{ key: 'name', header: '姓名' }, { key: 'name', header: '名字' }])).toContain('同一列不能选两次。');
    expect(refusal([{ key: 'index', header: '序号' }, { key: 'salary', header: '工资' }])).toContain('明细表没有这一列');
    expect(refusal([])).toContain('请至少选择一列。');
    // 来源 is printed only with sub-units' packages: without them [来源, 姓名] would leave nothing to count by.
    expect(refusal([{ key: 'source', header: '来源' }, { key: 'name', header: '姓名' }])).toContain('第一列之后请至少保留');
    expect(refusal([{ key: 'name', header: '姓名' }, { key: 'idNumber', header: '姓名' }])).toContain('两列不能用同一个列名');
    expect(r.call('reportTemplates.list', {})).toEqual([]);
    // Café typed with é as one character, then as e + a combining accent: one name.
    r.call('reportTemplates.save', { name: 'Caf\u00e9', columns: [{ key: 'index', header: '序号' }, { key: 'name', header: '姓名' }] });
    expect(JSON.stringify(r.fail('reportTemplates.save', { name: 'Cafe\u0301', columns: [{ key: 'index', header: '序号' }, { key: 'name', header: '姓名' }] }))).toContain('Caf\u00e9');
  });

  it('prints the 明细表 in the template\'s columns, order and names, with whole or masked ID numbers as the template says', async () => {
    const r = setup();
    const full = r.call('reportTemplates.save', { name: '完整', columns: [...COLUMNS], fullIdNumbers: true });
    const masked = r.call('reportTemplates.save', { name: '隐去', columns: [...COLUMNS], fullIdNumbers: false });
    const read = async (templateId: number) => {
      const out = path.join(dir, `t${templateId}.xlsx`);
      // As the export worker runs it: the start call allowed whole numbers; the template can still narrow that.
      await writeReport(r.ctx, 'detail', { templateId, fullIdNumbers: true }, out);
      return table(inspectWorkbook(out)[0]!);
    };
    const whole = await read(full.id);
    expect(whole.header).toEqual(COLUMNS.map((c) => c.header));
    // The register's rows, by organization code then name: 甲一 in 甲支部, then 乙二 and 乙三 in 乙支部.
    expect(whole.data).toEqual([
      ['1', '甲支部', '甲一', '甲一读书', '未报备', r.ids[0]],
      ['2', '乙支部', '乙二', '乙二笔记', '未报备', r.ids[1]],
      ['3', '乙支部', '乙三', '乙三小站', '未报备', r.ids[2]],
    ]);
    expect((await read(masked.id)).data.map((row) => row[5])).toEqual(r.ids.map(maskIdNumber));
    // The 小计 still count the rows (over 所在支部, the first always-filled column after the label's).
    const totals = [...whole.byRow.values()].filter((cells) => (cells.get('A') ?? '').endsWith('小计'));
    expect(totals.map((cells) => [cells.get('A'), cells.get('E')])).toEqual([['甲支部　小计', '1'], ['乙支部　小计', '2']]);
  });

  it('does not let a 只读 operator print whole ID numbers through a template (a masked template is fine)', () => {
    const r = setup();
    const full = r.call('reportTemplates.save', { name: '完整', columns: [...COLUMNS], fullIdNumbers: true });
    const masked = r.call('reportTemplates.save', { name: '隐去', columns: [...COLUMNS], fullIdNumbers: false });
    expect(r.raw.invoke('reports.preview', { kind: 'detail', templateId: full.id }, READ_ONLY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('这个模板打印完整身份证号') } });
    const preview = r.raw.invoke('reports.preview', { kind: 'detail', templateId: masked.id }, READ_ONLY) as { ok: true; value: { sheets: { headers: string[]; rows: unknown[][] }[] } };
    expect(preview.value.sheets[0]!.headers).toEqual(COLUMNS.map((c) => c.header));
    expect(preview.value.sheets[0]!.rows.map((row) => row[5])).toEqual(r.ids.map(maskIdNumber));
    expect(r.raw.invoke('reportTemplates.save', { name: '只读的', columns: [...COLUMNS] }, READ_ONLY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps a 只读 operator\'s queued export masked when the template is switched to whole numbers before it runs', async () => {
    const { openAdminLedger } = await import('../support/adminLedger.js');
    const { caller } = await import('../support/ledger.js');
    const ledger = openAdminLedger(path.join(dir, 'race'));
    const call = caller(ledger.registry);
    const org = call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
    const idNumber = validId('1986-04-05', 316);
    call('accounts.create', publicAccount(call('members.create', { name: '丙一', organizationId: org, idNumber }).id, { displayName: '丙一读书' }));
    const columns = [{ key: 'index', header: '序号' }, { key: 'name', header: '姓名' }, { key: 'idNumber', header: '身份证号' }] as const;
    const template = call('reportTemplates.save', { name: '上级模板', columns: [...columns], fullIdNumbers: false });
    const out = path.join(dir, 'race.xlsx');
    const started = ledger.registry.invoke('reports.start', { type: 'report', kind: 'detail', templateId: template.id, outPath: out }, READ_ONLY);
    if (!started.ok) throw new Error(started.error.message);
    // The export worker reads the template when it runs, after this change: what the 只读 operator was allowed stands.
    call('reportTemplates.save', { id: template.id, name: '上级模板', columns: [...columns], fullIdNumbers: true });
    expect((await ledger.jobs.wait((started.value as { id: string }).id)).state).toBe('done');
    const { data } = table(inspectWorkbook(out)[0]!);
    expect(data).toEqual([['1', '丙一', maskIdNumber(idNumber)]]);
    await ledger.close();
  });
});

describe('netledger report detail --template', () => {
  it('prints the 明细表 through a template named on the command line, and names a missing one', async () => {
    const { spawnSync } = await import('node:child_process');
    const { openAdminLedger } = await import('../support/adminLedger.js');
    const { caller } = await import('../support/ledger.js');
    const dataDir = path.join(dir, 'cli');
    const ledger = openAdminLedger(dataDir);
    const call = caller(ledger.registry);
    const org = call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
    const member = call('members.create', { name: '丁一', organizationId: org, idNumber: validId('1985-03-04', 214) }).id;
    call('accounts.create', publicAccount(member, { displayName: '丁一读书' }));
    call('reportTemplates.save', { name: '县委 格式', columns: [{ key: 'index', header: '编号' }, { key: 'displayName', header: '名称' }, { key: 'name', header: '开设人' }] });
    await ledger.close();
    const bin = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
    const out = path.join(dir, 'cli.xlsx');
    const done = run('report', 'detail', '--template', '县委 格式', '--out', out);
    expect(done.status, done.stderr).toBe(0);
    const { header, data } = table(inspectWorkbook(out)[0]!);
    expect(header).toEqual(['编号', '名称', '开设人']);
    expect(data).toEqual([['1', '丁一读书', '丁一']]);
    const missing = run('report', 'detail', '--template', '省委格式', '--out', out);
    expect([missing.status, missing.stderr.trim()]).toEqual([1, '没有名为“省委格式”的明细表模板。']);
  }, 60_000);
});
