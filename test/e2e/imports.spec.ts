import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { validId } from '../support/ids.js';
import { writeWithOpenpyxl } from '../support/importFiles.js';
import { maskIdNumber, maskPhone } from '../../src/domain/mask.js';
import { SHOTS, rpc, shot, useConsole } from './console.js';

const app = useConsole(200);
// The mapping's selects sit low on the page; a taller window keeps their dropdowns on screen.
test.use({ viewport: { width: 1400, height: 1200 } });

const A = validId('1980-05-06', 11, '990101');
const B = validId('1981-06-07', 12, '990101');

test('imports a messy sheet through the window: mapping fixed by hand, a refused row, the error workbook, valid rows only', async ({ page }) => {
  // A branch's own sheet, written by openpyxl: a merged title, a column name nobody maps automatically, an ID as a number.
  const sheet = writeWithOpenpyxl(path.join(SHOTS, 'messy-branch.xlsx'), [
    ['机关支部党员信息', null, null, null],
    ['党员名字', '公民身份号码', '组织代码', '手机'],
    ['导入测试甲', A, '001001001', '１３８００１３８０１１'],
    ['导入测试乙', Number(B.slice(0, 17) + '0'), '001001001', null],
    ['导入测试丙', B, '001001001', '13800138012'],
  ], ['A1:D1']);

  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '数据导入' }).click();
  await page.locator('input[type=file]').setInputFiles(sheet);
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping).toContainText('表头在第 2 行');
  await expect(mapping).toContainText('请为“姓名”选择表格中的列');
  await expect(page.getByText('正在读取和检查表格…')).toBeHidden();
  await shot(page, '51-import-mapping-missing');

  await mapping.getByLabel('姓名').click();
  await page.getByTitle('A 列：党员名字').click();
  await page.getByRole('button', { name: '按新的列对应重新预览' }).click();
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('新增 2');
  await expect(counts).toContainText('有问题 1');
  const rows = page.getByTestId('import-rows');
  await expect(rows).toContainText('导入测试乙');
  await expect(rows).toContainText('第15位以后的数字已经丢失');
  await expect(page.getByRole('button', { name: '全部导入' })).toBeDisabled();
  await expect(page.getByText('正在读取和检查表格…')).toBeHidden();
  await counts.scrollIntoViewIfNeeded();
  await shot(page, '52-import-preview-refused');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载错误清单' }).click();
  const file = await download;
  const saved = path.join(SHOTS, 'downloaded-import-errors.xlsx');
  await file.saveAs(saved);
  const read = spawnSync('/usr/bin/python3', ['-c', `
import json, openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[c.value for c in r] for r in ws.iter_rows()], ensure_ascii=False))`, saved], { encoding: 'utf8' });
  const back = JSON.parse(read.stdout) as (string | number | null)[][];
  expect(back[0]).toEqual(['党员名字', '公民身份号码', '组织代码', '手机', '错误说明', '原行号']);
  expect(back).toHaveLength(2);
  expect(back[1]![0]).toBe('导入测试乙');
  expect(back[1]![5]).toBe(4);
  expect(String(back[1]![4])).toContain('设置单元格格式为“文本”');

  await page.getByRole('button', { name: '只导入无误的行' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已导入：新增 2，更新 0。').first()).toBeVisible();
  await expect(page.getByText('另有 1 行有问题，没有导入')).toBeVisible();
  await expect(page.getByRole('button', { name: '只导入无误的行' })).toHaveCount(0);
  await expect(page.getByText('正在读取和检查表格…')).toBeHidden();
  await shot(page, '53-import-done');
  const found = await rpc<{ rows: { name: string; idNumber: string; phone: string | null }[] }>(page, 'members.search', { q: '导入测试' });
  // Lists show ID numbers and phones masked (issue 11).
  expect(found.rows.map((r) => [r.name, r.idNumber, r.phone]).sort()).toEqual([['导入测试丙', maskIdNumber(B), maskPhone('13800138012')], ['导入测试甲', maskIdNumber(A), maskPhone('13800138011')]]);
});
