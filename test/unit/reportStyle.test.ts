import { describe, expect, it } from 'vitest';
import { cellText, chineseDate, columnLetter, rowHeight, startsLikeFormula } from '../../src/reports/style.js';
import { exportFileName } from '../../src/domain/fileNames.js';

describe('report style helpers', () => {
  it.each(['=1+1', '+86 139', '-3', '@SUM(A1)', '\tx', '\rx'])('takes %j for something a spreadsheet could read as a formula', (text) => {
    expect(startsLikeFormula(text)).toBe(true);
  });

  it('leaves ordinary text, and Chinese text with symbols inside, as it is', () => {
    for (const text of ['甄试', 'A=B', '单位负责人：=1+1', '第一行\n第二行\t止']) {
      expect(startsLikeFormula(text)).toBe(false);
      expect(cellText(text)).toBe(text);
    }
  });

  it('shows what XML cannot hold, and what the contract refuses, as �', () => {
    expect(cellText('甄\uFFFE\uFFFF\u0000\u0008\u001F\u007F\u0085\u202E\u{10FFFF}试')).toBe(`甄${'\uFFFD'.repeat(9)}试`);
  });

  it('prints dates the way forms do and names columns like Excel', () => {
    expect(chineseDate('2026-04-02')).toBe('2026年4月2日');
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('suggests file names Windows accepts', () => {
    expect(exportFileName('明细表', '中共示例/虚构 委员会', '2026-11-25', '.xlsx')).toBe('明细表_中共示例虚构委员会_20261125.xlsx');
  });

  it('makes a row tall enough for its longest wrapped text, so no viewer clips it', () => {
    const columns = [{ header: '序号', width: 6, kind: 'number' as const }, { header: '党组织', width: 20 }];
    expect(rowHeight([1, '短名'], columns)).toBe(20);
    expect(rowHeight([123456789, '中共示例市望川县住房和城乡建设局办公室支部委员会'], columns)).toBe(3 * 14 + 6);
  });
});
