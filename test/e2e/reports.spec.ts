import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspectWorkbook } from '../support/excel.js';
import { SHOTS, shot, useConsole } from './console.js';

const app = useConsole(300);

test('previews the 明细表 as it will print and downloads it as a workbook that openpyxl reads back', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '上报报表' }).click();
  await expect(page.getByTestId('report-preview').first()).toContainText('党员干部网络账号报备情况统计表');
  await page.getByTestId('report-kind').getByText('明细表').click();
  const preview = page.getByTestId('report-preview');
  await expect(preview).toContainText('党员干部网络账号报备明细表');
  await expect(preview).toContainText('填报单位（盖章）：中共示例市');
  const note = await page.getByTestId('report-total').innerText();
  const total = Number(/共 ([\d,]+) 行/.exec(note)![1]!.replace(/,/g, ''));
  expect(total).toBeGreaterThan(30);
  await shot(page, '31-report-preview');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^党员干部网络账号报备明细表_中共示例市.+\.xlsx$/);
  const saved = path.join(SHOTS, 'downloaded-detail.xlsx');
  await file.saveAs(saved);
  const [sheet] = inspectWorkbook(saved);
  expect(sheet!.cells.find((c) => c.ref === 'A1')!.value).toBe('党员干部网络账号报备明细表');
  const totalCell = sheet!.cells.filter((c) => c.type === 'f').pop()!;
  expect(totalCell.cached).toBe(total);
  expect(fs.statSync(saved).size).toBeGreaterThan(10_000);
});

test('the 明细表 lists every open account on request, and the 填报日期 printed is the one chosen', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '上报报表' }).click();
  await page.getByTestId('report-kind').getByText('明细表').click();
  const totalOf = async () => Number(/共 ([\d,]+) 行/.exec(await page.getByTestId('report-total').innerText())![1]!.replace(/,/g, ''));
  await expect(page.getByTestId('report-total')).toContainText('共');
  const needed = await totalOf();
  await page.getByTestId('report-listing').click();
  await page.getByText('全部在用账号（含无需报备的）').click();
  await expect.poll(totalOf).toBeGreaterThan(needed);
  // antd puts the test id on the picker's input.
  const date = page.getByTestId('report-date');
  await date.click();
  await date.fill('2026-11-20');
  await date.press('Enter');
  await expect(page.getByTestId('report-preview')).toContainText('填报日期：2026年11月20日');
  await page.getByTestId('report-kind').getByText('统计表').click();
  await expect(page.getByTestId('report-preview').first()).toContainText('报告（个）');
  await shot(page, '32-report-summary-two-level');
});
