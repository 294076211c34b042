/** ID numbers and phones: masked in lists and the 明细表 by default, whole on the member's page for those who may edit it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/contract/operators.js';
import { maskIdNumber, maskPhone } from '../../src/domain/mask.js';
import { writeReport } from '../../src/reports/writeReport.js';
import { validId } from '../support/ids.js';
import { publicAccount, registerWithMembers } from '../support/register.js';

const READ_ONLY: Caller = { operatorId: 9, name: '只读甲', role: '只读' };

describe('masking', () => {
  it('keeps the first and last four digits of an ID number, and a phone\'s prefix or area code and last four', () => {
    expect(maskIdNumber('32990119850307125X')).toBe('3299**********125X');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('0571-87654321')).toBe('0571-****4321');
  });

  it('masks lists always, and the member page for a 只读 operator only', () => {
    const r = registerWithMembers();
    const whole = validId('1985-03-02', 11);
    r.call('members.update', { id: r.m1, name: '甲一', idNumber: whole, phone: '13800138000' });
    const row = r.call('members.search', { q: '甲一' }).rows[0]!;
    expect([row.idNumber, row.phone]).toEqual([`3205**********${whole.slice(-4)}`, '138****8000']);
    expect(r.call('members.get', { id: r.m1 })).toMatchObject({ idNumber: whole, phone: '13800138000' });
    const seen = r.raw.invoke('members.get', { id: r.m1 }, READ_ONLY) as { value: { idNumber: string; phone: string } };
    expect([seen.value.idNumber, seen.value.phone]).toEqual([maskIdNumber(whole), '138****8000']);
  });

  it('prints the 明细表 with masked ID numbers unless whole ones are asked for', async () => {
    const r = registerWithMembers();
    r.call('accounts.create', publicAccount(r.m1));
    const whole = (r.call('members.get', { id: r.m1 }) as { idNumber: string }).idNumber;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-mask-'));
    const idCells = async (fullIdNumbers?: boolean) => {
      const out = path.join(dir, `明细表-${String(fullIdNumbers)}.xlsx`);
      await writeReport(r.ctx, 'detail', { fullIdNumbers }, out);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const values: string[] = [];
      book.worksheets[0]!.eachRow((rowCells) => rowCells.eachCell((c) => typeof c.value === 'string' && /^\d{4}[\d*]{10}\d{3}[\dX]$/.test(c.value) && values.push(c.value)));
      return values;
    };
    expect(await idCells()).toEqual([maskIdNumber(whole)]);
    expect(await idCells(true)).toEqual([whole]);
    expect(r.raw.invoke('reports.preview', { kind: 'detail', fullIdNumbers: true }, READ_ONLY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('masks ID numbers and phones in 操作记录 before/after values for a 只读 operator, leaving the chain as it was', () => {
    const r = registerWithMembers();
    const whole = validId('1985-03-02', 11);
    r.call('members.update', { id: r.m1, name: '甲一', idNumber: whole, phone: '13800138000' });
    const head = r.db.prepare('SELECT * FROM audit_head').all();
    const query = { entity: 'member' as const, entityId: r.m1, limit: 10 };
    const [asAdmin] = r.call('audit.list', query);
    expect(asAdmin!.after).toMatchObject({ idNumber: whole, phone: '13800138000' });
    const seen = r.raw.invoke('audit.list', query, READ_ONLY) as { ok: true; value: { before: Record<string, unknown>; after: Record<string, unknown> }[] };
    expect(seen.value[0]!.after).toMatchObject({ name: '甲一', idNumber: maskIdNumber(whole), phone: '138****8000' });
    expect(JSON.stringify(seen.value)).not.toContain(whole);
    expect(JSON.stringify(seen.value)).not.toMatch(/\d{17}[\dX]/);
    expect(r.db.prepare('SELECT * FROM audit_head').all()).toEqual(head);
    expect(r.db.prepare('SELECT after_json FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC').pluck().get('member', r.m1)).toContain(whole);
  });
});
