import { describe, expect, it } from 'vitest';
import { idNumberText, parseCount, parseDate } from '../../src/imports/cellValues.js';
import { incompleteTail, wholeCharacters } from '../../src/imports/exceljsUtf8.js';
import { findHeader, headerFingerprint, proposeMapping } from '../../src/imports/headerMapping.js';
import { csvRows, decodeText } from '../../src/imports/sheetReader.js';
import iconv from 'iconv-lite';
import { msg } from '../../src/i18n/messages.js';

const ok = (value: unknown) => ({ ok: true, value });

describe('cells as people type them', () => {
  it('reads dates in the forms people type, Excel serials and date cells', () => {
    for (const text of ['2019-04-12', '2019/4/12', '2019.04.12', '2019年4月12日', '20190412', ' 2019 年 4 月 12 日 ']) expect(parseDate(text)).toEqual(ok('2019-04-12'));
    expect(parseDate('201904')).toEqual(ok('2019-04-01'));
    expect(parseDate(43567)).toEqual(ok('2019-04-12'));
    expect(parseDate(201904)).toEqual(ok('2019-04-01'));
    expect(parseDate(new Date('2019-04-12T00:00:00Z'))).toEqual(ok('2019-04-12'));
    expect(parseDate(null)).toEqual(ok(null));
    for (const bad of ['2019-02-30', '明年', '12/04/2019', '1899-12-31']) expect(parseDate(bad)).toMatchObject({ ok: false, problem: msg.imports.problem.date });
  });

  it('reads counts: 12000, 12,000, 1.2万; refuses the rest', () => {
    expect([12000, '12,000', '1.2万', '１２０００', ''].map(parseCount)).toEqual([ok(12000), ok(12000), ok(12000), ok(12000), ok(null)]);
    expect(parseCount('很多')).toMatchObject({ ok: false });
    expect(parseCount(-3)).toMatchObject({ ok: false });
  });

  it('refuses an ID number that arrived as a number, with what to do in WPS/Excel; normalises full-width and lowercase x', () => {
    const refused = { ok: false, problem: msg.imports.problem.idAsNumber, suggestion: msg.imports.suggest.idAsNumber };
    expect(idNumberText(320508198203041000)).toEqual(refused);
    expect(idNumberText('3.20508E+17')).toEqual(refused);
    expect(idNumberText('3.2e17')).toEqual(refused);
    expect(idNumberText('１１０１０５１９４９１２３１００２x')).toEqual(ok('11010519491231002X'));
    expect(idNumberText(' 110105 19491231 002X\u00a0')).toEqual(ok('11010519491231002X'));
  });
});

describe('whole characters for exceljs', () => {
  it('finds the bytes of a character cut at the end of a chunk', () => {
    const bytes = Buffer.from('委员会');
    expect([0, 1, 2, 3, 4].map((n) => incompleteTail(bytes.subarray(0, bytes.length - n)))).toEqual([0, 2, 1, 0, 2]);
    expect(incompleteTail(Buffer.from('abc'))).toBe(0);
    expect(incompleteTail(Buffer.from('😀').subarray(0, 3))).toBe(3);
  });

  it('re-cuts any chunking so every chunk decodes on its own to the same text', async () => {
    const text = '中共测试委员会第1支部委员会😀abc'.repeat(50);
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 5, 7, 64]) {
      const chunks = async function* () {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      };
      let out = '';
      for await (const c of wholeCharacters(chunks())) out += new TextDecoder('utf-8', { fatal: true }).decode(c);
      expect(out).toBe(text);
    }
  });
});

describe('headers and CSV', () => {
  it('finds the header under a title and a merged group header, and maps synonyms', () => {
    const header = findHeader('members', [
      { row: 1, cells: ['某支部党员名册'] },
      { row: 2, cells: ['基本信息', null, '所属支部'] },
      { row: 3, cells: ['党员姓名', '公民身份号码', null, '联系电话（手机）', '入党年月*'] },
      { row: 4, cells: ['张测试', '11010519491231002X', '甲支部', '13800138000', '201904'] },
    ]);
    expect(header).toEqual({ row: 3, columns: ['党员姓名', '公民身份号码', '所属支部', '联系电话（手机）', '入党年月*'] });
    expect(proposeMapping('members', header!.columns)).toMatchObject({ name: 0, idNumber: 1, organization: 2, phone: 3, joinedOn: 4, workUnit: null });
    expect(headerFingerprint('members', ['姓名', '身份证号'])).toBe(headerFingerprint('members', [' 姓 名 ', '身份证号（必填）']));
  });

  it('decodes UTF-8 with or without BOM and GBK, and splits quoted CSV fields', () => {
    const text = '姓名,备注\r\n"张,测试","说""好""的\n第二行"\r\n';
    for (const buf of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), iconv.encode(text, 'gbk')]) {
      expect([...csvRows(decodeText(buf))]).toEqual([['姓名', '备注'], ['张,测试', '说"好"的\n第二行']]);
    }
  });
});
